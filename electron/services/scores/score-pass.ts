import type BetterSqlite3 from 'better-sqlite3';
import {
  combinedScore,
  frequencyScore,
  monetaryScore,
  quartilesStaleAfter,
  recencyScore,
  suggestStage,
  type Quartiles,
  type ScoreWeights,
} from '../../../shared/domain/value-score.ts';
import { newId } from '../core/ids.ts';
import {
  allFacts,
  allMoney,
  allSuggestionKeys,
  clearAfterFullPass,
  customersWithMoney,
  rebuildAllMoney,
  refreshQuartiles,
  type MoneyRow,
  type ScoreFacts,
  type ScoreStatements,
  type StoredScore,
  type SuggestionKey,
} from './score.queries.ts';

/**
 * The score passes: which customers to rescore, and writing their scores and stage suggestions.
 * Synchronous (better-sqlite3), so a pass run from the `data.changed` listener has finished before
 * the write that announced the change returns.
 */

/** Above this many dirty customers (an import, an upgrade) one set-based pass over all is cheaper. */
export const FULL_PASS_FROM = 2000;
/** Expired recency bands rescored per pass; the rest wait for the next one (there are few a day). */
const EXPIRED_PER_PASS = 5000;

interface PassContext {
  now: number;
  weights: ScoreWeights;
  quartiles: Map<string, Quartiles>;
}

function scoreRow(f: ScoreFacts, money: readonly MoneyRow[], ctx: PassContext): StoredScore {
  const recencyAt = f.lastContactedAt === null ? f.lastOrderAt : f.lastOrderAt === null ? f.lastContactedAt : Math.max(f.lastContactedAt, f.lastOrderAt);
  const { r, until } = recencyScore(recencyAt, ctx.now);
  const fs = frequencyScore(f.orders);
  const m = monetaryScore(money.map((x) => ({ currency: x.currency, totalE4: x.total_e4 })), ctx.quartiles);
  return {
    customer_id: f.id,
    score: combinedScore(r, fs, m, ctx.weights),
    r,
    f: fs,
    m,
    recency_at: recencyAt,
    orders: f.orders,
    last_order_at: f.lastOrderAt,
    valid_until: until,
  };
}

const same = (a: StoredScore | null, b: StoredScore) =>
  a !== null && a.score === b.score && a.r === b.r && a.f === b.f && a.m === b.m && a.recency_at === b.recency_at && a.orders === b.orders && a.last_order_at === b.last_order_at && a.valid_until === b.valid_until;

/** Adds what the facts suggest now, drops pending ones they no longer do; true when anything changed. */
function syncSuggestions(st: ScoreStatements, f: ScoreFacts, score: StoredScore, existing: readonly SuggestionKey[], now: number): boolean {
  const wanted = suggestStage({ stage: f.stage, orders: f.orders, recencyAt: score.recency_at }, now);
  const key = (reason: string, basis: number) => `${reason}|${basis}`;
  const have = new Set(existing.map((s) => key(s.reason, s.basis)));
  const want = new Set(wanted.map((s) => key(s.reason, s.basis)));
  let changed = false;
  for (const s of wanted) {
    if (have.has(key(s.reason, s.basis))) continue; // pending already, or decided: never asked again
    st.suggest(newId(), f.id, s, now);
    changed = true;
  }
  for (const s of existing) {
    if (s.status === 'pending' && !want.has(key(s.reason, s.basis))) {
      st.dropPending(f.id, s.reason, s.basis);
      changed = true;
    }
  }
  return changed;
}

/** Rescores these customers from their stored money rows; returns how many changed. */
function rescore(st: ScoreStatements, ids: Iterable<string>, ctx: PassContext): number {
  let changed = 0;
  for (const id of ids) {
    const f = st.facts(id);
    if (!f) {
      st.forget(id);
      continue;
    }
    const row = scoreRow(f, st.moneyStored(id), ctx);
    const before = st.scoreOf(id);
    let touched = false;
    if (!same(before, row)) {
      st.upsertScore(row, ctx.now);
      st.setBand(id, row.score);
      touched = true;
    }
    if (syncSuggestions(st, f, row, st.suggestionsOf(id), ctx.now)) touched = true;
    if (touched) changed++;
  }
  return changed;
}

const sameMoney = (a: readonly MoneyRow[], b: readonly MoneyRow[]) =>
  a.length === b.length && a.every((x, i) => x.currency === b[i]!.currency && x.total_e4 === b[i]!.total_e4);

/**
 * The incremental pass: dirty customers and expired recency bands. A dirty customer's ordered
 * value is recomputed first; enough such changes make the quartile boundaries stale, and then
 * every customer with an ordered value is rescored against the new ones.
 */
export function incrementalPass(sqlite: BetterSqlite3.Database, st: ScoreStatements, now: number): number {
  if (st.dirtyCount() > FULL_PASS_FROM) return fullPass(sqlite, st, now);
  return sqlite.transaction(() => {
    const dirty = st.dirty(FULL_PASS_FROM + 1);
    const ids = new Set([...dirty, ...st.expired(now, EXPIRED_PER_PASS)]);
    if (ids.size === 0 && st.state().money_changes === 0) return 0;
    for (const id of dirty) {
      const now_ = st.moneyNow(id);
      if (!sameMoney(now_, st.moneyStored(id))) {
        st.replaceMoney(id, now_);
        st.countMoneyChange();
      }
    }
    const state = st.state();
    if (state.money_changes >= quartilesStaleAfter(state.population)) {
      refreshQuartiles(sqlite, now);
      for (const id of customersWithMoney(sqlite)) ids.add(id);
    }
    const changed = rescore(st, ids, { now, weights: st.weights(), quartiles: st.quartiles() });
    for (const id of dirty) st.undirty(id);
    return changed;
  })();
}

/** Every live customer from nothing: money, boundaries, scores and suggestions (upgrades, imports, the benchmark). */
export function fullPass(sqlite: BetterSqlite3.Database, st: ScoreStatements, now: number): number {
  return sqlite.transaction(() => {
    rebuildAllMoney(sqlite);
    refreshQuartiles(sqlite, now);
    const ctx: PassContext = { now, weights: st.weights(), quartiles: st.quartiles() };
    const money = allMoney(sqlite);
    const suggestions = allSuggestionKeys(sqlite);
    let changed = 0;
    for (const f of allFacts(sqlite)) {
      const row = scoreRow(f, money.get(f.id) ?? [], ctx);
      st.upsertScore(row, now);
      st.setBand(f.id, row.score);
      const had = suggestions.get(f.id) ?? [];
      // Most customers have no suggestion and suggest none: skip the work for them.
      if (had.length > 0 || suggestStage({ stage: f.stage, orders: f.orders, recencyAt: row.recency_at }, now).length > 0) syncSuggestions(st, f, row, had, now);
      changed++;
    }
    clearAfterFullPass(sqlite);
    return changed;
  })();
}

/** New weights: only the combined score moves (R, F and M stay), so it is recomputed from them. */
export function reweigh(sqlite: BetterSqlite3.Database, st: ScoreStatements, weights: ScoreWeights, now: number): number {
  return sqlite.transaction(() => {
    st.setWeights(weights, now);
    let changed = 0;
    for (const row of st.scoreParts()) {
      const score = combinedScore(row.r, row.f, row.m, weights);
      if (score !== row.score) {
        st.setScore(row.customer_id, score);
        st.setBand(row.customer_id, score);
        changed++;
      }
    }
    return changed;
  })();
}
