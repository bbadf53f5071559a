import type { Stage } from './customer-enums.ts';

/**
 * The computed value score (RFM, PRODUCT.md job 9; the seeds' "客户价值" grading): pure rules,
 * shared by the score service (which stores them) and the renderer (which explains them).
 *
 * - Recency (R, 0–5): days since the latest contact (customers.last_contacted_at: mail both ways,
 *   calls, meetings, notes, done tasks) or order (an accepted quote's decision date), whichever is
 *   later. Within 30 days 5, 90 → 4, 180 → 3, 365 → 2, older 1, never 0.
 * - Frequency (F, 0–6): orders, i.e. accepted quotes counted by base number (the revisions of one
 *   quote are one deal), capped at 6 as in the seed's Excel method.
 * - Monetary (M, 0–4): the quartile of the customer's ordered value. Currencies are never
 *   converted (no exchange rates to keep up to date): each currency has its own quartile
 *   boundaries, from the totals of the customers who ordered in it, and a customer's M is its best
 *   quartile over its currencies. No orders: 0.
 * - Score (0–100): the weighted mean of R/5, F/6 and M/4, weights from Settings.
 */

export const DAY_MS = 86_400_000;

/** Upper day limits of the recency bands, best band first: within 30 days → 5 … within 365 → 2. */
export const RECENCY_BANDS = [30, 90, 180, 365] as const;
export const MAX_R = 5;
export const MAX_F = 6;
export const MAX_M = 4;

export interface ScoreWeights {
  recency: number;
  frequency: number;
  monetary: number;
}

/** Recency and frequency 30 % each, money 40 %: what was ordered weighs a little more than talk. */
export const DEFAULT_WEIGHTS: ScoreWeights = { recency: 3, frequency: 3, monetary: 4 };
export const MAX_WEIGHT = 10;

/** Score bands of the list filter and the tag colour. */
export const VALUE_BANDS = ['high', 'medium', 'low'] as const;
export type ValueBand = (typeof VALUE_BANDS)[number];
export const VALUE_BAND_RANGES: Record<ValueBand, readonly [number, number]> = { high: [70, 100], medium: [40, 69], low: [0, 39] };

export function valueBand(score: number): ValueBand {
  return score >= VALUE_BAND_RANGES.high[0] ? 'high' : score >= VALUE_BAND_RANGES.medium[0] ? 'medium' : 'low';
}

/** R for the latest contact or order at `recencyAt`, and when that R next drops (null: it cannot). */
export function recencyScore(recencyAt: number | null, now: number): { r: number; until: number | null } {
  if (recencyAt === null) return { r: 0, until: null };
  const age = now - recencyAt;
  for (let i = 0; i < RECENCY_BANDS.length; i++) {
    const limit = RECENCY_BANDS[i]! * DAY_MS;
    if (age <= limit) return { r: MAX_R - i, until: recencyAt + limit + 1 };
  }
  return { r: 1, until: null };
}

export function frequencyScore(orders: number): number {
  return Math.min(orders, MAX_F);
}

/** Nearest-rank quartile boundaries of one currency: q1, q2, q3 are totals at ranks ⌈n/4⌉, ⌈n/2⌉, ⌈3n/4⌉. */
export interface Quartiles {
  q1: number;
  q2: number;
  q3: number;
}

/** 1-based ranks of the three boundaries among `n` ascending totals. */
export function quartileRanks(n: number): [number, number, number] {
  return [Math.ceil(n / 4), Math.ceil(n / 2), Math.ceil((3 * n) / 4)];
}

export function quartileOf(totalE4: number, q: Quartiles): number {
  if (totalE4 <= 0) return 0;
  return totalE4 <= q.q1 ? 1 : totalE4 <= q.q2 ? 2 : totalE4 <= q.q3 ? 3 : 4;
}

/** M: the best quartile over the customer's currencies; a currency without boundaries yet counts as 1. */
export function monetaryScore(totals: ReadonlyArray<{ currency: string; totalE4: number }>, quartiles: ReadonlyMap<string, Quartiles>): number {
  let m = 0;
  for (const t of totals) {
    const q = quartiles.get(t.currency);
    m = Math.max(m, q ? quartileOf(t.totalE4, q) : t.totalE4 > 0 ? 1 : 0);
  }
  return m;
}

export function combinedScore(r: number, f: number, m: number, w: ScoreWeights): number {
  const sum = w.recency + w.frequency + w.monetary;
  if (sum <= 0) return 0;
  return Math.round((100 * (w.recency * (r / MAX_R) + w.frequency * (f / MAX_F) + w.monetary * (m / MAX_M))) / sum);
}

/**
 * Quartile boundaries are refreshed after this many changes of customers' ordered values: 5 % of
 * the customers who have ordered (1,000 at 20,000), at least 1. One more order rarely moves a
 * boundary, and refreshing rescores every ordering customer.
 */
export function quartilesStaleAfter(population: number): number {
  return Math.max(1, Math.ceil(population / 20));
}

/* ---------- lifecycle suggestions ---------- */

export const SUGGESTION_REASONS = ['firstOrder', 'repeatOrders', 'dormant'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

/** Orders from which a customer is suggested as loyal. */
export const LOYAL_ORDERS = 3;
/** No contact nor order for this long suggests a customer is lost. */
export const DORMANT_DAYS = 365;

export interface StageFacts {
  stage: Stage;
  orders: number;
  recencyAt: number | null;
}

/**
 * What the facts suggest. `basis` tells occasions of one reason apart: a dismissed suggestion is
 * never made again for the same reason and basis. Orders have one occasion each (basis 0); a
 * dormancy is one per latest contact, so a customer who comes back and lapses again is asked again.
 */
export interface StageSuggestion {
  reason: SuggestionReason;
  from: Stage;
  to: Stage;
  basis: number;
}

export function suggestStage(f: StageFacts, now: number): StageSuggestion[] {
  const out: StageSuggestion[] = [];
  if (f.orders >= 1 && (f.stage === 'potential' || f.stage === 'target' || f.stage === 'prospect')) {
    out.push({ reason: 'firstOrder', from: f.stage, to: f.orders >= LOYAL_ORDERS ? 'loyal' : 'customer', basis: 0 });
  }
  if (f.orders >= LOYAL_ORDERS && f.stage === 'customer') out.push({ reason: 'repeatOrders', from: 'customer', to: 'loyal', basis: 0 });
  if ((f.stage === 'customer' || f.stage === 'loyal') && f.recencyAt !== null && now - f.recencyAt > DORMANT_DAYS * DAY_MS) {
    out.push({ reason: 'dormant', from: f.stage, to: 'lost', basis: f.recencyAt });
  }
  return out;
}
