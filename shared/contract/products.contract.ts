/** Products and their categories, attribute templates and images (issue 13 point 1). */
export const productCalls = {} as const;
