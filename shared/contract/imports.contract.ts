import { z } from 'zod';
import { CONTACT_IMPORT_FIELDS, CSV_DELIMITER_CHOICES, TEXT_ENCODING_CHOICES } from '../domain/contact-import-choices.ts';
import { EpochMs, Id, Page, requiredText } from './primitives.ts';

export { CONTACT_IMPORT_FIELDS };

/**
 * Imports (issue 12): mail archives — mbox, Maildir, folders of .eml, Outlook .msg and .pst — and
 * contact sheets — .xlsx, .csv, vCard. A mail import runs in the background of the process that
 * owns the data folder; a contact import runs within its call. Progress of either comes as
 * `imports.progress` events, the history and each report through these calls.
 */

export const IMPORT_STATUSES = ['running', 'interrupted', 'cancelled', 'done', 'failed', 'undone'] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);

/** An i18n key and its parameters: the UI and the CLI render it in the user's language. */
export const ImportText = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const ImportKind = z.enum(['mail', 'contacts']);

/** What a contact import did, by row; null for mail imports. */
export const ContactImportCounts = z.object({
  customersCreated: z.number(),
  contactsCreated: z.number(),
  /** Rows merged into a customer or contact that was there (adding what it lacked). */
  rowsMerged: z.number(),
  /** Rows left out: by the user's choice, or because they cannot be imported (e.g. no name at all). */
  rowsSkipped: z.number(),
});

export const ImportBatch = z.object({
  id: Id,
  kind: ImportKind,
  sourcePath: z.string(),
  /** Mail: mbox, maildir, eml, msg, pst, folder or unknown. Contacts: xlsx, csv or vcard. */
  sourceKind: z.string(),
  ownerId: Id.nullable(),
  /** The archive account the mail went into; null once undone, and for contact imports. */
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
  contacts: ContactImportCounts.nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ImportProblem = z.object({
  seq: z.number(),
  /** `mailSources.problems.<code>` (mail) or `contactImport.problems.<code>` (contacts, params naming sheet, row, column). */
  reason: ImportText,
  /** Names the record: `mailSources.label.*`, or `contactImport.batch.rowLabel` for a sheet's row. */
  label: ImportText,
  folder: z.array(z.string()),
});

const Email = z.string().trim().toLowerCase().email().max(320);

/* ---------- contact sheets ---------- */

export const ContactImportField = z.enum(CONTACT_IMPORT_FIELDS);

/**
 * Where a column goes: a field; a custom field with this label — the live custom field whose label
 * is the same ignoring case and character width (customFieldLabelKey), else one made for it of
 * type text when the import meets its first value (undo removes it again when no customer holds
 * a value of it); a merge fills only custom fields the customer has no value for, and a value
 * the field does not take or that differs from the customer's stays in its notes as
 * "label: value" — or nowhere.
 */
export const ColumnTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: ContactImportField }),
  z.object({ kind: z.literal('custom'), label: requiredText(60) }),
  z.object({ kind: z.literal('skip') }),
]);
export type ColumnTarget = z.infer<typeof ColumnTarget>;

export const TextEncodingChoice = z.enum(TEXT_ENCODING_CHOICES);
export const CsvDelimiterChoice = z.enum(CSV_DELIMITER_CHOICES);

/** A problem of a file, a sheet or a row: `message` is `contactImport.problems.<code>`, params name sheet, row, column, header. */
export const ContactProblem = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const ContactRowAction = z.enum(['merge', 'create', 'skip']);
export type ContactRowAction = z.infer<typeof ContactRowAction>;

/** A row as the app's customer and contact (ParsedContact in electron/services/imports/contacts/contact-row.ts). */
export const ParsedContactRow = z.object({
  company: z.object({
    name: z.string().nullable(),
    localName: z.string().nullable(),
    country: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
    grade: z.enum(['A', 'B', 'C', 'D']).nullable(),
    stage: z.string().nullable(),
    source: z.string().nullable(),
    notes: z.string().nullable(),
    tags: z.array(z.string()),
    ownerName: z.string().nullable(),
  }),
  contact: z.object({
    name: z.string().nullable(),
    title: z.string().nullable(),
    notes: z.string().nullable(),
    channels: z.array(z.object({ kind: z.string(), value: z.string() })),
  }),
  customFields: z.array(z.object({ label: z.string(), value: z.string() })),
  unresolved: z.array(z.object({ column: z.string(), header: z.string(), value: z.string() })),
});

/** An existing customer (and contact) a row matches: by a contact's email, the company's domain, or its normalised name. */
export const ContactMatch = z.object({
  by: z.enum(['email', 'domain', 'name']),
  /** The email, domain or normalised name that matched. */
  value: z.string(),
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
});

