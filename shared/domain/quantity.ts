/** A quantity as people write it: 2, 1.5, 0.125 — no trailing zeros, at most three decimals. */
export function formatQuantity(quantity: number): string {
  return String(Math.round(quantity * 1000) / 1000);
}
