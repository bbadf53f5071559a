import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPragmas, createKysely, openDatabase } from '../../../../../../db/open-database.ts';
import type { Db } from '../../../../../../db/database.ts';
import { seedMailAccount, writeMail, type MailFixture, type MailSpec } from '../../../../../fixtures/mail-fixtures.ts';

/**
 * The write path's cost in statements. Sync and import write thousands of messages a minute: a
 * query added per message shows here before it shows in the benchmarks (test/bench/RESULTS.md,
 * "Mail store" and "Mail sync").
 */

/**
 * Statements run per message today: the thread lookup, the thread and its key, and the
 * message, body, two address (From and To), attachment and search rows — each a run of a
 * statement prepared once (message-insert.queries.ts). Lower it when the write path gets
 * cheaper; never raise it without a benchmark.
 */
const STATEMENTS_PER_MESSAGE = 9;

let sqlite: BetterSqlite3.Database | null = null;
let dir: string | null = null;

afterEach(() => {
  sqlite?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  sqlite = null;
  dir = null;
});

/** Inbound mail from a buyer with no customer yet, each message its own thread, with one attachment. */
function inquiries(from: number, n: number): MailSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    folder: 'inbox' as const,
    from: { name: `Buyer ${from + i}`, address: `buyer${from + i}@importer-${from + i}.de` },
    to: [{ address: 'sales@mytrade.cn' }],
    subject: `Inquiry ${from + i}`,
    text: `Please quote item ${from + i}.`,
    date: Date.UTC(2026, 4, 1) + (from + i) * 60_000,
    messageId: `inquiry-${from + i}@importer.de`,
    attachments: [`spec-${from + i}.pdf`],
  }));
}

/**
 * A migrated database reopened with better-sqlite3's `verbose` hook, which SQLite calls for
 * every statement it runs — whether Kysely built it or it is a fixed, prepared text — and a
 * count of the statements and of the prepares.
 */
async function countingDatabase(): Promise<{ db: Db; runs: () => number; prepares: () => number }> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-message-writer-'));
  const file = path.join(dir, 'tradefolio.sqlite');
  await (await openDatabase(file)).close();
  let runs = 0;
  let prepares = 0;
  const handle = new BetterSqlite3(file, { verbose: () => runs++ });
  applyPragmas(handle);
  const prepare = handle.prepare.bind(handle);
  handle.prepare = ((source: string) => {
    prepares++;
    return prepare(source);
  }) as typeof handle.prepare;
  sqlite = handle;
  return { db: createKysely(handle), runs: () => runs, prepares: () => prepares };
}

describe('message-writer', () => {
  it('writes a batch of messages with a fixed number of statements per message, each prepared once', async () => {
    const counted = await countingDatabase();
    const fixture: MailFixture = await seedMailAccount(counted.db, 'sales@mytrade.cn');
    const write = async (specs: MailSpec[]) => {
      const [runs, prepares] = [counted.runs(), counted.prepares()];
      await writeMail(counted.db, fixture, specs, Date.UTC(2026, 5, 1));
      return { runs: counted.runs() - runs, prepares: counted.prepares() - prepares };
    };

    const first = await write(inquiries(0, 10));
    const small = await write(inquiries(10, 10));
    const large = await write(inquiries(20, 30));
    // What a batch costs beyond its per-batch statements (duplicate check, filing) is per message.
    expect((large.runs - small.runs) / 20).toBe(STATEMENTS_PER_MESSAGE);
    // The first batch prepared the write path's statements; a batch of a size seen before prepares nothing.
    expect(first.prepares).toBeGreaterThan(STATEMENTS_PER_MESSAGE);
    expect(small.prepares).toBe(0);
    const again = await write(inquiries(50, 30));
    expect(again).toEqual({ runs: large.runs, prepares: 0 });

    const stored = await counted.db.selectFrom('mail_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const attachments = await counted.db.selectFrom('mail_attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect([stored.n, attachments.n]).toEqual([80, 80]);
  });
});
