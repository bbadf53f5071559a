/** Tasks and appointments (issue 14 point 1): filled in by the tasks work. */
export const taskCalls = {} as const;
