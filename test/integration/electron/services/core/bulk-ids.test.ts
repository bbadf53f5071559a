import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallKey } from '../../../../../shared/contract/contract.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';

/** SQLite binds at most this many values in one statement. */
const SQLITE_MAX_VARIABLES = 32_766;
const CUSTOMERS = 40_000;
const IDS_PER_CALL = 100_000;

/** The contract calls whose input has an array that may hold more values than SQLite binds. */
function callsTakingHugeArrays(): CallKey[] {
  const huge = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false;
    const o = node as Record<string, unknown>;
    if (o.type === 'array' && !(typeof o.maxItems === 'number' && o.maxItems <= SQLITE_MAX_VARIABLES)) return true;
    return Object.values(o).some(huge);
  };
  return (Object.keys(contract) as CallKey[]).filter((key) => huge(z.toJSONSchema(contract[key].input, { io: 'input', unrepresentable: 'any' })));
}

interface BulkCase {
  /** Puts the rows in the state the call starts from (every case starts from all 40,000). */
  prepare(sqlite: BetterSqlite3.Database): void;
  input(ids: string[]): Record<string, unknown>;
  /** The ids of the customers that are now as the call should leave the chosen ones. */
  affected(sqlite: BetterSqlite3.Database): string[];
  /** Derived state that must follow: here, the search index holds exactly the live customers. */
  derived?(sqlite: BetterSqlite3.Database): void;
}

function ids(sqlite: BetterSqlite3.Database, where: string): string[] {
  return (sqlite.prepare(`SELECT id FROM customers WHERE ${where} ORDER BY id`).pluck().all() as string[]);
}

function searchMatchesLiveCustomers(sqlite: BetterSqlite3.Database): void {
  const indexed = sqlite.prepare('SELECT c.id FROM customer_search s JOIN customers c ON c.rid = s.rowid ORDER BY c.id').pluck().all();
  expect(indexed).toEqual(ids(sqlite, 'deleted_at IS NULL'));
}

function allLiveAndIndexed(sqlite: BetterSqlite3.Database): void {
  sqlite.exec(`UPDATE customers SET deleted_at = NULL, owner_id = NULL;
    DELETE FROM customer_search;
    INSERT INTO customer_search (rowid, text) SELECT rid, name FROM customers;`);
}

let ownerId = '';

/**
 * Every call that takes more ids than SQLite binds in one statement. A new bulk call must be
 * added here (the first test says so), and chunk its `where id in (…)` (electron/services/core/id-chunks.ts).
 */
const BULK_CALLS: Partial<Record<CallKey, BulkCase>> = {
  'customers.remove': {
    prepare: allLiveAndIndexed,
    input: (list) => ({ ids: list }),
    affected: (sqlite) => ids(sqlite, 'deleted_at IS NOT NULL'),
    derived: searchMatchesLiveCustomers,
  },
  'customers.restore': {
    prepare: (sqlite) => sqlite.exec('UPDATE customers SET deleted_at = 1, owner_id = NULL; DELETE FROM customer_search;'),
    input: (list) => ({ ids: list }),
    affected: (sqlite) => ids(sqlite, 'deleted_at IS NULL'),
    derived: searchMatchesLiveCustomers,
  },
  'customers.transfer': {
    prepare: allLiveAndIndexed,
    input: (list) => ({ ids: list, toOwnerId: ownerId }),
    affected: (sqlite) => ids(sqlite, `owner_id = '${ownerId}'`),
  },
};

describe(`bulk calls with ${IDS_PER_CALL.toLocaleString('en')} ids`, () => {
  let app: TempCore;
  let chosen: string[];
  let input: string[];

  beforeAll(async () => {
    app = await createTempCore();
    ownerId = (await app.call('owners.create', { name: 'Receiving Owner' })).id;
    const { sqlite } = app.core.database();
    // Real rows, written the fast way: one prepared statement in one transaction.
    const insert = sqlite.prepare(
      `INSERT INTO customers (id, code, region_code, seq, name, grade, stage, created_at, updated_at) VALUES (?, ?, 'EU', ?, ?, 'C', 'potential', 1, 1)`,
    );
    const all: string[] = [];
    sqlite.transaction(() => {
      for (let i = 1; i <= CUSTOMERS; i++) {
        const id = `cust-${String(i).padStart(6, '0')}`;
        insert.run(id, `EU-${i}-C`, i, `Bulk Customer ${i}`);
        all.push(id);
      }
    })();
    // Every 8th customer is left out, so each chunk holds ids that must stay untouched beside
    // ones that must change; more chosen customers than SQLite binds, so the rows that change
    // need chunking too, not only the ids given.
    chosen = all.filter((_, i) => i % 8 !== 0);
    expect(chosen.length).toBeGreaterThan(SQLITE_MAX_VARIABLES);
    const unknown = Array.from({ length: IDS_PER_CALL - chosen.length - 1000 }, (_, i) => `unknown-${i}`);
    // Repeated ids are counted once, as one `in (…)` would count them.
    const repeated = chosen.slice(0, 1000);
    input = interleave([...chosen, ...unknown, ...repeated]);
    expect(input).toHaveLength(IDS_PER_CALL);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('covers every call that takes more ids than SQLite binds in one statement', () => {
    expect(Object.keys(BULK_CALLS).sort(), 'a call takes that many ids: chunk its SQL and add it to BULK_CALLS').toEqual(callsTakingHugeArrays().sort());
  });

  it.each(Object.entries(BULK_CALLS) as [CallKey, BulkCase][])('%s succeeds and changes exactly the chosen customers', async (key, bulk) => {
    const { sqlite } = app.core.database();
    bulk.prepare(sqlite);
    const result = await app.core.dispatch(key, bulk.input(input));
    expect(result).toEqual({ ok: true, value: { count: chosen.length } });
    expect(bulk.affected(sqlite)).toEqual([...chosen].sort());
    bulk.derived?.(sqlite);
  }, 120_000);
});

/** A fixed shuffle (every 7th first, and so on), so chosen, unknown and repeated ids mix in every chunk. */
function interleave<T>(items: T[]): T[] {
  const out: T[] = [];
  for (let start = 0; start < 7; start++) for (let i = start; i < items.length; i += 7) out.push(items[i]!);
  return out;
}
