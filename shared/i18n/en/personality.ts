/**
 * The nine customer types and how to approach each, summarised from the seed documents
 * (seeds/004 and seeds/000, "九大类型客户及相应的公关方式") and translated.
 */
export const personality = {
  personality: {
    rational: {
      name: 'Rational',
      traits: 'Principled and methodical; does not pick suppliers by relationship or feelings and compares carefully before deciding.',
      approach:
        'Talk openly and directly, never exaggerate, and show your capabilities and the strengths and weaknesses of your products as they are; gifts and flattery do not work. Keep every promise, and promise only what you can do.',
    },
    taskDriven: {
      name: 'Task-driven',
      traits: 'Usually not a decision-maker; carries out a task from a superior and only wants it done well enough.',
      approach:
        'Serve attentively, analyse the need for them, and commit clearly so they feel safe. The first impression matters most, so follow up promptly; this is often one-off business, so keep discounts and extras modest.',
    },
    greedy: {
      name: 'Demanding on terms',
      traits: 'Goal-driven, pushes hard on price and expects high quality and service, but becomes stable once the relationship is established.',
      approach:
        'Communicate personally and discreetly, without fanfare, so they feel secure; give firm guarantees on quality, price and service. Concede only within clear, legitimate limits: giving in to every demand leaves you with no room.',
    },
    ownerMinded: {
      name: 'Owner-minded',
      traits: 'Often the owner or a very dedicated employee; wants the best mix of price, quality and service, above all price.',
      approach:
        'Lead with price to make a good first impression and position quality to what they expect. Then follow up, call and keep in touch regularly; with a fair price and good communication the business lasts.',
    },
    creditSeeking: {
      name: 'Credit-seeking',
      traits: 'Not senior yet but rising; cares about quality more than price and sometimes takes a loss to look good at work.',
      approach:
        'See things from their side, never hurt their pride, and get quality right. No need for close contact: help where you can and send greetings on holidays, because they may become an important customer later.',
    },
    stingy: {
      name: 'Stingy',
      traits: 'Tight-fisted and loyal to no supplier; squeezes price until there is no margin, then demands quality, and often stages needless tenders to push prices down.',
      approach:
        'Do not spend much time here, do not meet every demand and do not expect long-term returns. Skip business that is not your strength; this is not a key customer.',
    },
    difficult: {
      name: 'Difficult',
      traits: 'Makes a great first impression and does not haggle, but sets traps (false urgency, missing information) to find fault later.',
      approach:
        'Be strict first and friendly later: state price and quality plainly, get written sign-off before production, sign a contract and take a deposit. Do not promise delivery dates lightly, and never start work before the price is agreed.',
    },
    relationship: {
      name: 'Relationship-based',
      traits: 'A friend first and a customer second; handled badly, both the business and the friendship suffer.',
      approach:
        'Keep favours and paid business apart and agree on money up front. Help with small orders; run larger orders that cost money strictly by the book or decline politely, and never take small advantages yourself.',
    },
    composite: {
      name: 'Composite',
      traits: 'No fixed pattern; changes type with the situation, is experienced, well connected and hard to read.',
      approach:
        'Handle with care and do not file them under a single type. Stay calm, sincere and attentive, watch how they think at the moment, and then respond to what you see.',
    },
  },
} as const;
