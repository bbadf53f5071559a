import type { DbOrTx } from '../../../../db/database.ts';
import { quoteNumberCandidates, quoteNumberKey } from '../../../../shared/domain/quote-number-mentions.ts';
import { toFtsQuery } from '../../../../shared/domain/search-text.ts';
import { anyQuoteExists, insertQuoteLink, messagesMatching, quotesByKey } from './quote-links.queries.ts';

/**
 * Mail that names a quote is linked to it (issue 13 point 6): a buyer writes "RE: Q2026-0042"
 * or "PI-2026/15 payment", and the quote shows that mail. Links made here are `linked_by
 * 'number'`; links the user makes are 'user'. A link the user removes stays removed: messages are
 * only looked at when they are stored, or when a quote gets a number mail may already name.
 */

/** Only this much of a body is searched for numbers: the part a person wrote is near the top. */
const SCANNED_BODY = 16 * 1024;
/** Messages checked for a number when a quote gets one (a PI number typed in late). */
const BACKFILL_LIMIT = 2_000;

export interface MessageText {
  id: string;
  subject: string | null;
  text: string | null;
}

function candidatesOf(message: MessageText): string[] {
  return quoteNumberCandidates([message.subject, message.text?.slice(0, SCANNED_BODY) ?? null]);
}

/**
 * Links new messages to the quotes whose number or PI number they name, inside the caller's
 * transaction (the store's, so a message and its links are written together). Costs one query
 * per batch while no quote exists. Returns the links added.
 */
export async function linkQuotesNamedIn(db: DbOrTx, messages: readonly MessageText[], now: number): Promise<number> {
  if (messages.length === 0 || !(await anyQuoteExists(db))) return 0;
  const byMessage = messages.map((m) => ({ id: m.id, keys: candidatesOf(m) }));
  const keys = [...new Set(byMessage.flatMap((m) => m.keys))];
  const quotesOfKey = new Map<string, string[]>();
  for (const { id, key } of await quotesByKey(db, keys)) quotesOfKey.set(key, [...(quotesOfKey.get(key) ?? []), id]);
  if (quotesOfKey.size === 0) return 0;
  let added = 0;
  for (const message of byMessage) {
    const quoteIds = new Set(message.keys.flatMap((key) => quotesOfKey.get(key) ?? []));
    for (const quoteId of quoteIds) added += await insertQuoteLink(db, { quoteId, messageId: message.id, linkedBy: 'number' }, now);
  }
  return added;
}

/**
 * Links mail already stored that names one of this quote's numbers (called when a quote gets a PI
 * number, or a number mail may have named before it was saved). The full-text index finds
 * messages with the number's words in a row; each is then checked for the number as one word, so
 * "Q2026-0042" does not link mail that says "Q2026-00421".
 */
export async function linkMailNaming(db: DbOrTx, quote: { id: string; numbers: ReadonlyArray<string | null> }, now: number): Promise<number> {
  let added = 0;
  for (const number of quote.numbers) {
    if (!number) continue;
    const key = quoteNumberKey(number);
    const fts = toFtsQuery(number.replace(/[*"]/g, ' '));
    if (!fts) continue;
    // The phrase must match whole words: drop the prefix star toFtsQuery gives the last word.
    const exact = fts.replace(/\*$/, '');
    for (const message of await messagesMatching(db, exact, BACKFILL_LIMIT)) {
      if (!candidatesOf(message).includes(key)) continue;
      added += await insertQuoteLink(db, { quoteId: quote.id, messageId: message.id, linkedBy: 'number' }, now);
    }
  }
  return added;
}
