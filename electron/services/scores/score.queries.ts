import type BetterSqlite3 from 'better-sqlite3';
import type { CustomersTable } from '../../../db/tables/tables.ts';
import type {
  CustomerMoneyTable,
  CustomerScoresTable,
  ScoreQuartilesTable,
  ScoreStateTable,
  ScoreWeightsTable,
  StageSuggestionsTable,
} from '../../../db/tables/scores.tables.ts';
import { quartileRanks, valueBand, type Quartiles, type ScoreWeights, type StageSuggestion } from '../../../shared/domain/value-score.ts';

/**
 * The statements of the score passes (score-pass.ts), prepared once per database handle. They are
 * better-sqlite3 statements, not Kysely: a pass runs synchronously inside the `data.changed`
 * listener, so the score is stored before the write that caused it returns to its caller.
 */

/** What a customer's score is computed from. */
export interface ScoreFacts {
  id: string;
  stage: CustomersTable['stage'];
  lastContactedAt: number | null;
  orders: number;
  lastOrderAt: number | null;
}

export type MoneyRow = Pick<CustomerMoneyTable, 'currency' | 'total_e4'>;
export type StoredScore = Omit<CustomerScoresTable, 'computed_at'>;
export type SuggestionKey = Pick<StageSuggestionsTable, 'customer_id' | 'reason' | 'basis' | 'status'>;

/*
 * An order is an accepted, live quote; the revisions of one base number are one deal, whose value
 * is its latest accepted revision's lines (quotes_base answers the max()).
 */
const LATEST_ACCEPTED = `q.status = 'accepted' AND q.deleted_at IS NULL
  AND q.revision = (SELECT max(q2.revision) FROM quotes q2 WHERE q2.base_number = q.base_number AND q2.status = 'accepted' AND q2.deleted_at IS NULL)`;
/*
 * One customer's orders and money go through quotes_customer. The unary + keeps SQLite (without
 * statistics) from taking quotes_status_valid for status = 'accepted' instead: that read every
 * accepted quote for each customer (105 ms at 90,000 orders; test/bench/scores.bench.ts).
 */
export const ONE_CUSTOMER_SQL = {
  orders: `SELECT count(DISTINCT base_number) AS orders, max(coalesce(decided_at, quoted_at)) AS lastOrderAt
    FROM quotes WHERE customer_id = ? AND +status = 'accepted' AND deleted_at IS NULL`,
  money: `SELECT l.currency, sum(l.amount_e4) AS total_e4
    FROM quotes q JOIN quote_lines l ON l.quote_id = q.id WHERE q.customer_id = ? AND +q.status = 'accepted' AND q.deleted_at IS NULL
      AND q.revision = (SELECT max(q2.revision) FROM quotes q2 WHERE q2.base_number = q.base_number AND +q2.status = 'accepted' AND q2.deleted_at IS NULL)
    GROUP BY l.currency HAVING sum(l.amount_e4) > 0 ORDER BY l.currency`,
};

