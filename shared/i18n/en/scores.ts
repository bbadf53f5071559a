/** The value (RFM) score and lifecycle suggestions (issue 14 point 4). */
export const scores = {
  scores: {
    column: 'Value',
    title: 'Value score',
    filter: 'Value',
    none: 'Not scored yet',
    bands: { high: 'High (70+)', medium: 'Medium (40–69)', low: 'Low (under 40)' },
    parts: { recency: 'Recency', frequency: 'Frequency', monetary: 'Monetary' },
    partOf: '{{value}} of {{max}}',
    explain:
      'Recency: days since the last contact or order (30 days 5 … over a year 1). Frequency: orders (accepted quotes, revisions counted once), up to 6. Monetary: quartile of the ordered value among customers who ordered in the same currency (currencies are not converted).',
    lastActivity: 'Last contact or order: {{when}}',
    neverActive: 'No contact or order yet',
    orders_one: '{{count}} order',
    orders_other: '{{count}} orders',
    quartile: '{{amount}} {{currency}} — quartile {{quartile}} of 4',
    noOrders: 'No ordered value yet',
    weights: {
      title: 'Value score weights',
      help: 'How much recency, frequency and ordered value count in the 0–100 value score. Saving recomputes every customer’s score.',
      recency: 'Recency',
      frequency: 'Frequency',
      monetary: 'Monetary',
      save: 'Save weights',
      saved: 'Weights saved; the scores were recomputed.',
    },
    suggestions: {
      title: 'Stage suggestions',
      open: 'Stage suggestions ({{count}})',
      empty: 'No stage suggestions',
      move: '{{from}} → {{to}}',
      confirm: 'Confirm',
      dismiss: 'Dismiss',
      confirmed: 'Stage changed to {{stage}}.',
      dismissed: 'Dismissed; it will not be suggested again for this reason.',
      reasons: {
        firstOrder: 'A quote was accepted: the first order',
        repeatOrders: 'Three or more orders',
        dormant: 'No contact or order for more than a year',
      },
    },
    errors: {
      suggestionGone: 'This suggestion was already decided or no longer applies.',
      noWeight: 'At least one weight must be above 0.',
    },
  },
};
