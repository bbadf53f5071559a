/** Payment terms of accepted quotes, expected payments and letters of credit (issue 14 point 2): filled in by the payments work. */
export const paymentCalls = {} as const;
