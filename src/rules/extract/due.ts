// When a promise is due, read from the words after it: "by 3pm" → "15:00", "within 5-7 working
// days" → "5-7 working days", "tomorrow" → "tomorrow". Our own fixed expressions, not user input.

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const WORD_NUM = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty-eight|seventy-two)';
const NUM = `(?:(?:about|around|roughly|approximately|up to|another)\\s+)?(?:\\d+(?:\\s*(?:-|–|to)\\s*\\d+)?|${WORD_NUM}(?:\\s*(?:-|–|to|or)\\s*${WORD_NUM})?|a few|a couple of|24|48|72)`;
const UNIT = '(?:(?:working|business)\\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)';

const CLOCK = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\b\.?|\b(\d{1,2}):(\d{2})\b/i;

function clock(text: string): string | undefined {
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1] ?? m[4]);
  const minute = m[2] ?? m[5] ?? '00';
  const half = m[3]?.toLowerCase();
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  if (hour > 23 || Number(minute) > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${minute}`;
}

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [new RegExp(`\\b(?:within|in|inside of|over the next)\\s+(?:the\\s+next\\s+)?(${NUM}\\s+${UNIT})`, 'i'), (m) => m[1]!.replace(/\s+/g, ' ').replace('–', '-')],
  [new RegExp(`\\b(?:by|before|on|this|next|until|no later than)\\s+(${DAY})\\b`, 'i'), (m) => m[1]!.toLowerCase()],
  [/\b(?:by |before )?(end of (?:the )?(?:day|week|month|business|play)|eod|close of business|tomorrow(?: morning| afternoon| evening)?|tonight|today|this (?:morning|afternoon|evening|week)|next week|later today|first thing tomorrow)\b/i, (m) => m[1]!.toLowerCase()],
  [/\b(?:by|before|on)\s+(\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)/i, (m) => m[1]!.toLowerCase()],
];

const AT_CLOCK = /\b(?:by|at|before|around|no later than)\s+(\d{1,2}(?::\d{2})?\s*[ap]\.?\s*m\.?|\d{1,2}:\d{2})/i;

/** A day said next to a clock time: "by 3pm tomorrow", "on Friday at 10:30". */
const DAY_WORD = new RegExp(`\\b(today|tonight|tomorrow|${DAY.slice(3, -1)})\\b`, 'i');
/** How far apart (in characters) a day and a clock time may be and still be one due time. */
const NEAR = 24;

/** A due time for a commitment: the earliest time expression in the text that follows it. */
export function dueFrom(text: string): string | undefined {
  let best: { index: number; value: string } | undefined;
  const consider = (index: number, value: string | undefined) => {
    if (value !== undefined && (!best || index < best.index)) best = { index, value };
  };
  const at = AT_CLOCK.exec(text);
  const time = at ? clock(at[1]!) : undefined;
  if (at) consider(at.index, time);
  for (const [re, value] of PATTERNS) {
    const m = re.exec(text);
    if (m) consider(m.index, value(m));
  }
  // "by 3pm tomorrow": the day belongs to the time, when both are said together.
  const day = DAY_WORD.exec(text);
  if (at && time && day && Math.abs(day.index - at.index) <= NEAR) return `${day[1]!.toLowerCase()} ${time}`;
  return best?.value;
}
