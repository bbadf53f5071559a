import type { z } from 'zod';
import type { Db } from '../../../../db/database.ts';
import type { CONTACT_IMPORT_FIELDS, ImportBatch, importCalls } from '../../../../shared/contract/imports.contract.ts';
import { fail } from '../../../../shared/contract/result.ts';
import type { Clock } from '../../core/clock.ts';
import type { FaultPoint } from '../../core/fault-point.ts';
import { newId } from '../../core/ids.ts';
import type { CONTACT_FIELDS } from '../contacts/contact-fields.ts';
import { openContactFile } from '../contacts/contact-file.reader.ts';
import { PROBLEM_CODES } from '../contacts/import-problems.ts';
import { importBatch, insertImportBatch, ownerEmail, updateImportBatch, type ImportBatchRow } from '../mail-import/mail-import.queries.ts';
import { savedMappings } from './contact-import.queries.ts';
import type { ContactImportOptions } from './contact-import.options.ts';
import { runContactImport } from './contact-import-run.ts';
import { storeMapping } from './contact-mappings.ts';
import { previewContacts } from './contact-preview.ts';

/** The contract's field list and the readers' are one list: each assignment fails to compile if they drift apart. */
type SameFields<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldsAgree: SameFields<(typeof CONTACT_IMPORT_FIELDS)[number], (typeof CONTACT_FIELDS)[number]> = true;
void fieldsAgree;

type Calls = typeof importCalls;
type ContactKeys = 'imports.previewContacts' | 'imports.applyContacts' | 'imports.contactMappings';
type ContactHandlers = { [K in ContactKeys]: (input: z.output<Calls[K]['input']>) => Promise<z.output<Calls[K]['output']>> };

const READER_CODES: ReadonlySet<string> = new Set(PROBLEM_CODES);

/** A contact batch's problem code as its i18n key: the readers' under contactImport.problems, the import's own under contactImport.batch. */
export function contactProblemKey(code: string): string {
  return READER_CODES.has(code) ? `contactImport.problems.${code}` : `contactImport.batch.${code}`;
}

export interface ContactImportDeps {
  db: Db;
  clock: Clock;
  /** Imports left running by a process that is gone read as interrupted first. */
  settle(): Promise<unknown>;
  /** imports.service.ts's tracked run: the batch ends done, cancelled, interrupted or failed. */
  execute(row: ImportBatchRow, work: (signal: AbortSignal, committed: (batch: ImportBatchRow) => void) => Promise<void>): Promise<void>;
  toImportBatch(row: ImportBatchRow): ImportBatch;
  faultPoint(point: FaultPoint): void;
}

/**
 * Contact sheets: the preview (nothing written), the import as one batch — run within the call,
 * with `imports.progress` after each committed chunk — and the saved column mappings. Undo,
 * cancel, the history and the report are the imports service's, for both kinds.
 */
export function contactImportHandlers(deps: ContactImportDeps) {
  const { db, clock } = deps;

  async function runToEnd(row: ImportBatchRow): Promise<ImportBatch> {
    await deps.execute(row, (signal, committed) => runContactImport({ db, clock, committed, faultPoint: deps.faultPoint }, row.id, signal));
    return deps.toImportBatch((await importBatch(db, row.id))!);
  }

  const handlers: ContactHandlers = {
    'imports.previewContacts': (input) => previewContacts(db, input),
    'imports.applyContacts': async (input) => {
      await deps.settle();
      const file = await openContactFile(input.path, { ...(input.encoding ? { encoding: input.encoding } : {}), ...(input.delimiter ? { delimiter: input.delimiter } : {}) });
      const sheet = file.sheets[input.sheet];
      if (!sheet) fail('validation', 'contactImport.batch.noSuchSheet', { sheet: input.sheet + 1, count: file.sheets.length });
      if (input.defaultOwnerId && !(await ownerEmail(db, input.defaultOwnerId))) fail('notFound', 'imports.errors.ownerNotFound', { id: input.defaultOwnerId });
      const mapping = sheet.headers.map((_, i) => input.mapping[i] ?? { kind: 'skip' as const });
      const now = clock.now();
      if (input.rememberMappingAs) await storeMapping(db, input.rememberMappingAs, sheet.headers, mapping, now);
      const options: ContactImportOptions = {
        sheet: sheet.index,
        mapping,
        decisions: input.decisions,
        ...(input.encoding ? { encoding: input.encoding } : {}),
        ...(input.delimiter ? { delimiter: input.delimiter } : {}),
      };
      const id = newId();
      await insertImportBatch(
        db,
        { id, kind: 'contacts', source_path: input.path, source_kind: file.format, owner_id: input.defaultOwnerId, account_id: null, options: JSON.stringify(options) },
        now,
      );
      return runToEnd((await importBatch(db, id))!);
    },
    'imports.contactMappings': async () =>
      (await savedMappings(db)).map((m) => ({ name: m.name, headers: m.header_set.split('|'), updatedAt: m.updated_at })),
  };

  return {
    handlers,
    /** Continues an interrupted or cancelled contact batch after its last committed row. */
    resume: async (row: ImportBatchRow): Promise<ImportBatch> => {
      await updateImportBatch(db, row.id, { status: 'running', runner_pid: process.pid, error: null, updated_at: clock.now() });
      return runToEnd((await importBatch(db, row.id))!);
    },
  };
}
