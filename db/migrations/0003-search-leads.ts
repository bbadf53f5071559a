import { sql, type Kysely } from 'kysely';
import { customerSearchText } from '../../shared/domain/customer-search-text.ts';
import { LATIN_BEFORE_CJK, toSearchText } from '../../shared/domain/search-text.ts';
import type { Database } from '../tables/tables.ts';

/**
 * Search, new leads and "waiting for our reply" (issue 4, points 4, 6 and 7).
 *
 * - mail_messages.filed counts a message's filing links, kept by triggers on
 *   mail_message_customers (every writer of links, the cascade of a deleted customer included),
 *   so that "mail filed under no customer", the raw material of New leads, is a partial index
 *   instead of a NOT EXISTS over every message.
 * - A date index over all mail: a search with many matches walks it newest first.
 * - Partial indexes of filing links by direction: inbound mail of the last days drives "waiting
 *   for our reply", and the customer's newest outbound link answers "did we reply since?".
 * - lead_dismissals: domains and addresses the user does not want to see as leads again.
 * - Search rows of text with a Latin letter or digit right before a CJK character are rebuilt:
 *   toSearchText() used to read "LED灯具的报价" as one word, so 报价 did not find it.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE mail_messages ADD COLUMN filed INTEGER NOT NULL DEFAULT 0`,
    sql`UPDATE mail_messages SET filed = (SELECT count(*) FROM mail_message_customers l WHERE l.message_id = mail_messages.id)`,
    sql`CREATE TRIGGER mail_message_customers_filed_ai AFTER INSERT ON mail_message_customers BEGIN
      UPDATE mail_messages SET filed = filed + 1 WHERE id = NEW.message_id;
    END`,
    sql`CREATE TRIGGER mail_message_customers_filed_ad AFTER DELETE ON mail_message_customers BEGIN
      UPDATE mail_messages SET filed = filed - 1 WHERE id = OLD.message_id;
    END`,
    sql`CREATE INDEX mail_messages_unfiled ON mail_messages (date_at) WHERE filed = 0`,
    sql`CREATE INDEX mail_messages_date ON mail_messages (date_at)`,

    sql`CREATE INDEX mail_message_customers_inbound ON mail_message_customers (date_at) WHERE direction = 'inbound'`,
    sql`CREATE INDEX mail_message_customers_outbound ON mail_message_customers (customer_id, date_at) WHERE direction = 'outbound'`,

    // key: a lower-cased domain ("acme.com") or address ("news@acme.com").
    sql`CREATE TABLE lead_dismissals (
      key TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL
    ) WITHOUT ROWID`,
  ];
  for (const statement of statements) await statement.execute(db);
  const typed = db as unknown as Kysely<Database>;
  await retokenizeCustomers(typed);
  await retokenizeMail(typed);
}

const BATCH = 2000;
const MAX_INDEXED_BODY = 64 * 1024;
const mixed = (...texts: Array<string | null | undefined>) => texts.some((t) => !!t && LATIN_BEFORE_CJK.test(t));

/** Live customers whose own or contacts' text mixes Latin and CJK get their search row rebuilt. */
async function retokenizeCustomers(db: Kysely<Database>): Promise<void> {
  const affected = new Set<string>();
  for (const c of await db.selectFrom('customers').select(['id', 'name', 'local_name', 'code', 'website']).where('deleted_at', 'is', null).execute()) {
    if (mixed(c.name, c.local_name, c.code, c.website)) affected.add(c.id);
  }
  const contacts = await db
    .selectFrom('contacts as ct')
    .leftJoin('contact_channels as ch', 'ch.contact_id', 'ct.id')
    .select(['ct.customer_id', 'ct.name', 'ch.value'])
    .where('ct.deleted_at', 'is', null)
    .execute();
  for (const c of contacts) if (mixed(c.name, c.value)) affected.add(c.customer_id);

  for (const id of affected) {
    const c = await db.selectFrom('customers').select(['rid', 'name', 'local_name', 'code', 'website', 'phone']).where('id', '=', id).executeTakeFirstOrThrow();
    const names = await db.selectFrom('contacts').select('name').where('customer_id', '=', id).where('deleted_at', 'is', null).execute();
    const channels = await db
      .selectFrom('contact_channels as ch')
      .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
      .select(['ch.kind', 'ch.value'])
      .where('ct.customer_id', '=', id)
      .where('ct.deleted_at', 'is', null)
      .execute();
    const text = customerSearchText(c, names.map((n) => n.name), channels);
    await db.deleteFrom('customer_search').where('rowid', '=', c.rid).execute();
    await db.insertInto('customer_search').values({ rowid: c.rid, text }).execute();
  }
}

/** Messages whose subject, names, body or attachment names mix Latin and CJK get their search row rebuilt. */
async function retokenizeMail(db: Kysely<Database>): Promise<void> {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('mail_messages as m')
      .leftJoin('mail_bodies as b', 'b.message_id', 'm.id')
      .select(['m.rid', 'm.id', 'm.subject', 'b.text'])
      .where('m.rid', '>', after)
      .orderBy('m.rid')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.rid;
    const ids = rows.map((r) => r.id);
    const addresses = await db.selectFrom('mail_message_addresses').select(['message_id', 'name', 'address']).where('message_id', 'in', ids).orderBy('message_id').orderBy('role').orderBy('position').execute();
    const attachments = await db.selectFrom('mail_attachments').select(['message_id', 'filename']).where('message_id', 'in', ids).orderBy('position').execute();
    const peopleOf = groupBy(addresses);
    const filesOf = groupBy(attachments);
    for (const r of rows) {
      const body = (r.text ?? '').slice(0, MAX_INDEXED_BODY);
      const people = peopleOf.get(r.id) ?? [];
      const files = (filesOf.get(r.id) ?? []).map((a) => a.filename);
      if (!mixed(r.subject, body, ...people.map((p) => p.name), ...files)) continue;
      // The same columns as message-writer.ts writes.
      await db.deleteFrom('mail_search').where('rowid', '=', r.rid).execute();
      await db
        .insertInto('mail_search')
        .values({
          rowid: r.rid,
          subject: toSearchText(r.subject),
          addresses: toSearchText(...people.flatMap((p) => [p.name, p.address])),
          body: toSearchText(body),
          attachments: toSearchText(...files),
        })
        .execute();
    }
  }
}

function groupBy<T extends { message_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.message_id);
    if (list) list.push(r);
    else out.set(r.message_id, [r]);
  }
  return out;
}
