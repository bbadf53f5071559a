import { z } from 'zod';
import { LANGUAGES } from './app.contract.ts';
import { Id, requiredText } from './primitives.ts';

/**
 * Exports (issue 12 point 3): customers and contacts to .xlsx or .csv, a customer's or a
 * salesperson's mail to one mbox, and everything to a folder — the open-format copy of the
 * user's data. Each call returns when the files are written (each is written under a temporary
 * name in its folder and renamed at the end, so a failed export never leaves a half file under
 * the name asked for), with `exports.progress` events between.
 */

export const EXPORT_KINDS = ['customers', 'mail', 'everything'] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export const CustomerExportFormat = z.enum(['xlsx', 'csv']);
export type CustomerExportFormat = z.infer<typeof CustomerExportFormat>;

/** The language of column headers and of words such as a stage's name in the written sheet. */
const ExportLanguage = z.enum(LANGUAGES).default('en');
const TargetPath = requiredText(4000);
/** Without it an existing file of the name is kept and the call fails with exports.errors.exists (code conflict). */
const Overwrite = z.boolean().default(false);

export const ExportedFile = z.object({ path: z.string(), bytes: z.number() });

export const ExportResult = z.object({
  kind: ExportKind,
  /** The file written, or the folder for exports.everything. */
  path: z.string(),
  files: z.array(ExportedFile),
  customers: z.number(),
  contacts: z.number(),
  /** Notes, calls, meetings and visits (the export of everything: a sheet of their own). */
  activities: z.number(),
  messages: z.number(),
  attachments: z.number(),
  /**
   * Messages whose original source is not in the data folder (e.g. a sent mail whose copy was
   * never kept): written into the mbox as rebuilt from what the database holds.
   */
  rebuiltMessages: z.number(),
  ms: z.number(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ExportPhase = z.enum(['customers', 'contacts', 'activities', 'mail', 'attachments']);

export const exportCalls = {
  /**
   * Customers and their contacts. xlsx: two sheets, Customers and Contacts (a contact row names
   * its customer by code and name). csv: one file, one row per contact with its customer's
   * columns repeated (a customer without contacts has one row) — what a user opening a single
   * table in Excel expects, and the shape imports.applyContacts reads back. UTF-8 with BOM.
   * `ownerId`: only that salesperson's customers. The path must end in .xlsx or .csv as
   * `format` says.
   */
  'exports.customers': {
    input: z.object({ format: CustomerExportFormat, path: TargetPath, ownerId: Id.optional(), language: ExportLanguage, overwrite: Overwrite }),
    output: ExportResult,
  },
  /**
   * One customer's mail (filed under them) or one salesperson's (the mail of their accounts),
   * oldest first, as one mboxrd file (the path ends in .mbox); the same message kept in two
   * folders is written once. A scope without any mail fails with exports.errors.nothingToExport.
   */
  'exports.mail': {
    input: z
      .object({ path: TargetPath, customerId: Id.optional(), ownerId: Id.optional(), overwrite: Overwrite })
      .refine((v) => (v.customerId === undefined) !== (v.ownerId === undefined), { message: 'exports.errors.customerOrOwner', path: ['customerId'] }),
    output: ExportResult,
  },
  /**
   * A new folder inside `folder`: customers.xlsx (customers, contacts and activities; custom
   * fields as columns), mail/<account>.mbox (one per mail account) and
   * attachments/<account>/<year-month>/<file name>. Never replaces anything: a folder of the
   * same name gets " (2)", so it takes no `overwrite`.
   */
  'exports.everything': {
    input: z.object({ folder: TargetPath, language: ExportLanguage }),
    output: ExportResult,
  },
} as const;

export const exportEvents = {
  /** At most a few a second while an export runs, and when a phase ends. */
  'exports.progress': z.object({
    kind: ExportKind,
    path: z.string(),
    phase: ExportPhase,
    done: z.number(),
    /** null while unknown. */
    total: z.number().nullable(),
  }),
} as const;
