import { CompiledQuery } from 'kysely';
import type { DbOrTx } from '../../../../db/database.ts';
import type { QuoteMessageLink } from '../../../../db/tables/quotes.tables.ts';

/**
 * The statements of quote-links.ts. Fixed texts through the executor, as message-insert.queries.ts
 * does: they run once per batch of every sync and import, and a prepared text is reused.
 */

const ANY_QUOTE = 'SELECT 1 AS one FROM quotes LIMIT 1';
// Through the expression indexes quotes_number_key and quotes_pi_number_key (migration 0015;
// exported for the test that checks the plan).
export const QUOTES_BY_KEY = `
  SELECT id, upper(number) AS key FROM quotes WHERE upper(number) IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
  UNION ALL
  SELECT id, upper(pi_number) AS key FROM quotes WHERE upper(pi_number) IN (SELECT value FROM json_each(?)) AND pi_number IS NOT NULL AND deleted_at IS NULL`;
const INSERT_LINK = 'INSERT OR IGNORE INTO quote_messages (quote_id, message_id, linked_by, created_at) VALUES (?, ?, ?, ?)';
const MESSAGES_MATCHING = `
  SELECT m.id, m.subject, b.text FROM mail_search s
  JOIN mail_messages m ON m.rid = s.rowid
  LEFT JOIN mail_bodies b ON b.message_id = m.id
  WHERE mail_search MATCH ? LIMIT ?`;

export async function anyQuoteExists(db: DbOrTx): Promise<boolean> {
  const { rows } = await db.executeQuery(CompiledQuery.raw(ANY_QUOTE, []));
  return rows.length > 0;
}

/** Live quotes whose number or PI number (upper-cased) is one of these keys. */
export async function quotesByKey(db: DbOrTx, keys: readonly string[]): Promise<Array<{ id: string; key: string }>> {
  if (keys.length === 0) return [];
  const { rows } = await db.executeQuery<{ id: string; key: string }>(CompiledQuery.raw(QUOTES_BY_KEY, [JSON.stringify(keys), JSON.stringify(keys)]));
  return rows;
}

export async function insertQuoteLink(db: DbOrTx, link: { quoteId: string; messageId: string; linkedBy: QuoteMessageLink }, now: number): Promise<number> {
  const result = await db.executeQuery(CompiledQuery.raw(INSERT_LINK, [link.quoteId, link.messageId, link.linkedBy, now]));
  return Number(result.numAffectedRows ?? 0);
}

/** Messages the full-text index finds for an FTS expression, with the text to check them against. */
export async function messagesMatching(db: DbOrTx, fts: string, limit: number): Promise<Array<{ id: string; subject: string | null; text: string | null }>> {
  const { rows } = await db.executeQuery<{ id: string; subject: string | null; text: string | null }>(CompiledQuery.raw(MESSAGES_MATCHING, [fts, limit]));
  return rows;
}
