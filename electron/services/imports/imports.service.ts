import type { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import type { importCalls, ImportBatch } from '../../../shared/contract/imports.contract.ts';
import { AppFailure, fail } from '../../../shared/contract/result.ts';
import type { Clock } from '../core/clock.ts';
import type { Emit } from '../core/events.ts';
import type { FaultPoint } from '../core/fault-point.ts';
import { newId } from '../core/ids.ts';
import type { Logger } from '../core/logger.ts';
import { storageFailure } from '../core/storage-errors.ts';
import type { MailStores } from '../mail/store/mail-stores.ts';
import { workerParser, type MailParser } from '../mail/store/parse-pool.ts';
import { contactImportHandlers, contactProblemKey } from './contact-import/contact-import.service.ts';
import { undoContactBatch } from './contact-import/contact-undo.ts';
import { openMailSource } from './mail-sources/open-mail-source.ts';
import { runMailImport } from './mail-import/mail-import-run.ts';
import {
  deleteAccount,
  importBatch,
  importBatches,
  importProblems,
  insertArchiveAccount,
  insertImportBatch,
  markInterrupted,
  runningBatches,
  ownerEmail,
  unfinishedBatchOf,
  updateImportBatch,
  type ImportBatchRow,
} from './mail-import/mail-import.queries.ts';
import { processAlive } from '../platform/process-alive.ts';

type Calls = typeof importCalls;
export type ImportCallKey = keyof Calls;
export type ImportHandlers = { [K in ImportCallKey]: (input: z.output<Calls[K]['input']>) => Promise<z.output<Calls[K]['output']>> };

export interface ImportServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  emit: Emit;
  /** The mail service's content stores: imported mail is stored like synced mail. */
  stores: MailStores;
  faultPoint?: (point: FaultPoint) => void;
  /** The mail service's parse worker (parse-pool.ts); default: a worker of its own. */
  parser?: MailParser;
}

export function toImportBatch(row: ImportBatchRow): ImportBatch {
  return {
    id: row.id,
    kind: row.kind,
    sourcePath: row.source_path,
    sourceKind: row.source_kind,
    ownerId: row.owner_id,
    accountId: row.account_id,
    status: row.status,
    itemsDone: row.items_done,
    bytesDone: row.bytes_done,
    bytesTotal: row.bytes_total,
    imported: row.imported,
    duplicates: row.duplicates,
    problems: row.problems,
    error: row.error ? (JSON.parse(row.error) as ImportBatch['error']) : null,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    contacts:
      row.kind === 'contacts'
        ? { customersCreated: row.customers_created, contactsCreated: row.contacts_created, rowsMerged: row.rows_merged, rowsSkipped: row.rows_skipped }
        : null,
  };
}

/**
 * Imports of mail archives and contact sheets: start (or resume), cancel, undo, the history and each report. One
 * run per import at a time, in this process; an import left `running` by a process that died
 * reads as interrupted and resumes from its checkpoint when started again.
 */
