import { parentPort } from 'node:worker_threads';
import { AppFailure } from '../../../../shared/contract/result.ts';
import { openContactFile } from '../contacts/contact-file.reader.ts';
import { seqRow, type RowsMessage, type RowsRequest } from './contact-rows.ts';

/**
 * The worker thread of contact-rows.ts: reads a sheet (decoding, CSV or xlsx parsing) and
 * normalises its rows (emails, phones through libphonenumber, countries), ~20–25 % of a contact
 * import's CPU, so that it runs on the second core while the main thread writes. Rows go back
 * in batches; at most `window` batches are unread at a time, so a slow writer holds only a
 * few batches, whatever the sheet's size.
 */

function post(message: RowsMessage): void {
  parentPort!.postMessage(message);
}

async function run(request: RowsRequest): Promise<void> {
  let credits = request.window;
  let wake: (() => void) | null = null;
  parentPort!.on('message', (message: 'more') => {
    if (message !== 'more') return;
    credits++;
    wake?.();
    wake = null;
  });
  const file = await openContactFile(request.path, request.open);
  const sheet = file.sheets[request.sheet];
  if (!sheet) throw new Error(`sheet ${request.sheet} is gone from ${request.path}`);
  let seq = 0;
  let batch: RowsMessage & { kind: 'rows' } = { kind: 'rows', rows: [] };
  for await (const row of file.rows(sheet.index)) {
    seq++;
    if (seq <= request.after) continue;
    batch.rows.push(seqRow(seq, row, sheet, request.targets));
    if (batch.rows.length < request.batchRows) continue;
    if (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post(batch);
    batch = { kind: 'rows', rows: [] };
  }
  if (batch.rows.length > 0) post(batch);
  post({ kind: 'done' });
}

parentPort?.once('message', (request: RowsRequest) => {
  run(request).catch((err: unknown) => {
    // An AppFailure (an unreadable file) keeps its code and i18n key across the thread.
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err), ...(err instanceof AppFailure ? { failure: err.error } : {}) });
  });
});