export function scoreStatements(sqlite: BetterSqlite3.Database) {
  const dirty = sqlite.prepare<[number], string>('SELECT customer_id FROM score_dirty LIMIT ?').pluck();
  const dirtyCount = sqlite.prepare<[], number>('SELECT count(*) FROM score_dirty').pluck();
  const undirty = sqlite.prepare<[string]>('DELETE FROM score_dirty WHERE customer_id = ?');
  const expired = sqlite.prepare<[number, number], string>('SELECT customer_id FROM customer_scores WHERE valid_until <= ? LIMIT ?').pluck();
  const customer = sqlite.prepare<[string], { stage: CustomersTable['stage']; lastContactedAt: number | null }>(
    'SELECT stage, last_contacted_at AS lastContactedAt FROM customers WHERE id = ? AND deleted_at IS NULL',
  );
  const orders = sqlite.prepare<[string], { orders: number; lastOrderAt: number | null }>(ONE_CUSTOMER_SQL.orders);
  const moneyNow = sqlite.prepare<[string], MoneyRow>(ONE_CUSTOMER_SQL.money);
  const moneyStored = sqlite.prepare<[string], MoneyRow>('SELECT currency, total_e4 FROM customer_money WHERE customer_id = ? ORDER BY currency');
  const moneyDelete = sqlite.prepare<[string]>('DELETE FROM customer_money WHERE customer_id = ?');
  const moneyInsert = sqlite.prepare<[string, string, number]>('INSERT INTO customer_money (customer_id, currency, total_e4) VALUES (?, ?, ?)');
  const scoreDelete = sqlite.prepare<[string]>('DELETE FROM customer_scores WHERE customer_id = ?');
  const scoreUpsert = sqlite.prepare<[StoredScore & { computed_at: number }]>(`INSERT INTO customer_scores
    (customer_id, score, r, f, m, recency_at, orders, last_order_at, valid_until, computed_at)
    VALUES (@customer_id, @score, @r, @f, @m, @recency_at, @orders, @last_order_at, @valid_until, @computed_at)
    ON CONFLICT (customer_id) DO UPDATE SET score = excluded.score, r = excluded.r, f = excluded.f, m = excluded.m,
      recency_at = excluded.recency_at, orders = excluded.orders, last_order_at = excluded.last_order_at,
      valid_until = excluded.valid_until, computed_at = excluded.computed_at`);
  const bandSet = sqlite.prepare<[string, string, string]>('UPDATE customers SET value_band = ? WHERE id = ? AND value_band IS NOT ?');
  const scoreOf = sqlite.prepare<[string], StoredScore>('SELECT customer_id, score, r, f, m, recency_at, orders, last_order_at, valid_until FROM customer_scores WHERE customer_id = ?');
  const scoreParts = sqlite.prepare<[], Pick<CustomerScoresTable, 'customer_id' | 'score' | 'r' | 'f' | 'm'>>('SELECT customer_id, score, r, f, m FROM customer_scores');
  const scoreSet = sqlite.prepare<[number, string]>('UPDATE customer_scores SET score = ? WHERE customer_id = ?');
  const state = sqlite.prepare<[], ScoreStateTable>('SELECT * FROM score_state WHERE id = 1');
  const moneyChanged = sqlite.prepare('UPDATE score_state SET money_changes = money_changes + 1 WHERE id = 1');
  const weights = sqlite.prepare<[], ScoreWeightsTable>('SELECT * FROM score_weights WHERE id = 1');
  const setWeights = sqlite.prepare<[number, number, number, number]>('UPDATE score_weights SET recency = ?, frequency = ?, monetary = ?, updated_at = ? WHERE id = 1');
  const quartiles = sqlite.prepare<[], ScoreQuartilesTable>('SELECT * FROM score_quartiles');
  const suggestionsOf = sqlite.prepare<[string], SuggestionKey>('SELECT customer_id, reason, basis, status FROM stage_suggestions WHERE customer_id = ?');
  const suggestionInsert = sqlite.prepare<[string, string, string, number, string, string, number]>(`INSERT OR IGNORE INTO stage_suggestions
    (id, customer_id, reason, basis, from_stage, to_stage, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`);
  const suggestionDrop = sqlite.prepare<[string, string, number]>("DELETE FROM stage_suggestions WHERE customer_id = ? AND reason = ? AND basis = ? AND status = 'pending'");
  const pendingDrop = sqlite.prepare<[string]>("DELETE FROM stage_suggestions WHERE customer_id = ? AND status = 'pending'");

  return {
    dirty: (limit: number) => dirty.all(limit),
    dirtyCount: () => dirtyCount.get() ?? 0,
    undirty: (id: string) => void undirty.run(id),
    expired: (now: number, limit: number) => expired.all(now, limit),
    /** null for a deleted or unknown customer. */
    facts(id: string): ScoreFacts | null {
      const c = customer.get(id);
      if (!c) return null;
      const o = orders.get(id) ?? { orders: 0, lastOrderAt: null };
      return { id, stage: c.stage, lastContactedAt: c.lastContactedAt, orders: o.orders, lastOrderAt: o.lastOrderAt };
    },
    moneyNow: (id: string) => moneyNow.all(id),
    moneyStored: (id: string) => moneyStored.all(id),
    replaceMoney(id: string, rows: readonly MoneyRow[]) {
      moneyDelete.run(id);
      for (const r of rows) moneyInsert.run(id, r.currency, r.total_e4);
    },
    forget(id: string) {
      moneyDelete.run(id);
      scoreDelete.run(id);
      pendingDrop.run(id);
    },
    upsertScore: (row: StoredScore, now: number) => void scoreUpsert.run({ ...row, computed_at: now }),
    /** customers.value_band follows the score (the list filters by it); written only when it changes. */
    setBand: (id: string, score: number) => {
      const band = valueBand(score);
      bandSet.run(band, id, band);
    },
    scoreOf: (id: string) => scoreOf.get(id) ?? null,
    scoreParts: () => scoreParts.all(),
    setScore: (id: string, score: number) => void scoreSet.run(score, id),
    state: () => state.get()!,
    countMoneyChange: () => void moneyChanged.run(),
    weights(): ScoreWeights {
      const w = weights.get()!;
      return { recency: w.recency, frequency: w.frequency, monetary: w.monetary };
    },
    setWeights: (w: ScoreWeights, now: number) => void setWeights.run(w.recency, w.frequency, w.monetary, now),
    quartiles(): Map<string, Quartiles> {
      return new Map(quartiles.all().map((q) => [q.currency, { q1: q.q1_e4, q2: q.q2_e4, q3: q.q3_e4 }]));
    },
    suggestionsOf: (id: string) => suggestionsOf.all(id),
    suggest: (newId: string, customerId: string, s: StageSuggestion, now: number) =>
      void suggestionInsert.run(newId, customerId, s.reason, s.basis, s.from, s.to, now),
    dropPending: (customerId: string, reason: string, basis: number) => void suggestionDrop.run(customerId, reason, basis),
  };
}

