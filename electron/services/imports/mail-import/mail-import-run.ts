import type { Db } from '../../../../db/database.ts';
import { specialUseByName } from '../../../../shared/domain/folder-roles.ts';
import type { SpecialUse } from '../../../../shared/domain/mail-enums.ts';
import { messageDate } from '../../../../shared/domain/mail-message.ts';
import type { Clock } from '../../core/clock.ts';
import type { FaultPoint } from '../../core/fault-point.ts';
import { newId } from '../../core/ids.ts';
import { withBulkWriteCache } from '../../platform/bulk-write.ts';
import { sha256Of } from '../../mail/store/attachment-store.ts';
import type { ParsedMessage } from '../../mail/store/mail-parse.ts';
import type { MailStores } from '../../mail/store/mail-stores.ts';
import type { MailParser } from '../../mail/store/parse-pool.ts';
import { insertMessages, storeContent, type FetchedMessage, type FolderContext } from '../../mail/store/message-writer.ts';
import type { MailSourceItem, MailSourceMessage, MailSourceProblem } from '../mail-sources/mail-source.types.ts';
import { openMailSource } from '../mail-sources/open-mail-source.ts';
import {
  accountFolders,
  advanceImportBatch,
  importBatch,
  insertArchiveFolder,
  insertImportProblems,
  storedByMessageId,
  storedRawShas,
  updateImportBatch,
  type ImportBatchRow,
} from './mail-import.queries.ts';

/**
 * One run of a mail import: reads the archive from the batch's checkpoint on, and commits the
 * messages 200 at a time (or 16 MB) in one transaction with the problems met and the checkpoint
 * that covers them, so a crash or a quit resumes exactly after the last committed item and
 * nothing is stored twice. Messages go through the same parse, content stores, threading,
 * filing and search index as synced mail (mail/store/).
 */

/** Messages per transaction: as the sync's backfill (imap-sync.ts). */
const BATCH_MESSAGES = 200;
const BATCH_BYTES = 16 * 1024 * 1024;

export interface MailImportEnv {
  db: Db;
  clock: Clock;
  stores: MailStores;
  /** Parses a batch while the previous one is written (parse-pool.ts). */
  parser: MailParser;
  faultPoint: (point: FaultPoint) => void;
  /** After each committed batch, with the batch row as committed. */
  committed(batch: ImportBatchRow): void;
}

const MAILDIR_FLAGS: Record<string, string> = { S: '\\Seen', R: '\\Answered', F: '\\Flagged', D: '\\Draft' };

/** An archive is history: its mail arrives read, with the Maildir's other flags kept. */
function flagsOf(item: MailSourceMessage): string[] {
  return [...new Set(['\\Seen', ...item.flags.map((f) => MAILDIR_FLAGS[f]).filter((f): f is string => f !== undefined)])];
}

/** The archive account's folders by path, made on first use, each with its role from its name. */
function folderDirectory(env: MailImportEnv, batch: ImportBatchRow, accountId: string, ownAddresses: ReadonlySet<string>) {
  let known: Map<string, FolderContext> | null = null;
  const context = (folderId: string, specialUse: SpecialUse | null): FolderContext => ({ folderId, specialUse, accountId, ownAddresses });
  return {
    async get(folder: readonly string[]): Promise<FolderContext> {
      known ??= new Map((await accountFolders(env.db, accountId)).map((f) => [f.path, context(f.id, f.special_use)]));
      const pathOf = folder.length > 0 ? folder.join('/') : batch.source_path;
      let found = known.get(pathOf);
      if (!found) {
        const name = folder.at(-1) ?? 'INBOX';
        found = context(newId(), specialUseByName(name));
        await insertArchiveFolder(env.db, { id: found.folderId, accountId, path: pathOf, name, specialUse: found.specialUse }, env.clock.now());
        known.set(pathOf, found);
      }
      return found;
    },
  };
}

interface Pending {
  messages: MailSourceMessage[];
  problems: MailSourceProblem[];
  bytes: number;
  last: MailSourceItem | null;
}

const emptyPending = (): Pending => ({ messages: [], problems: [], bytes: 0, last: null });

/**
 * Runs the import until the archive ends (status done) or `signal` aborts (the caller marks it
 * cancelled or interrupted). Throws on what stops the whole import, e.g. a full disk.
 */
export function runMailImport(env: MailImportEnv, batchId: string, signal: AbortSignal): Promise<void> {
  return withBulkWriteCache(env.db, () => importFromCheckpoint(env, batchId, signal));
}

