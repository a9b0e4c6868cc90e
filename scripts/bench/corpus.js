// A seeded generator of realistic customer-service transcripts as canonical NDJSON, for the
// benchmark: 10 to 2,000 turns each, agents and customers speaking the phrases the rules look for
// (empathy, sympathy, non-apologies, policy walls, promises, options, distress, thanks) mixed into
// ordinary talk with order numbers, times, money and emoji. The same seed gives the same bytes.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: small, fast, good enough to vary text; not for anything secret. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENTS = ['Dana', 'Priya', 'Marcus', 'Lena', 'Tomasz', 'Aisha', 'Jordan', 'Mei', 'Carlos', 'Ruth'];
const CUSTOMERS = ['Alex Kim', 'Sam Okafor', 'Jo Brennan', 'Ravi Patel', 'Nora Lind', 'Ben Cho', 'Ines Duarte'];
const TEAMS = ['billing', 'returns', 'tech-support', 'retention'];
const QUEUES = ['voice-uk', 'voice-us', 'chat-web', 'chat-app'];
const BRANDS = ['Northwind', 'Skyway', 'Fibrelink', 'Homely', 'Brightbank'];
const THINGS = ['order', 'refund', 'router', 'invoice', 'parcel', 'booking', 'card', 'account', 'subscription', 'broadband'];
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'yesterday', 'today', 'last week'];
const FEELINGS = ['frustrating', 'annoying', 'stressful', 'upsetting', 'worrying', 'confusing'];
const EMOJI = ['🙂', '😡', '🙏', '😞', '👍', ':(', ':)'];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const orderNo = (r) => `ORD-${10000 + Math.floor(r() * 89999)}`;
const clock = (r) => `${1 + Math.floor(r() * 11)}${r() < 0.5 ? 'pm' : ':30 p.m.'}`;
const money = (r) => `£${(5 + r() * 300).toFixed(2)}`;

// Each entry is a function of the random source, so that the fills vary from line to line.
const AGENT_LINES = [
  (r) => `Thanks for calling ${pick(r, BRANDS)}, this is ${pick(r, AGENTS)}. How can I help today?`,
  (r) => `That must be so ${pick(r, FEELINGS)}. Let me sort this out for you now.`,
  (r) => `I can completely understand why you're upset about the ${pick(r, THINGS)}.`,
  (r) => `I'd feel the same in your position, honestly.`,
  (r) => `I'm sorry to hear that.`,
  (r) => `Oh no, that's a shame.`,
  (r) => `I'm sorry you feel that way.`,
  (r) => `We apologise for any inconvenience this may have caused.`,
  (r) => `As I already said, the ${pick(r, THINGS)} was sent ${pick(r, DAYS)}.`,
  (r) => `I'm afraid it's our company policy, the system won't let me change it.`,
  (r) => `There's nothing I can do about that, it's not my department.`,
  (r) => `You'll have to write a complaint on the website.`,
  (r) => `I'll call you back by ${clock(r)} ${pick(r, ['today', 'tomorrow', 'on Monday'])} with an update.`,
  (r) => `I'll refund the ${money(r)} today, and you'll get an email confirmation by ${clock(r)}.`,
  (r) => `Someone will contact you within 2 working days about ${orderNo(r)}.`,
  (r) => `You can either have a replacement or a full refund, which would you prefer?`,
  (r) => `Would you prefer a call or an email when it's ready?`,
  (r) => `The refund takes 3 to 5 days because the bank has to clear it first.`,
  (r) => `Let me just put you on hold for a moment.`,
  (r) => `I'm going to transfer you to another team.`,
  (r) => `As promised, I'm calling back about your ${pick(r, THINGS)}.`,
  (r) => `As a gesture of goodwill I've waived the ${money(r)} fee.`,
  (r) => `Leave it with me, I'll personally make sure it's fixed.`,
  (r) => `That was our mistake, and I'm sorry for the trouble it caused you.`,
];

const CUSTOMER_LINES = [
  (r) => `Hi, I'm calling about my ${pick(r, THINGS)}, ${orderNo(r)}.`,
  (r) => `This is the third time calling about this and I'm still waiting.`,
  (r) => `I've been charged twice, ${money(r)}, and I'm really not happy.`,
  (r) => `That is ridiculous, can I speak to a manager?`,
  (r) => `If this isn't fixed I'm going to cancel my account.`,
  (r) => `Thank you, that's brilliant, really helpful ${pick(r, EMOJI)}`,
  (r) => `Great, just great. Thanks for nothing.`,
  (r) => `I've been waiting three weeks for the ${pick(r, THINGS)}.`,
  (r) => `Can you call me back at ${clock(r)}?`,
  (r) => `I'd prefer the refund please.`,
  (r) => `You said someone would call me and nobody did.`,
  (r) => `I'm not very happy with how this has been handled ${pick(r, EMOJI)}`,
  (r) => `Sure, no problem, thanks for explaining.`,
  (r) => `Why does it take so long? It's really frustrating.`,
  (r) => `That's great news, thank you so much!`,
];

// Ordinary talk: most of a call is this, with the signals above here and there.
const AGENT_ROUTINE = [
  (r) => `Can I take the order number please?`,
  (r) => `I can see ${orderNo(r)} here, it was dispatched ${pick(r, DAYS)}.`,
  (r) => `Okay, one moment while I check the account.`,
  (r) => `Is there anything else I can help you with today?`,
  (r) => `Could you confirm the postcode and the first line of the address?`,
  (r) => `Thanks, I've got that. The ${pick(r, THINGS)} shows as ${pick(r, ['pending', 'processed', 'in transit', 'on hold'])}.`,
  (r) => `Right, so the payment of ${money(r)} went through ${pick(r, DAYS)}.`,
  (r) => `Let me just pull that up for you.`,
  (r) => `And is the email address still the one ending in ${pick(r, ['gmail.com', 'outlook.com', 'yahoo.co.uk'])}?`,
  (r) => `Okay, I've updated the notes on ${orderNo(r)}.`,
];

