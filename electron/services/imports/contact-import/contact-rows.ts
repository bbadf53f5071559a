import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppFailure, type AppError } from '../../../../shared/contract/result.ts';
import { openContactFile } from '../contacts/contact-file.reader.ts';
import { normaliseContactRow, type NormalisedRow } from '../contacts/contact-row.ts';
import type { OpenContactFileOptions, SheetInfo, SheetRow } from '../contacts/contact-sheet.types.ts';
import type { ColumnTarget } from '../contacts/header-mapping.ts';
import { matchKeys, type MatchKeys } from './contact-matching.ts';

/**
 * A contact import's rows, read and normalised on a worker thread while the main thread writes
 * the chunk before (issue 12, 7c): reading, decoding and normalising a 100,000-row GBK sheet is
 * ~4 s of CPU, a fifth of the import, which the second core can take. Where the worker's file
 * is not there (the CLI's bundle ships none) or the thread fails, the rows are read in this
 * thread from where the worker stopped, as before.
 */

export interface SeqRow {
  /** The row's place among the sheet's data rows, from 1: the import's checkpoint. */
  seq: number;
  row: NormalisedRow;
  /** What the row is matched by (normalised emails, domains and company names), made beside the row. */
  keys: MatchKeys;
}

/** A sheet row normalised, with its match keys: the work per row that needs no database. */
export function seqRow(seq: number, row: SheetRow, sheet: SheetInfo, targets: readonly ColumnTarget[]): SeqRow {
  const normalised = normaliseContactRow(row, sheet, targets);
  return { seq, row: normalised, keys: matchKeys(normalised.contact) };
}

export interface RowsRequest {
  path: string;
  open: Pick<OpenContactFileOptions, 'encoding' | 'delimiter'>;
  sheet: number;
  targets: readonly ColumnTarget[];
  /** The rows up to this seq are done (the checkpoint): not sent. */
  after: number;
  batchRows: number;
  /** How many batches may be sent and not yet taken. */
  window: number;
}

export type RowsMessage = { kind: 'rows'; rows: SeqRow[] } | { kind: 'done' } | { kind: 'error'; message: string; failure?: AppError };

/** The sources' worker, or the bundle's beside the Electron main bundle (electron/vite.electron.config.ts). */
const WORKER_CANDIDATES = [new URL('./contact-rows-worker.ts', import.meta.url), new URL('./contact-rows-worker.cjs', import.meta.url)];
const WORKER_FILE = WORKER_CANDIDATES.find((url) => url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) ?? null;

/** Whether contactRows reads on a worker thread in this build (for tests and benchmarks). */
export const CONTACT_ROWS_THREADED = WORKER_FILE !== null;

const BATCH_ROWS = 250;
const WINDOW = 8;

/** As the mail parser's worker (parse-pool.ts): a busy isolate's young generation otherwise grows to tens of MB. */
const YOUNG_GENERATION_MB = 8;

type Source = Omit<RowsRequest, 'batchRows' | 'window'>;

/** The rows after `source.after`, normalised in this thread. */
async function* inThreadRows(source: Source): AsyncGenerator<SeqRow[]> {
  const file = await openContactFile(source.path, source.open);
  const sheet = file.sheets[source.sheet];
  if (!sheet) throw new Error(`sheet ${source.sheet} is gone from ${source.path}`);
  let seq = 0;
  let batch: SeqRow[] = [];
  for await (const row of file.rows(sheet.index)) {
    seq++;
    if (seq <= source.after) continue;
    batch.push(seqRow(seq, row, sheet, source.targets));
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The worker's messages as a queue the generator below waits on. */
function startWorker(file: URL, source: Source) {
  const queue: Array<RowsMessage | { kind: 'failed'; error: Error }> = [];
  let wake: (() => void) | null = null;
  const push = (m: (typeof queue)[number]) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  const worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  worker.on('message', push);
  worker.on('error', (error) => push({ kind: 'failed', error }));
  worker.on('exit', (code) => push({ kind: 'failed', error: new Error(`the contact rows worker stopped (exit code ${code})`) }));
  worker.postMessage({ ...source, batchRows: BATCH_ROWS, window: WINDOW } satisfies RowsRequest);
  return {
    worker,
    async next() {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return queue.shift()!;
    },
  };
}

/**
 * The sheet's normalised rows after `source.after`, in batches. Stopping the iteration (a
 * cancelled or failed import) stops the worker.
 */
export async function* contactRows(source: Source): AsyncGenerator<SeqRow[]> {
  if (WORKER_FILE === null) return yield* inThreadRows(source);
  const { worker, next } = startWorker(WORKER_FILE, source);
  let last = source.after;
  try {
    for (;;) {
      const message = await next();
      if (message.kind === 'rows') {
        last = message.rows.at(-1)?.seq ?? last;
        worker.postMessage('more');
        yield message.rows;
      } else if (message.kind === 'done') return;
      else if (message.kind === 'error') throw message.failure ? new AppFailure(message.failure) : new Error(message.message);
      // The thread itself failed (it could not start, or ran out of memory): the rest in this thread.
      else return yield* inThreadRows({ ...source, after: last });
    }
  } finally {
    worker.removeAllListeners('exit');
    void worker.terminate();
  }
}