async function importFromCheckpoint(env: MailImportEnv, batchId: string, signal: AbortSignal): Promise<void> {
  const batch = await importBatch(env.db, batchId);
  if (!batch || !batch.account_id) throw new Error(`no import ${batchId} to run`);
  const ownAddresses = new Set(JSON.parse(batch.own_addresses) as string[]);
  const folders = folderDirectory(env, batch, batch.account_id, ownAddresses);
  const source = await openMailSource(batch.source_path, batch.checkpoint ? { resumeAfter: JSON.parse(batch.checkpoint) } : {});
  // The total for the progress bar, measured beside the reading.
  void source.measure().then(
    ({ bytes }) => updateImportBatch(env.db, batchId, { bytes_total: bytes }),
    () => {},
  );
  let committedRuns = 0;
  let pending = emptyPending();
  // The batch being parsed on the worker while the one before it is written here.
  let parsing: { pending: Pending; parsed: Promise<ParsedMessage[]> } | null = null;
  const write = async (batch: { pending: Pending; parsed: Promise<ParsedMessage[]> }) => {
    committedRuns++;
    await commitPending(env, batchId, batch.pending, await batch.parsed, folders, committedRuns);
    const row = await importBatch(env.db, batchId);
    if (row) env.committed(row);
  };
  const handOver = async () => {
    if (!pending.last) return;
    const next = { pending, parsed: env.parser.parse(pending.messages.map((m) => m.raw)) };
    // Awaited in write(); a failure while the previous batch is written is not unhandled.
    next.parsed.catch(() => {});
    pending = emptyPending();
    const previous = parsing;
    parsing = next;
    if (previous) await write(previous);
  };
  try {
    for await (const item of source.items()) {
      if (item.kind === 'message') {
        pending.messages.push(item);
        pending.bytes += item.raw.length;
      } else {
        pending.problems.push(item);
      }
      pending.last = item;
      if (pending.messages.length >= BATCH_MESSAGES || pending.bytes >= BATCH_BYTES) {
        await handOver();
        // Stopping: the batch handed over is dropped unwritten; the checkpoint is before it.
        if (signal.aborted) return;
      }
    }
    await handOver();
    if (parsing) await write(parsing);
  } finally {
    parsing = null;
  }
}

/** What makes two stored copies the same mail when their bytes differ (another export of it). */
const copyKey = (messageId: string, dateAt: number, from: string | null) => `${messageId}\u0000${dateAt}\u0000${from ?? ''}`;

async function commitPending(
  env: MailImportEnv,
  batchId: string,
  pending: Pending,
  parsedMessages: readonly ParsedMessage[],
  folders: ReturnType<typeof folderDirectory>,
  run: number,
): Promise<void> {
  const { db, clock, stores } = env;
  const parsed = pending.messages.map((item, i) => ({
    item,
    fetched: { uid: null, raw: item.raw, parsed: parsedMessages[i]!, receivedAt: null, flags: flagsOf(item) } satisfies FetchedMessage,
    sha: sha256Of(item.raw),
  }));
  const storedRaw = await storedRawShas(db, parsed.map((p) => p.sha));
  const ids = [...new Set(parsed.map((p) => p.fetched.parsed.messageId).filter((m): m is string => m !== null))];
  const storedCopies = new Set((await storedByMessageId(db, ids)).map((r) => copyKey(r.messageId, r.dateAt, r.fromAddress)));
  const seenRaw = new Set<string>();
  const fresh: typeof parsed = [];
  for (const p of parsed) {
    const m = p.fetched.parsed;
    const key = m.messageId ? copyKey(m.messageId, messageDate(m.headerDate, null), m.from?.address ?? null) : null;
    if (storedRaw.has(p.sha) || seenRaw.has(p.sha) || (key !== null && storedCopies.has(key))) continue;
    seenRaw.add(p.sha);
    if (key !== null) storedCopies.add(key);
    fresh.push(p);
  }
  const prepared = storeContent(stores, fresh.map((p) => p.fetched));
  env.faultPoint(`import:content-stored:${run}`);
  const byFolder = new Map<FolderContext, typeof prepared>();
  for (const [i, p] of fresh.entries()) {
    const ctx = await folders.get(p.item.folder);
    const list = byFolder.get(ctx);
    if (list) list.push(prepared[i]!);
    else byFolder.set(ctx, [prepared[i]!]);
  }
  const last = pending.last!;
  await db.transaction().execute(async (trx) => {
    for (const [ctx, items] of byFolder) await insertMessages(trx, ctx, items, clock.now());
    await insertImportProblems(
      trx,
      batchId,
      pending.problems.map((p) => ({
        code: p.code,
        params: JSON.stringify(p.params),
        label: JSON.stringify(p.label),
        folder: JSON.stringify(p.folder),
      })),
    );
    await advanceImportBatch(
      trx,
      {
        id: batchId,
        checkpoint: JSON.stringify(last.position),
        items: pending.messages.length + pending.problems.length,
        bytesDone: last.progress.bytesDone,
        imported: fresh.length,
        duplicates: pending.messages.length - fresh.length,
        problems: pending.problems.length,
      },
      clock.now(),
    );
  });
  env.faultPoint(`import:committed:${run}`);
}