const CUSTOMER_ROUTINE = [
  (r) => `Yes, it's ${orderNo(r)}.`,
  (r) => `Okay, that's fine.`,
  (r) => `Sure, the postcode is ${pick(r, ['SW1A 1AA', 'M1 2AB', 'EH8 9YL', 'BS1 4DJ'])}.`,
  (r) => `Hmm, okay. What happens next?`,
  (r) => `It was about ${money(r)}, I think, ${pick(r, DAYS)}.`,
  (r) => `Yeah, that's the right address.`,
  (r) => `I ordered it ${pick(r, DAYS)} and it said two days.`,
  (r) => `Right. And the ${pick(r, THINGS)} number is on the email?`,
];

/** Share of turns that are ordinary talk rather than one of the phrases rules look for. */
const ROUTINE_SHARE = 0.7;

function utterance(r, signals, routine) {
  const say = () => (r() < ROUTINE_SHARE ? pick(r, routine) : pick(r, signals))(r);
  // Some turns are two sentences, as people speak.
  return r() < 0.3 ? `${say()} ${say()}` : say();
}

/** Turn counts from 10 to 2,000, most calls short and a long tail (log-uniform). */
function turnCount(r) {
  return Math.round(Math.exp(Math.log(10) + r() * (Math.log(2000) - Math.log(10))));
}

/** One canonical transcript object. */
export function transcript(r, n) {
  const agent = pick(r, AGENTS);
  const customer = pick(r, CUSTOMERS);
  const turns = [];
  let t = 0;
  const count = turnCount(r);
  for (let i = 0; i < count; i++) {
    const isAgent = i === 0 || (i % 2 === 0 ? r() < 0.85 : r() < 0.15);
    const text = isAgent ? utterance(r, AGENT_LINES, AGENT_ROUTINE) : utterance(r, CUSTOMER_LINES, CUSTOMER_ROUTINE);
    const length = 1 + Math.round(text.length / 15);
    turns.push({ role: isAgent ? 'agent' : 'customer', speaker: isAgent ? agent : customer, text, start: t, end: t + length });
    t += length + Math.round(r() * 3);
  }
  const day = 1 + (n % 28);
  return {
    id: `call-${String(n).padStart(7, '0')}`,
    channel: r() < 0.7 ? 'call' : 'chat',
    meta: { agentName: agent, team: pick(r, TEAMS), queue: pick(r, QUEUES), date: `2026-10-${String(day).padStart(2, '0')}` },
    turns,
  };
}

/**
 * Writes `head`, then what `next(n)` makes for n = 1, 2, … until `file` holds at least `bytes`
 * bytes, in large chunks with back-pressure. Returns the count and the exact size.
 */
async function writeUntil(file, bytes, head, next) {
  const out = createWriteStream(file);
  let chunk = head;
  let size = Buffer.byteLength(head);
  let count = 0;
  while (size < bytes) {
    const text = next(++count);
    size += Buffer.byteLength(text);
    chunk += text;
    if (chunk.length > 1 << 20) {
      const flowing = out.write(chunk);
      chunk = '';
      if (!flowing) await once(out, 'drain');
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { transcripts: count, bytes: size };
}

/** Writes NDJSON transcripts to `file` until it holds at least `bytes` bytes. */
export function writeCorpus(file, bytes, seed = 42) {
  const r = rng(seed);
  return writeUntil(file, bytes, '', (n) => JSON.stringify(transcript(r, n)) + '\n');
}

/** h:mm:ss of a number of seconds, as call recorders stamp turns. */
const stamp = (sec) => `${Math.floor(sec / 3600)}:${String(Math.floor(sec / 60) % 60).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;

/**
 * A transcript as the plain-text file a call recorder or chat tool exports: "# key: value" headers,
 * then "[h:mm:ss] Agent: …" lines.
 */
export function asText(t) {
  const { agentName, team, queue, date } = t.meta;
  const head = [`# id: ${t.id}`, `# channel: ${t.channel}`, `# agent: ${agentName}`, `# team: ${team}`, `# queue: ${queue}`, `# date: ${date}`];
  const lines = t.turns.map((turn) => `[${stamp(turn.start)}] ${turn.role === 'agent' ? 'Agent' : 'Customer'}: ${turn.text}`);
  return [...head, ...lines].join('\n') + '\n';
}

/** A CSV cell, quoted when it holds a delimiter, a quote or a line break. */
const csvCell = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/**
 * Writes the same transcripts as a CSV export, one row per message and the rows of each
 * conversation together (as contact-centre platforms export them), until it holds at least `bytes`.
 */
export function writeCsvCorpus(file, bytes, seed = 42) {
  const r = rng(seed);
  const head = 'conversation_id,agent,team,queue,channel,role,speaker,start,end,text\n';
  return writeUntil(file, bytes, head, (n) => {
    const t = transcript(r, n);
    const { agentName, team, queue } = t.meta;
    return t.turns.map((turn) => [t.id, agentName, team, queue, t.channel, turn.role, turn.speaker, turn.start, turn.end, turn.text].map(csvCell).join(',') + '\n').join('');
  });
}
