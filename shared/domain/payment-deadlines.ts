/**
 * Money deadlines of accepted quotes (issue 14 point 2): the labels of expected payments, the
 * states their rows are coloured by, and the payments a quote's own payment terms suggest.
 * Pure rules: `now` and the reminder days are passed in, dates are epoch ms.
 */

export const PAYMENT_LABELS = ['deposit', 'balance', 'other'] as const;
export type PaymentLabel = (typeof PAYMENT_LABELS)[number];

/** Days before a payment's due date that it becomes a reminder. */
export const DEFAULT_PAYMENT_REMINDER_DAYS = 7;
/** Days before an L/C's expiry, and before its latest shipment date, that each becomes a reminder. */
export const DEFAULT_LC_REMINDER_DAYS = 15;
export const MAX_REMINDER_DAYS = 365;

const DAY = 86_400_000;

/**
 * The end of "within N days" as an exclusive bound: a date exactly N days from now is within them.
 * Queries take `until` exclusive (what is due before it), so this adds one millisecond.
 */
export function reminderUntil(now: number, days: number): number {
  return now + days * DAY + 1;
}

export type PaymentState = 'received' | 'overdue' | 'dueSoon' | 'open' | 'noDate';

/** Received, overdue (its due date is past), due within `days`, later, or without a date yet. */
export function paymentState(p: { dueAt: number | null; receivedAt: number | null }, now: number, days: number): PaymentState {
  if (p.receivedAt !== null) return 'received';
  if (p.dueAt === null) return 'noDate';
  if (p.dueAt < now) return 'overdue';
  return p.dueAt < reminderUntil(now, days) ? 'dueSoon' : 'open';
}

export const LC_DEADLINES = ['expiry', 'latestShipment'] as const;
export type LcDeadline = (typeof LC_DEADLINES)[number];
export type LcState = 'closed' | 'expired' | 'shipmentMissed' | 'expiringSoon' | 'shipmentSoon' | 'open';

interface LcDates {
  expiresAt: number;
  latestShipmentAt: number | null;
  shippedAt: number | null;
  closedAt: number | null;
}

/** The deadlines still to meet: the expiry until closed, the latest shipment until shipped. */
export function openDeadlines(lc: LcDates): { deadline: LcDeadline; at: number }[] {
  if (lc.closedAt !== null) return [];
  const out: { deadline: LcDeadline; at: number }[] = [{ deadline: 'expiry', at: lc.expiresAt }];
  if (lc.latestShipmentAt !== null && lc.shippedAt === null) out.push({ deadline: 'latestShipment', at: lc.latestShipmentAt });
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The worst of its deadlines: a missed one (an expiry is worse than a missed shipment date), else
 * the first to come within `days` (on the same day, the expiry).
 */
export function letterOfCreditState(lc: LcDates, now: number, days: number): LcState {
  if (lc.closedAt !== null) return 'closed';
  const deadlines = openDeadlines(lc);
  const missed = (d: LcDeadline) => deadlines.some((x) => x.deadline === d && x.at < now);
  if (missed('expiry')) return 'expired';
  if (missed('latestShipment')) return 'shipmentMissed';
  const next = deadlines.find((x) => x.at < reminderUntil(now, days));
  if (!next) return 'open';
  return next.deadline === 'expiry' || next.at === lc.expiresAt ? 'expiringSoon' : 'shipmentSoon';
}

export interface SuggestedPayment {
  label: PaymentLabel;
  amountE4: number;
  currency: string;
}

export interface TermsSuggestion {
  payments: SuggestedPayment[];
  /** The part the terms leave to a letter of credit (per currency; the dialog takes the first). */
  letterOfCredit: { amountE4: number; currency: string } | null;
}

/** "L/C", "LC", "letter of credit", "信用证". */
const LC_TERMS = /\bL\s*\/\s*C\b|\bLC\b|letter of credit|信用证/i;

/**
 * The shares of the total the terms name, in percent and in the order written: "30% T/T deposit,
 * 70% before shipment" and "T/T 30/70" both give [30, 70]; a single "30% deposit" gives [30, 70].
 * Empty when the terms name no split that adds up to 100.
 */
export function termShares(terms: string): number[] {
  const percents = [...terms.matchAll(/(\d{1,3}(?:\.\d{1,2})?)\s*[%％]/g)].map((m) => Number(m[1]));
  const slash = /(?:^|[^\d/])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/.exec(terms);
  const shares = percents.length ? percents : slash ? [Number(slash[1]), Number(slash[2])] : [];
  const sum = shares.reduce((a, b) => a + b, 0);
  if (shares.length === 1 && shares[0]! > 0 && shares[0]! < 100) return [shares[0]!, 100 - shares[0]!];
  if (shares.length >= 2 && Math.abs(sum - 100) < 1e-9 && shares.every((s) => s > 0)) return shares;
  return [];
}

/** Splits a total by shares; the last part takes the rounding so the parts add up exactly. */
function split(totalE4: number, shares: readonly number[]): number[] {
  const parts = shares.slice(0, -1).map((s) => Math.round((totalE4 * s) / 100));
  return [...parts, totalE4 - parts.reduce((a, b) => a + b, 0)];
}

function labelAt(index: number, count: number): PaymentLabel {
  if (count === 1) return 'balance';
  if (index === 0) return 'deposit';
  return index === count - 1 ? 'balance' : 'other';
}

/**
 * What an accepted quote's terms suggest, per currency of its totals: a split the terms name
 * (deposit first, balance last); for L/C terms the part after a deposit goes to the L/C; else one
 * payment of the total. The user confirms or changes it: this is a prefill, never a rule.
 */
export function suggestTerms(terms: string | null, totals: readonly { currency: string; amountE4: number }[]): TermsSuggestion {
  const text = terms ?? '';
  const lc = LC_TERMS.test(text);
  const shares = termShares(text);
  const payments: SuggestedPayment[] = [];
  let letterOfCredit: TermsSuggestion['letterOfCredit'] = null;
  for (const { currency, amountE4 } of totals) {
    if (amountE4 <= 0) continue;
    const parts = shares.length ? split(amountE4, shares) : [amountE4];
    if (lc) {
      // The L/C pays what is left after the first share (a deposit), or all of it.
      if (parts.length > 1) payments.push({ label: 'deposit', amountE4: parts[0]!, currency });
      letterOfCredit ??= { amountE4: parts.length > 1 ? amountE4 - parts[0]! : amountE4, currency };
      continue;
    }
    parts.forEach((part, i) => payments.push({ label: labelAt(i, parts.length), amountE4: part, currency }));
  }
  return { payments, letterOfCredit };
}
