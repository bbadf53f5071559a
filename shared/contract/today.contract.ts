/** Today, the home screen (issue 14 point 3): every due reminder by kind, and its badge count. */
export const todayCalls = {} as const;
