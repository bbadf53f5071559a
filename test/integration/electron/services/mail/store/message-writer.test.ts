import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../../../../db/open-database.ts';
import type { Db } from '../../../../../../db/database.ts';
import { seedMailAccount, writeMail, type MailFixture, type MailSpec } from '../../../../../fixtures/mail-fixtures.ts';

/**
 * The write path's cost in statements. Sync writes thousands of messages a minute, and each
 * statement is a round through Kysely and SQLite: a query added per message shows here before
 * it shows in the sync benchmark (test/bench/RESULTS.md, "Mail sync").
 */

/**
 * Statements per message today: the thread lookup, thread and thread-key inserts, and the
 * message, body, address, attachment and search rows. Lower it when the write path gets
 * cheaper (issue 12); never raise it without a benchmark.
 */
const STATEMENTS_PER_MESSAGE = 8;

let opened: OpenedDatabase | null = null;
let dir: string | null = null;

afterEach(async () => {
  await opened?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  opened = null;
  dir = null;
});

/** A handle on the same database that counts every statement run through it. */
function counting(db: Db): { db: Db; count: () => number } {
  let statements = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), count: () => statements };
}

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

async function statementsToWrite(fixture: MailFixture, db: Db, specs: MailSpec[]): Promise<number> {
  const counted = counting(db);
  await writeMail(counted.db, fixture, specs, Date.UTC(2026, 5, 1));
  return counted.count();
}

describe('message-writer', () => {
  it('writes a batch of messages with a fixed number of statements per message', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-message-writer-'));
    opened = await openDatabase(path.join(dir, 'tradefolio.sqlite'));
    const fixture = await seedMailAccount(opened.db, 'sales@mytrade.cn');

    const small = await statementsToWrite(fixture, opened.db, inquiries(0, 10));
    const large = await statementsToWrite(fixture, opened.db, inquiries(10, 30));
    // What a batch costs beyond its per-batch statements (duplicate check, filing) is per message.
    expect((large - small) / 20).toBe(STATEMENTS_PER_MESSAGE);

    const stored = await opened.db.selectFrom('mail_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const attachments = await opened.db.selectFrom('mail_attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect([stored.n, attachments.n]).toEqual([40, 40]);
  });
});
