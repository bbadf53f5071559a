import type { Db, DbOrTx } from '../../../../db/database.ts';
import { automatedKindOf, type AutomatedKind, type HeaderLine } from '../../../../shared/domain/automated-mail.ts';
import type { RawMessageStore } from './raw-message-store.ts';
import {
  AUTOMATED_BACKFILL_KEY,
  backfillProgressValue,
  finishBackfill,
  markAutomated,
  setBackfillBelow,
  unjudgedMessagesBelow,
} from './automated-backfill.queries.ts';


/**
 * Marks the newsletters, list and machine mail among messages stored before migration 0006
 * (mail_messages.automated), so that they leave New leads. The migration could judge only the
 * From address; the List-* / Precedence / Auto-Submitted headers are in the raw files of the
 * content store, read here in the background, newest mail first (what New leads shows), a
 * batch per short transaction.
 *
 * Progress is the settings row AUTOMATED_BACKFILL_KEY, written by the migration: every message
 * with a rid below its value is still to be read. Each batch lowers it in the same transaction
 * as its marks, so a quit or a crash resumes where it stopped; the row is deleted when done.
 */
export { AUTOMATED_BACKFILL_KEY };

/** The headers sit at the start of a message; a header block longer than this is cut here. */
const HEADER_BYTES = 64 * 1024;
const BATCH = 200;

/** The top-level header lines of a raw message, folded lines joined to their field. */
export function headerLinesOf(raw: Buffer): HeaderLine[] {
  const text = raw.toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  const block = end ? text.slice(0, end.index) : text;
  const out: HeaderLine[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length > 0) {
      out[out.length - 1]!.line += `\r\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.push({ key: line.slice(0, colon).trim().toLowerCase(), line });
  }
  return out;
}

/** Where the backfill stands: the rid below which messages are still to be read, or null when done. */
async function pendingBelow(db: DbOrTx): Promise<number | null> {
  const value = await backfillProgressValue(db);
  if (value === null) return null;
  const below = Number(JSON.parse(value));
  return Number.isFinite(below) ? below : null;
}

/**
 * Reads one batch of older messages and marks the automated ones. Returns how many it marked,
 * or null when nothing is left to read. The headers are read before the write transaction, so
 * the sync's writes never wait for the disk.
 */
export async function backfillAutomatedBatch(db: Db, raw: RawMessageStore, now: number, batch = BATCH): Promise<number | null> {
  const below = await pendingBelow(db);
  if (below === null) return null;
  const rows = await unjudgedMessagesBelow(db, { below, limit: batch });
  const marks: Array<{ id: string; kind: AutomatedKind }> = [];
  for (const r of rows) {
    if (r.raw_sha256 === null) continue;
    const head = raw.readHead(r.raw_sha256, HEADER_BYTES);
    const kind = head ? automatedKindOf(headerLinesOf(head), r.from_address) : null;
    if (kind !== null) marks.push({ id: r.id, kind });
  }
  return db.transaction().execute(async (trx) => {
    for (const m of marks) await markAutomated(trx, m);
    if (rows.length < batch) await finishBackfill(trx);
    else await setBackfillBelow(trx, rows[rows.length - 1]!.rid, now);
    return marks.length;
  });
}

/**
 * Runs the backfill to its end, a batch at a time with a turn of the event loop between
 * batches so calls are answered meanwhile; stops early when `signal` aborts. Returns how many
 * messages it marked; `onMarked` is told after each batch that marked any.
 */
export async function backfillAutomated(
  db: Db,
  raw: RawMessageStore,
  options: { now: () => number; signal?: AbortSignal; onMarked?: () => void; batch?: number },
): Promise<number> {
  let total = 0;
  while (!options.signal?.aborted) {
    const marked = await backfillAutomatedBatch(db, raw, options.now(), options.batch);
    if (marked === null) break;
    total += marked;
    if (marked > 0) options.onMarked?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

/** Whether older mail is still to be read (for tests and the log). */
export async function automatedBackfillPending(db: DbOrTx): Promise<boolean> {
  return (await pendingBelow(db)) !== null;
}