export function createImportService(deps: ImportServiceDeps) {
  const { db, clock, log } = deps;
  const running = new Map<string, { controller: AbortController; done: Promise<void>; started: number; itemsAtStart: number; bytesAtStart: number }>();
  let cleaned: Promise<unknown> | null = null;
  // The mail service's worker when given (one parse thread per process); else one of its own, closed with this service.
  const ownParser = deps.parser ? null : workerParser((reason) => log.info('imports.parseInThread', { reason }));
  const parser = deps.parser ?? ownParser!;
  const changed = (kind: ImportBatchRow['kind'] = 'mail') =>
    deps.emit('data.changed', { entities: kind === 'mail' ? ['imports', 'mailAccounts', 'mailFolders', 'mailMessages', 'customers'] : ['imports', 'customers', 'contacts', 'tags', 'customFields', 'mailMessages'] });

  /**
   * Imports left `running` by a process that is gone (or by an earlier core of this one) are
   * interrupted; one another live process runs (the CLI beside the app) is left alone. Checked
   * once, before the first call that needs it.
   */
  const settleLeftovers = () =>
    (cleaned ??= runningBatches(db).then((rows) =>
      markInterrupted(
        db,
        rows.filter((r) => !running.has(r.id) && (r.runner_pid === null || r.runner_pid === process.pid || !processAlive(r.runner_pid))).map((r) => r.id),
        clock.now(),
      ),
    ));

  const batchOrFail = async (id: string) => {
    const row = await importBatch(db, id);
    if (!row) fail('notFound', 'imports.errors.notFound', { id });
    return row;
  };

  function progress(row: ImportBatchRow) {
    const run = running.get(row.id);
    const seconds = run ? (clock.now() - run.started) / 1000 : 0;
    const ratePerSecond = seconds > 0 ? (row.items_done - (run?.itemsAtStart ?? 0)) / seconds : 0;
    const bytesRate = seconds > 0 ? (row.bytes_done - (run?.bytesAtStart ?? 0)) / seconds : 0;
    const etaSeconds = row.bytes_total !== null && bytesRate > 0 ? Math.max(0, (row.bytes_total - row.bytes_done) / bytesRate) : null;
    deps.emit('imports.progress', { ...toImportBatch(row), ratePerSecond, etaSeconds });
  }

  /**
   * Runs an import's work in this process, tracked for cancel, close and the progress rate; the
   * batch ends done, cancelled, interrupted or failed (with its reason) whatever the work does.
   */
  function execute(row: ImportBatchRow, work: (signal: AbortSignal, committed: (batch: ImportBatchRow) => void) => Promise<void>): Promise<void> {
    const controller = new AbortController();
    const entry = { controller, done: Promise.resolve(), started: clock.now(), itemsAtStart: row.items_done, bytesAtStart: row.bytes_done };
    running.set(row.id, entry);
    entry.done = (async () => {
      let status: ImportBatchRow['status'] = 'done';
      let error: string | null = null;
      try {
        await work(controller.signal, (committed) => {
          progress(committed);
          changed(committed.kind);
        });
        if (controller.signal.aborted) status = controller.signal.reason === 'cancel' ? 'cancelled' : 'interrupted';
      } catch (err) {
        status = 'failed';
        const known = err instanceof AppFailure ? { key: err.error.message, params: err.error.params ?? {} } : null;
        const storage = storageFailure(err, undefined);
        error = JSON.stringify(
          known ?? (storage ? { key: storage.message, params: storage.params ?? {} } : { key: 'imports.errors.failed', params: { reason: err instanceof Error ? err.message : String(err) } }),
        );
        log.warn(`imports.${row.kind}.failed`, { id: row.id, error: err instanceof Error ? err.message : String(err) });
      }
      await updateImportBatch(db, row.id, { status, runner_pid: null, error, updated_at: clock.now(), finished_at: status === 'done' ? clock.now() : null }).catch(() => {});
      const final = await importBatch(db, row.id).catch(() => undefined);
      running.delete(row.id);
      if (final) progress(final);
      changed(row.kind);
    })();
    return entry.done;
  }

  function run(row: ImportBatchRow): void {
    void execute(row, (signal, committed) =>
      runMailImport({ db, clock, stores: deps.stores, parser, faultPoint: deps.faultPoint ?? (() => {}), committed }, row.id, signal),
    );
  }

  const contacts = contactImportHandlers({ db, clock, settle: () => settleLeftovers(), execute, toImportBatch, faultPoint: deps.faultPoint ?? (() => {}) });

  async function resume(row: ImportBatchRow): Promise<ImportBatch> {
    if (running.has(row.id)) return toImportBatch(row);
    if (!['interrupted', 'cancelled', 'running'].includes(row.status) || (row.kind === 'mail' && !row.account_id)) fail('conflict', 'imports.errors.notResumable', { status: row.status });
    if (row.kind === 'contacts') return contacts.resume(row);
    await updateImportBatch(db, row.id, { status: 'running', runner_pid: process.pid, error: null, updated_at: clock.now() });
    const fresh = await batchOrFail(row.id);
    run(fresh);
    return toImportBatch(fresh);
  }

  const handlers: ImportHandlers = {
    'imports.startMail': async ({ path: sourcePath, ownerId, ownAddresses }) => {
      await settleLeftovers();
      const source = await openMailSource(sourcePath);
      const unfinished = await unfinishedBatchOf(db, source.path, 'mail');
      if (unfinished) return resume(unfinished);
      if (source.kind === 'unknown') {
        // Read it anyway: the report names the file and why (unreadable, not a mail archive).
        const first = await source.items().next();
        const reason = first.value && first.value.kind === 'problem' ? first.value.code : 'sourceUnrecognised';
        fail('validation', `mailSources.problems.${reason}`, first.value && first.value.kind === 'problem' ? first.value.params : { file: sourcePath });
      }
      const owner = ownerId ? await ownerEmail(db, ownerId) : undefined;
      if (ownerId && !owner) fail('notFound', 'imports.errors.ownerNotFound', { id: ownerId });
      const addresses = [...new Set([...(owner?.email ? [owner.email.toLowerCase()] : []), ...ownAddresses])];
      const id = newId();
      const accountId = newId();
      const now = clock.now();
      const name = source.path.split(/[\\/]/).filter(Boolean).at(-1) ?? source.path;
      await db.transaction().execute(async (trx) => {
        await insertArchiveAccount(trx, { id: accountId, name, email: addresses[0] ?? `import-${id}@archive.invalid`, ownerId, aliases: addresses.slice(1) }, now);
        await insertImportBatch(
          trx,
          { id, kind: 'mail', source_path: source.path, source_kind: source.kind, owner_id: ownerId, account_id: accountId, own_addresses: JSON.stringify(addresses) },
          now,
        );
      });
      const row = await batchOrFail(id);
      run(row);
      changed();
      return toImportBatch(row);
    },
    ...contacts.handlers,
    'imports.list': async () => {
      await settleLeftovers();
      return (await importBatches(db, 200)).map(toImportBatch);
    },
    'imports.problems': async ({ id, offset, limit }) => {
      const batch = await batchOrFail(id);
      const page = await importProblems(db, { id, offset, limit });
      return {
        total: page.total,
        rows: page.rows.map((r) => ({
          seq: r.seq,
          reason: { key: batch.kind === 'contacts' ? contactProblemKey(r.code) : `mailSources.problems.${r.code}`, params: JSON.parse(r.params) as Record<string, string | number> },
          label: JSON.parse(r.label) as { key: string; params: Record<string, string | number> },
          folder: JSON.parse(r.folder) as string[],
        })),
      };
    },
    'imports.cancel': async ({ id }) => {
      const row = await batchOrFail(id);
      const r = running.get(id);
      if (!r) return toImportBatch(row);
      r.controller.abort('cancel');
      await r.done;
      return toImportBatch(await batchOrFail(id));
    },
    'imports.resume': async ({ id }) => {
      await settleLeftovers();
      return resume(await batchOrFail(id));
    },
    'imports.undo': async ({ id }) => {
      const r = running.get(id);
      if (r) {
        r.controller.abort('cancel');
        await r.done;
      }
      const row = await batchOrFail(id);
      if (row.status === 'undone') return toImportBatch(row);
      await db.transaction().execute(async (trx) => {
        if (row.kind === 'contacts') await undoContactBatch(trx, id, clock.now());
        if (row.account_id) await deleteAccount(trx, row.account_id);
        await updateImportBatch(trx, id, { status: 'undone', account_id: null, updated_at: clock.now() });
      });
      changed(row.kind);
      return toImportBatch(await batchOrFail(id));
    },
  };

  return {
    handlers,
    /** Resolves when no import runs (tests, the CLI waiting for its import). */
    async whenIdle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
    },
    /** Stops running imports after their current batch; they read as interrupted and resume later. */
    async close(): Promise<void> {
      for (const r of running.values()) r.controller.abort('close');
      await Promise.all([...running.values()].map((r) => r.done));
      await ownParser?.close();
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