export type ScoreStatements = ReturnType<typeof scoreStatements>;

/**
 * New quartile boundaries of every currency, from customer_money: the totals at the nearest ranks,
 * each read by OFFSET on customer_money_rank (a few index steps per currency, even at 100k).
 */
export function refreshQuartiles(sqlite: BetterSqlite3.Database, now: number): void {
  const counts = sqlite.prepare<[], { currency: string; n: number }>('SELECT currency, count(*) AS n FROM customer_money GROUP BY currency').all();
  const at = sqlite.prepare<[string, number], number>('SELECT total_e4 FROM customer_money WHERE currency = ? ORDER BY total_e4 LIMIT 1 OFFSET ?').pluck();
  const insert = sqlite.prepare<[string, number, number, number, number, number]>(
    'INSERT INTO score_quartiles (currency, q1_e4, q2_e4, q3_e4, customers, computed_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  sqlite.prepare('DELETE FROM score_quartiles').run();
  for (const { currency, n } of counts) {
    const [r1, r2, r3] = quartileRanks(n);
    insert.run(currency, at.get(currency, r1 - 1)!, at.get(currency, r2 - 1)!, at.get(currency, r3 - 1)!, n, now);
  }
  const population = sqlite.prepare<[], number>('SELECT count(DISTINCT customer_id) FROM customer_money').pluck().get() ?? 0;
  sqlite.prepare<[number, number]>('UPDATE score_state SET money_changes = 0, population = ?, quartiles_at = ? WHERE id = 1').run(population, now);
}

/** Customers with an ordered value: the ones whose M moves when the boundaries do. */
export function customersWithMoney(sqlite: BetterSqlite3.Database): string[] {
  return sqlite.prepare<[], string>('SELECT DISTINCT customer_id FROM customer_money').pluck().all();
}

/** The full pass: customer_money rebuilt from the quotes in one statement, and every live customer's facts. */
export function rebuildAllMoney(sqlite: BetterSqlite3.Database): void {
  sqlite.prepare('DELETE FROM customer_money').run();
  sqlite
    .prepare(`INSERT INTO customer_money (customer_id, currency, total_e4)
      SELECT q.customer_id, l.currency, sum(l.amount_e4) FROM quotes q
      JOIN customers c ON c.id = q.customer_id AND c.deleted_at IS NULL
      JOIN quote_lines l ON l.quote_id = q.id
      WHERE ${LATEST_ACCEPTED}
      GROUP BY q.customer_id, l.currency HAVING sum(l.amount_e4) > 0`)
    .run();
}

export function allFacts(sqlite: BetterSqlite3.Database): ScoreFacts[] {
  return sqlite
    .prepare<[], ScoreFacts>(`SELECT c.id, c.stage, c.last_contacted_at AS lastContactedAt,
        coalesce(o.orders, 0) AS orders, o.lastOrderAt
      FROM customers c LEFT JOIN (SELECT customer_id, count(DISTINCT base_number) AS orders, max(coalesce(decided_at, quoted_at)) AS lastOrderAt
        FROM quotes WHERE status = 'accepted' AND deleted_at IS NULL GROUP BY customer_id) o ON o.customer_id = c.id
      WHERE c.deleted_at IS NULL`)
    .all();
}

export function allMoney(sqlite: BetterSqlite3.Database): Map<string, MoneyRow[]> {
  const out = new Map<string, MoneyRow[]>();
  for (const row of sqlite.prepare<[], MoneyRow & { customer_id: string }>('SELECT customer_id, currency, total_e4 FROM customer_money').iterate()) {
    const list = out.get(row.customer_id) ?? [];
    list.push({ currency: row.currency, total_e4: row.total_e4 });
    out.set(row.customer_id, list);
  }
  return out;
}

export function allSuggestionKeys(sqlite: BetterSqlite3.Database): Map<string, SuggestionKey[]> {
  const out = new Map<string, SuggestionKey[]>();
  for (const row of sqlite.prepare<[], SuggestionKey>('SELECT customer_id, reason, basis, status FROM stage_suggestions').iterate()) {
    const list = out.get(row.customer_id) ?? [];
    list.push(row);
    out.set(row.customer_id, list);
  }
  return out;
}

/** Scores and money of customers deleted since, and the whole dirty list, after a full pass. */
export function clearAfterFullPass(sqlite: BetterSqlite3.Database): void {
  sqlite.prepare('DELETE FROM customer_scores WHERE customer_id IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)').run();
  sqlite.prepare("DELETE FROM stage_suggestions WHERE status = 'pending' AND customer_id IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)").run();
  sqlite.prepare('DELETE FROM score_dirty').run();
}
