/**
 * Money as integers of ten-thousandths of the currency's unit ("e4": 0.0325 USD is 325), the way
 * the database stores it (migration 0015). Export prices per piece often carry three or four
 * decimals; integers make totals and "lower than last time" comparisons exact.
 */

/** ISO 4217 codes export traders quote in, most used first; any other three-letter code is refused. */
export const CURRENCIES = ['USD', 'EUR', 'CNY', 'GBP', 'JPY', 'HKD', 'AUD', 'CAD', 'CHF', 'SGD', 'AED', 'RUB', 'INR', 'BRL', 'MXN', 'KRW', 'THB', 'MYR', 'IDR', 'VND', 'PHP', 'TRY', 'SAR', 'ZAR', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'ILS', 'CLP', 'COP', 'PEN', 'ARS', 'EGP', 'NGN', 'KES', 'PKR', 'BDT', 'TWD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(code: string): code is Currency {
  return (CURRENCIES as readonly string[]).includes(code);
}

export const E4 = 10_000;
/** The largest amount kept exact: 10^11 units, well inside Number.MAX_SAFE_INTEGER / E4. */
export const MAX_MONEY_E4 = 100_000_000_000 * E4;

/**
 * "1,234.5", "0.0325", "12" → e4; null for anything else (more than four decimals, signs,
 * letters). Thousands separators are allowed because prices are pasted from sheets.
 */
export function parseMoneyE4(text: string): number | null {
  const plain = text.trim().replace(/[,\s]/g, '');
  const match = /^(\d{1,12})(?:\.(\d{0,4}))?$/.exec(plain);
  if (!match) return null;
  const value = Number(match[1]) * E4 + Number((match[2] ?? '').padEnd(4, '0') || '0');
  return value <= MAX_MONEY_E4 ? value : null;
}

/** A line's amount: quantity × unit price, rounded half away from zero to the e4 unit. */
export function amountE4(quantity: number, unitPriceE4: number): number {
  return Math.round(quantity * unitPriceE4);
}

/**
 * e4 → "1,234.56" with at least `minDecimals` places and up to four when the value needs them
 * (0.0325 stays "0.0325"; 12.5 becomes "12.50").
 */
export function formatMoneyE4(valueE4: number, minDecimals = 2): string {
  const negative = valueE4 < 0;
  const abs = Math.abs(Math.round(valueE4));
  const units = Math.floor(abs / E4);
  let fraction = String(abs % E4).padStart(4, '0');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const grouped = units.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export interface MoneyLine {
  currency: string;
  amountE4: number;
}

/** Sums per currency, in the order each currency first appears. */
export function totalsByCurrency(lines: readonly MoneyLine[]): MoneyLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amountE4);
  return [...totals].map(([currency, amount]) => ({ currency, amountE4: amount }));
}
