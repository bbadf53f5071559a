import type { EventKey, EventPayload } from '../../../shared/contract/contract.ts';
import type { CustomerScore, scoreCalls } from '../../../shared/contract/scores.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import { quartileOf } from '../../../shared/domain/value-score.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { FULL_PASS_FROM, fullPass, incrementalPass, reweigh } from './score-pass.ts';
import { scoreStatements } from './score.queries.ts';
import {
  decideSuggestion,
  moneyWithQuartiles,
  pendingById,
  pendingOfCustomer,
  pendingPage,
  setCustomerStage,
  storedScore,
} from './score-reads.queries.ts';

type Keys = keyof typeof scoreCalls;

export interface ScoreService {
  handlers: Pick<Handlers, Keys>;
  /**
   * The `data.changed` listener (app-core subscribes it): rescores what the write made dirty,
   * right after its commit and before the writing call returns. Its own announcement
   * ('customers') finds nothing dirty, so it does not loop.
   */
  afterWrite<K extends EventKey>(event: K, payload: EventPayload<K>): void;
  /** Runs the incremental pass now; returns how many customers' scores or suggestions changed. */
  pass(): number;
  /** Rescores every customer from nothing (the benchmark, and after an upgrade). */
  passAll(): number;
}

/** A pass that meets another call's open transaction waits this long and tries again. */
const RETRY_MS = 50;
/**
 * A bulk writer (an import of thousands of customers, mail sync's first pass) announces a batch
 * every few hundred milliseconds: rescoring after each would add seconds to it. Above
 * FULL_PASS_FROM dirty customers the pass waits until the writes have been quiet this long.
 */
const BULK_QUIET_MS = 1000;

/** The value (RFM) score and lifecycle suggestions (issue 14 point 4; rules in shared/domain/value-score.ts). */
export function createScoreService(deps: ServiceDeps): ScoreService {
  const { db, sqlite, clock, emit, log } = deps;
  const st = scoreStatements(sqlite);
  let running = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let bulk: ReturnType<typeof setTimeout> | null = null;

  function pass(): number {
    const changed = incrementalPass(sqlite, st, clock.now());
    if (changed > 0) emit('data.changed', { entities: ['customers'] });
    return changed;
  }

  /** `quiet`: the writes have paused (the bulk timer), so even a full pass runs now. */
  function passSoon(quiet = false): void {
    if (running) return;
    // The one connection is inside another call's transaction (Kysely awaits mid-way): our writes
    // would join it, so wait for it to end. The dirty rows stay until a pass takes them.
    if (sqlite.inTransaction) {
      retry ??= setTimeout(() => {
        retry = null;
        passSoon(quiet);
      }, RETRY_MS);
      return;
    }
    if (!quiet && st.dirtyCount() > FULL_PASS_FROM) {
      if (bulk) clearTimeout(bulk);
      bulk = setTimeout(() => {
        bulk = null;
        passSoon(true);
      }, BULK_QUIET_MS);
      // A CLI import must not wait for it to exit: the dirty rows stay for the next pass.
      bulk.unref();
      return;
    }
    running = true;
    try {
      pass();
    } catch (err) {
      log.error('score pass failed', { error: err instanceof Error ? err.message : String(err) });
    } finally {
      running = false;
    }
  }

  async function get(customerId: string): Promise<CustomerScore> {
    passSoon();
    const [score, money, suggestions] = await Promise.all([storedScore(db, customerId), moneyWithQuartiles(db, customerId), pendingOfCustomer(db, customerId)]);
    return {
      customerId,
      score: score?.score ?? null,
      r: score?.r ?? 0,
      f: score?.f ?? 0,
      m: score?.m ?? 0,
      recencyAt: score?.recency_at ?? null,
      orders: score?.orders ?? 0,
      lastOrderAt: score?.last_order_at ?? null,
      money: money.map((x) => ({
        currency: x.currency,
        totalE4: x.total_e4,
        quartile: x.q1_e4 === null || x.q2_e4 === null || x.q3_e4 === null ? 1 : quartileOf(x.total_e4, { q1: x.q1_e4, q2: x.q2_e4, q3: x.q3_e4 }),
      })),
      weights: st.weights(),
      suggestions,
    };
  }

  return {
    pass,
    passAll: () => fullPass(sqlite, st, clock.now()),
    afterWrite(event) {
      if (event === 'data.changed') passSoon();
    },
    handlers: {
      'scores.get': ({ customerId }) => get(customerId),
      'scores.getWeights': () => Promise.resolve(st.weights()),
      'scores.setWeights': (weights) => {
        const changed = reweigh(sqlite, st, weights, clock.now());
        if (changed > 0) emit('data.changed', { entities: ['customers'] });
        return Promise.resolve(st.weights());
      },
      'scores.suggestions': (input) => pendingPage(db, input),
      'scores.decide': async ({ id, decision }) => {
        const now = clock.now();
        await db.transaction().execute(async (trx) => {
          const row = await pendingById(trx, id);
          if (!row) fail('notFound', 'scores.errors.suggestionGone', { id });
          await decideSuggestion(trx, id, decision === 'confirm' ? 'confirmed' : 'dismissed', now);
          if (decision === 'confirm') await setCustomerStage(trx, row.customer_id, row.to_stage, now);
        });
        // The stage change queued the customer: its other suggestions follow in this pass.
        passSoon();
        emit('data.changed', { entities: ['customers'] });
        return { count: 1 };
      },
      'scores.refresh': () => Promise.resolve({ count: pass() }),
    },
  };
}
