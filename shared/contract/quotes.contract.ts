/** Quotes, their revisions and price history (issue 13 points 2, 3 and 6). */
export const quoteCalls = {} as const;
