import { z } from 'zod';
import { EpochMs, Id, Page, requiredText } from './primitives.ts';

/**
 * Imports (issue 12): mail archives for now — mbox, Maildir, folders of .eml, Outlook .msg and
 * .pst. An import runs in the background of the process that owns the data folder; its progress
 * comes as `imports.progress` events, its history and report through these calls.
 */

export const IMPORT_STATUSES = ['running', 'interrupted', 'cancelled', 'done', 'failed', 'undone'] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);

/** An i18n key and its parameters: the UI and the CLI render it in the user's language. */
export const ImportText = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const ImportBatch = z.object({
  id: Id,
  kind: z.literal('mail'),
  sourcePath: z.string(),
  /** mbox, maildir, eml, msg, pst, folder or unknown. */
  sourceKind: z.string(),
  ownerId: Id.nullable(),
  /** The archive account the mail went into; null once undone. */
  accountId: Id.nullable(),
  status: ImportStatus,
  itemsDone: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number().nullable(),
  imported: z.number(),
  duplicates: z.number(),
  problems: z.number(),
  /** Why the import stopped, when it failed. */
  error: ImportText.nullable(),
  startedAt: EpochMs,
  updatedAt: EpochMs,
  finishedAt: EpochMs.nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ImportProblem = z.object({
  seq: z.number(),
  /** `mailSources.problems.<code>` or `imports.problems.<code>`. */
  reason: ImportText,
  /** Names the record: `mailSources.labels.*`. */
  label: ImportText,
  folder: z.array(z.string()),
});

const Email = z.string().trim().toLowerCase().email().max(320);

export const importCalls = {
  /**
   * Starts importing the archive at `path` into an archive account of its own. The same path
   * with an import that did not finish (interrupted by a quit or a crash, or cancelled) resumes
   * that import from its checkpoint instead. `ownAddresses`: whose mail it is (with the owner's
   * address), so their messages count as sent.
   */
  'imports.startMail': {
    input: z.object({ path: requiredText(4000), ownerId: Id.nullable(), ownAddresses: z.array(Email).max(20).default([]) }),
    output: ImportBatch,
  },
  /** The history of imports, newest first. */
  'imports.list': { input: z.object({}).default({}), output: z.array(ImportBatch) },
  /** The items an import skipped, with their reasons (the report). */
  'imports.problems': { input: Page.extend({ id: Id }), output: z.object({ total: z.number(), rows: z.array(ImportProblem) }) },
  /** Stops a running import after its current batch; resume continues from there. */
  'imports.cancel': { input: z.object({ id: Id }), output: ImportBatch },
  'imports.resume': { input: z.object({ id: Id }), output: ImportBatch },
  /** Removes everything the import added (its archive account with its folders and mail). */
  'imports.undo': { input: z.object({ id: Id }), output: ImportBatch },
} as const;

export const importEvents = {
  /** One per committed batch and when the import ends. */
  'imports.progress': ImportBatch.extend({ ratePerSecond: z.number(), etaSeconds: z.number().nullable() }),
} as const;

export const IMPORT_DATA_ENTITIES = ['imports'] as const;