export const ContactPreviewRow = z.object({
  rowNumber: z.number(),
  cells: z.array(z.string()),
  contact: ParsedContactRow,
  problems: z.array(ContactProblem),
  match: ContactMatch.nullable(),
  /** merge when it matches, create when not, skip when it cannot be imported (a problem of severity error). */
  action: ContactRowAction,
});

export const ContactPreviewSheet = z.object({
  index: z.number(),
  name: z.string(),
  rowUnit: z.enum(['row', 'card']),
  headerRowNumber: z.number(),
  headers: z.array(z.object({ index: z.number(), letter: z.string(), text: z.string() })),
  /** Per column: the mapping given, else a saved one for these headers, else what the headers say. */
  mapping: z.array(
    z.object({
      column: z.number(),
      letter: z.string(),
      header: z.string(),
      target: ColumnTarget,
      confidence: z.number(),
      basis: z.enum(['given', 'saved', 'exact', 'partial', 'none']),
    }),
  ),
  /** The name of the saved mapping used, if one was. */
  savedMapping: z.string().nullable(),
  problems: z.array(ContactProblem),
  /** The first rows (up to 50). */
  rows: z.array(ContactPreviewRow),
});

export const ContactPreview = z.object({
  path: z.string(),
  format: z.enum(['xlsx', 'csv', 'vcard']),
  encoding: TextEncodingChoice.nullable(),
  delimiter: CsvDelimiterChoice.nullable(),
  sheets: z.array(ContactPreviewSheet),
});
export type ContactPreview = z.infer<typeof ContactPreview>;

export const SavedContactMapping = z.object({ name: z.string(), headers: z.array(z.string()), updatedAt: EpochMs });

const SheetIndex = z.number().int().min(0).max(1000);
const RowDecision = z.object({ rowNumber: z.number().int().min(0), action: ContactRowAction });

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
  /**
   * Reads a contact sheet without writing anything: its sheets, each with its headers, the
   * column mapping (`mapping` given for `sheet`, else a saved one, else suggested), and its
   * first rows with their problems, their match among existing customers and the action proposed.
   */
  'imports.previewContacts': {
    input: z.object({
      path: requiredText(4000),
      sheet: SheetIndex.optional(),
      mapping: z.array(ColumnTarget).max(500).optional(),
      /** Map every sheet by the mapping saved under this name (imports.contactMappings), not the one saved for its headers. */
      savedMapping: requiredText(100).optional(),
      encoding: TextEncodingChoice.optional(),
      delimiter: CsvDelimiterChoice.optional(),
      /** How many rows per sheet, at most 200. */
      rows: z.number().int().min(0).max(200).default(50),
    }),
    output: ContactPreview,
  },
  /**
   * Imports a sheet as one batch (undone as one by imports.undo): each row merged into the
   * customer it matches, created, or skipped — as proposed, or as `decisions` say for a row.
   * Streamed over the whole file; returns when done, with `imports.progress` between.
   * `rememberMappingAs` saves the mapping under that name for sheets with these headers.
   */
  'imports.applyContacts': {
    input: z.object({
      path: requiredText(4000),
      sheet: SheetIndex.default(0),
      mapping: z.array(ColumnTarget).max(500),
      defaultOwnerId: Id.nullable(),
      // Overrides of rows the user saw in a preview (at most 200 rows a sheet); kept in a map, never
      // bound to SQL, and capped below SQLite's bind limit like every list a call takes.
      decisions: z.array(RowDecision).max(10_000).default([]),
      rememberMappingAs: requiredText(100).optional(),
      encoding: TextEncodingChoice.optional(),
      delimiter: CsvDelimiterChoice.optional(),
    }),
    output: ImportBatch,
  },
  /** The column mappings saved, newest first. */
  'imports.contactMappings': { input: z.object({}).default({}), output: z.array(SavedContactMapping) },
  /** The history of imports, newest first. */
  'imports.list': { input: z.object({}).default({}), output: z.array(ImportBatch) },
  /** The items an import skipped, with their reasons (the report). */
  'imports.problems': { input: Page.extend({ id: Id }), output: z.object({ total: z.number(), rows: z.array(ImportProblem) }) },
  /** Stops a running import after its current batch; resume continues from there. */
  'imports.cancel': { input: z.object({ id: Id }), output: ImportBatch },
  'imports.resume': { input: z.object({ id: Id }), output: ImportBatch },
  /**
   * Removes everything the import added: a mail import's archive account with its folders and
   * mail; a contact import's customers, contacts and channels, and what it added to customers
   * that were there (their fields filled go back to what they were, unless edited since).
   */
  'imports.undo': { input: z.object({ id: Id }), output: ImportBatch },
} as const;

export const importEvents = {
  /** One per committed batch and when the import ends. */
  'imports.progress': ImportBatch.extend({ ratePerSecond: z.number(), etaSeconds: z.number().nullable() }),
} as const;

export const IMPORT_DATA_ENTITIES = ['imports'] as const;
