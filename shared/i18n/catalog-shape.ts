/** The Chinese catalog must have exactly the English keys, with any strings as values. */
export type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
