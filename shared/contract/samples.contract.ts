/** Sample stock and sample shipments (issue 13 point 5). */
export const sampleCalls = {} as const;
