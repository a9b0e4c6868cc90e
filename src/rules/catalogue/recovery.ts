// Recovery and delight: going beyond the fix (seeds 000, 002, 003).
import type { RuleDef } from '../types.js';

/** Something given beyond what is owed: waived fees, credits for the trouble, upgrades, "on the house". */
export const GOODWILL_PATTERNS = [
  `(as a|a|as) (gesture of goodwill|goodwill gesture)`,
  `goodwill (credit|payment|gesture|refund|voucher|discount)`,
  `(i've|i have|we've|we have|i'll|i will|we'll|we will|i'm going to|we're going to|i can|we can|let me|ive|ill|i'm|i am|we're|we are) [also|just|gone ahead and|happily|personally] (waive|waived|waiving|credit|credited|crediting|add|added|adding|apply|applied|applying|give|given|giving|upgrade|upgraded|upgrading|cover|covered|covering|knock|knocked|knocking|take|taken|put|putting|bumped|thrown|throw|throwing|send|sent|sending|issue|issued|issuing) ** (fee|charge|credit|compensation|voucher|vouchers|discount|upgrade|month free|free|off|gift card|the cost|the difference|for free|on us|taxi|hotel|meal|data)`,
  `(on the house|free of charge)`,
  `at no [extra] (cost|charge)`,
  `(complimentary|for free|no charge|free) (upgrade|replacement|delivery|month|months|night|visit|repair|data|gift)`,
  `(for|as an apology for|to make up for) the (inconvenience|trouble|wait|hassle) (i've|i have|we've|we have|i'll|we'll|i'd like to)`,
  `to (make up for|apologise for|apologize for) (the|this|that|it)`,
  `as a (thank you|thank-you|thankyou|way of saying sorry|small apology|token)`,
  `(we'll|i'll|we will|i will) (cover|pay for|match|reimburse) (the|your|any)`,
  `keep the (original|old one|item|parcel|first one|other one)`,
  `(bumped|upgraded) you (up|to)`,
  `(here are|here's|here is) ** (voucher|vouchers|a credit|a gift)`,
  // Something given for the trouble, not the apology for it ("sorry for the inconvenience" is no gift).
  `(credit|credits|compensation|voucher|vouchers|points|miles|discount|refund) for (the|your) (time|inconvenience|trouble|downtime|hassle|wait|delay|disruption)`,
  `as a (gesture|goodwill)`,
  `(credit|crediting|credited|add|adding|added|give|giving|refunding|waive|waiving|waived) ** ** for the (trouble|hassle|inconvenience|wait|delay|disruption)`,
  `(a|some|for) [little|small|bit of] (extra love|surprise|treat|little surprise|little something)`,
  `(bonus|extra|free) (miles|points|skymiles|credit|data|month|months|night|nights)`,
  `(add|added|adding|pop|popped|put) (some|a few|extra|bonus|a bit of) (points|miles|credit)`,
  `(refunded|waived|refund|waive|waiving|refunding) (the|your) (shipping|delivery|booking|late|service|cancellation|change|postage|baggage) (charge|charges|fee|fees|cost|costs)`,
  `(that|the) credit for`,
  `(waiver|fee waiver) (has been|was|is) (passed|applied|approved|granted|processed)`,
  // "Have this month on us": a thing given, paid for by the company ("that's on us" alone owns a fault instead).
  `(month|months|year|week|night|meal|meals|drinks|delivery|upgrade|ticket|tickets|taxi|hotel|coffee|lunch|dinner|fee|charge|bill|room|postage|shipping) [is|are|will be] on us`,
  // Vouchers for a meal or a ride are given, never owed; an item the customer may keep need not come back.
  `(meal|food|lunch|dinner|breakfast|drinks|dining|taxi|travel|hotel|fuel|shopping|gift) (voucher|vouchers|token|tokens)`,
  `(no need|there's no need|you don't need|you won't need|you do not need) to (send|return|post|bring) (it|them|that|this|the old one|the original|the item|the parcel|the first one) [back]`,
];

export const recoveryRules: RuleDef[] = [
  {
    id: 'goodwill-gesture',
    category: 'goodwill',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Makes a goodwill gesture',
    description: 'The agent goes beyond the fix: waives a fee, adds a credit, upgrades, or gives something "on the house".',
    why: 'Recovery done so well that the customer talks only about what you did creates a customer for life: the memorable, beyond-the-fix gesture is what they retell.',
    source: 'seed 002: "as a gesture of goodwill"; seed 000: exceed expectations; seed 003: surprise your customer',
    message: 'A goodwill gesture: recovery beyond the fix, the part customers remember.',
    patterns: GOODWILL_PATTERNS,
    examples: {
      match: [
        "As a gesture of goodwill I've waived the late payment fee.",
        "I've added a £20 credit to your account for the trouble.",
        'The replacement is on the house.',
        "I'm issuing meal vouchers for the whole family.",
        'Have this month on us.',
        "Just keep it or give it away, there's no need to send it back.",
        "I'm crediting £15 to your account for the trouble.",
      ],
      noMatch: [
        'You need to send the old one back within 14 days.',
        "That's on us, I'm sorry.",
        "I can't waive the fee, I'm afraid.",
        'The fee is £5 and it is charged monthly.',
      ],
    },
  },
];
