// Conversations the report tests share, parsed and analysed by the real pipeline.
import { parse } from '../../src/index.js';
import { analyze } from '../../src/score/analyze.js';
import type { Analysis, Transcript } from '../../src/model/types.js';

export const GOOD_TEXT = `# id: refund-call
# agent: Dana
# team: billing
# queue: refunds
# date: 2026-11-18T09:15:00-05:00
Agent: Thanks for calling Northwind, this is Dana. How can I help?
Customer: I've been charged twice for my order and I'm really not happy.
Agent: That must be so frustrating. Let me sort this out for you now.
Agent: I'll refund the second charge today, and you'll get an email by 5pm. Would you prefer the refund to your card or as store credit?
Customer: The card please. Thank you, that's brilliant.
`;

/** Hostile on purpose: markup and a formula in the text and the id, contact details to redact. */
export const WALL_TEXT = `# id: =HYPERLINK("x")<b>wall</b>
# agent: @Sam
# team: billing
# date: 2026-11-16
Agent: Hello, you're through to Skyway.
Customer: Can my kids fly with your escort service on business class? I'm really worried and frustrated.
Agent: Sorry, it's our company policy. The system won't let me add it.
Customer: That is ridiculous <script>alert('x')</script> call me on +44 20 7946 0958 or mail jo@example.com, card 4111 1111 1111 1111.
Agent: I'm sorry you feel that way. If you're unhappy you can write a complaint on the website.
Customer: Fine. I'm not happy at all, this is terrible.
`;

/**
 * An angry customer (distress, a demand for a manager, talk of leaving) met well by the agent:
 * empathy, a plan, a choice, goodwill. Everything negative in it is the customer's.
 */
export const ANGRY_MET_WELL_TEXT = `# id: angry-met-well
# agent: Priya
# team: broadband
# date: 2026-11-19T10:05:00Z
Agent: Thanks for calling Northwind Broadband, this is Priya. How can I help?
Customer: My internet has been down for four days. This is ridiculous, I work from home and I'm absolutely fed up.
Agent: Four days without a connection when you work from home must be really stressful. Let me take this on now.
Customer: I want to speak to a manager. And honestly I'm thinking of cancelling my contract and switching provider.
Agent: I'll make sure my team leader hears about this today. First, let me tell you what I can do right now: I can see a fault on the line outside your house, and an engineer can fix it tomorrow. You can either have the engineer in the morning, between 8 and 12, or in the afternoon, between 12 and 5. Which would you prefer?
Customer: The morning.
Agent: The morning it is, I've booked it. I've also added a credit of ten pounds to your account for the days you've lost, and I'll call you by 1pm tomorrow to make sure everything is working.
Customer: Okay. Thank you, that's a lot better.
`;

/** A chat nobody answered: only the customer's turns, so there is no agent to score. */
export const ONE_SIDED_TEXT = `# id: one-sided
# agent: Dana
# team: billing
# date: 2026-11-18T11:40:00-05:00
Customer: Hello? I've been waiting 40 minutes in this chat.
Customer: Still nobody. This is ridiculous.
Customer: Forget it, I'm cancelling my account.
`;

export const SECRETS = ['7946 0958', 'jo@example.com', '4111 1111'];

export function load(text: string, source: string): { transcript: Transcript; analysis: Analysis } {
  const [transcript] = parse(text, { source });
  return { transcript: transcript!, analysis: analyze(transcript!) };
}

export const good = () => load(GOOD_TEXT, 'calls/good.txt');
export const wall = () => load(WALL_TEXT, 'calls/wall.txt');
export const angryMetWell = () => load(ANGRY_MET_WELL_TEXT, 'calls/angry.txt');
export const oneSided = () => load(ONE_SIDED_TEXT, 'chats/one-sided.txt');

/** Risk findings per category over some analyses, most first then by name: what summaries should show. */
export function riskCounts(...analyses: Analysis[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const a of analyses) for (const f of a.findings) if (f.kind === 'risk') m.set(f.category, (m.get(f.category) ?? 0) + 1);
  return [...m.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}
