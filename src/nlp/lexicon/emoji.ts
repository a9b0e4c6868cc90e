// A small table of common emoji and text emoticons. Keys are compared after removing
// variation selectors and skin-tone modifiers, and lower-cased (":D" → ":d").
export const EMOJI: Record<string, [weight: number, why: string]> = {
  '😀': [2, 'smiling emoji'], '😃': [2, 'smiling emoji'], '😄': [2, 'smiling emoji'], '😁': [2, 'grinning emoji'],
  '😊': [2, 'smiling emoji'], '🙂': [1, 'slight smile emoji'], '😉': [1, 'wink emoji'], '😍': [3, 'heart-eyes emoji'],
  '🥰': [3, 'loving emoji'], '😘': [2, 'kiss emoji'], '🤗': [2, 'hug emoji'], '😌': [1, 'relieved emoji'],
  '👍': [2, 'thumbs-up emoji'], '👌': [2, 'OK-hand emoji'], '🙏': [2, 'thank-you emoji'], '👏': [2, 'applause emoji'],
  '🎉': [2, 'celebration emoji'], '💯': [2, 'hundred emoji'], '🙌': [2, 'raised-hands emoji'], '✅': [1, 'check-mark emoji'],
  '❤': [3, 'heart emoji'], '💕': [3, 'hearts emoji'], '💖': [3, 'heart emoji'], '⭐': [2, 'star emoji'], '🌟': [2, 'star emoji'],
  '😂': [1, 'laughing emoji'], '🤣': [1, 'laughing emoji'], '😅': [0.5, 'nervous-laugh emoji'],
  '😞': [-2, 'disappointed emoji'], '😟': [-2, 'worried emoji'], '😔': [-2, 'pensive emoji'], '😕': [-1.5, 'confused emoji'],
  '🙁': [-2, 'frowning emoji'], '☹': [-2, 'frowning emoji'], '😢': [-2.5, 'crying emoji'], '😭': [-3, 'sobbing emoji'],
  '😠': [-3, 'angry emoji'], '😡': [-4, 'furious emoji'], '🤬': [-4, 'swearing emoji'], '😤': [-3, 'huffing emoji'],
  '😩': [-3, 'weary emoji'], '😫': [-3, 'tired emoji'], '😖': [-2.5, 'confounded emoji'], '😣': [-2, 'persevering emoji'],
  '😒': [-2, 'unamused emoji'], '🙄': [-2, 'eye-roll emoji'], '😑': [-1.5, 'expressionless emoji'], '😐': [-0.5, 'neutral-face emoji'],
  '🤦': [-2.5, 'facepalm emoji'], '👎': [-2, 'thumbs-down emoji'], '💔': [-3, 'broken-heart emoji'], '😱': [-2, 'screaming emoji'],
  '😰': [-2, 'anxious emoji'], '😥': [-2, 'sad emoji'], '😓': [-1.5, 'downcast emoji'], '🤯': [-2, 'exploding-head emoji'],
  // Hearts of every colour are warmth; a shrug, a raised eyebrow or a pleading face in a support
  // message is resignation, doubt or distress; a thinking face is mild doubt.
  '💛': [3, 'heart emoji'], '💙': [3, 'heart emoji'], '💚': [3, 'heart emoji'], '💜': [3, 'heart emoji'], '🧡': [3, 'heart emoji'],
  '♥': [3, 'heart emoji'], '💗': [3, 'heart emoji'], '💓': [3, 'heart emoji'], '😎': [1.5, 'cool emoji'], '☺': [2, 'smiling emoji'],
  '😆': [1.5, 'laughing emoji'], '🥳': [3, 'party emoji'], '🤩': [3, 'star-struck emoji'], '😇': [1.5, 'halo emoji'],
  '🤷': [-1, 'shrug emoji'], '🤨': [-1.5, 'raised-eyebrow emoji'], '🥺': [-2, 'pleading emoji'], '🤔': [-0.5, 'thinking emoji'],
  '😬': [-1.5, 'grimacing emoji'], '😪': [-1.5, 'sleepy emoji'], '😧': [-2, 'anguished emoji'], '😨': [-2, 'fearful emoji'],
  '🥴': [-1, 'woozy emoji'], '💩': [-2.5, 'pile-of-poo emoji'],
  ':)': [2, 'smiley'], ':-)': [2, 'smiley'], '=)': [2, 'smiley'], ':d': [2, 'grin'], ':-d': [2, 'grin'], ';)': [1, 'wink'],
  ';-)': [1, 'wink'], ':p': [0.5, 'tongue'], ':(': [-2, 'frown'], ':-(': [-2, 'frown'], '=(': [-2, 'frown'],
  ":'(": [-3, 'crying'], ':((': [-3, 'frown'], ':/': [-1.5, 'skeptical'], ':-/': [-1.5, 'skeptical'], ':\\': [-1.5, 'skeptical'],
  ':|': [-1, 'flat face'], ':-|': [-1, 'flat face'], ':))': [3, 'big smile'],
};

const EMOJI_MODIFIERS = /[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]|\u200D.*/gu;

export function emojiKey(norm: string): string {
  return norm.replace(EMOJI_MODIFIERS, '');
}

export const EMOJI_MAP: ReadonlyMap<string, { weight: number; why: string }> = new Map(
  Object.entries(EMOJI).map(([k, [weight, why]]) => [emojiKey(k), { weight, why }]),
);
