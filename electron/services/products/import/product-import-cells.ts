import { isCurrency, parseMoneyE4, type Currency } from '../../../../shared/domain/money.ts';

/** Currency signs and words sheets put beside a price; ¥ and 元 are taken as yuan (Chinese suppliers' sheets). */
const CURRENCY_WORDS: ReadonlyArray<[RegExp, Currency]> = [
  [/US\$|\$|美元|美金/i, 'USD'],
  [/€|欧元/i, 'EUR'],
  [/£|英镑/i, 'GBP'],
  [/¥|￥|RMB|人民币|元/i, 'CNY'],
];

/** A currency named in text ("USD", "US$", "人民币"): an ISO code first, then signs and words. */
export function currencyIn(text: string): Currency | null {
  for (const word of text.toUpperCase().match(/\b[A-Z]{3}\b/g) ?? []) if (isCurrency(word)) return word;
  for (const [pattern, code] of CURRENCY_WORDS) if (pattern.test(text)) return code;
  return null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false };

/** "3.25", "$3.25", "USD 1,234.5", "3.25 元" → e4 and the currency the cell names (null when it names none). */
export function moneyCell(cell: string): Parsed<{ e4: number; currency: Currency | null }> {
  const currency = currencyIn(cell);
  const amount = cell.replace(/[A-Za-z]{3}\b|US\$|[$€£¥￥]|美元|美金|欧元|英镑|人民币|RMB|元/gi, '').trim();
  const e4 = parseMoneyE4(amount);
  return e4 === null ? { ok: false } : { ok: true, value: { e4, currency } };
}

/** "12.5", "12.5 kg", "50 pcs", "1,200" → the number; units after it are ignored. */
export function numberCell(cell: string): Parsed<number> {
  const match = /^\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*[a-z\u4e00-\u9fff/.]*\s*$/i.exec(cell);
  if (!match?.[1]) return { ok: false };
  const value = Number(match[1].replace(/,/g, ''));
  return Number.isFinite(value) && value <= 1_000_000 ? { ok: true, value } : { ok: false };
}

/** "50x40x30", "50*40*30cm", "50 × 40 × 30" → [length, width, height] in the sheet's unit (cm). */
export function cartonSizeCell(cell: string): Parsed<[number, number, number]> {
  const parts = cell.replace(/cm|厘米|公分/gi, '').split(/\s*[x×*X]\s*/);
  if (parts.length !== 3) return { ok: false };
  const numbers = parts.map((p) => numberCell(p));
  if (!numbers.every((n) => n.ok)) return { ok: false };
  return { ok: true, value: numbers.map((n) => (n.ok ? n.value : 0)) as [number, number, number] };
}
