/** The value (RFM) score and lifecycle suggestions (issue 14 point 4): filled in by the scores work. */
export const scoreCalls = {} as const;
