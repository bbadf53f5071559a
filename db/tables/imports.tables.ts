import type { Generated } from 'kysely';

export const IMPORT_STATUSES = ['running', 'interrupted', 'cancelled', 'done', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_KINDS = ['mail', 'contacts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One import of a mail archive (migration 0012) or a contact sheet (0014): its source, its checkpoint, its counts. */
export interface ImportBatchesTable {
  id: string;
  kind: ImportKind;
  /** The absolute path the user gave. */
  source_path: string;
  /** What the path was recognised as (mail-sources MailSourceKind). */
  source_kind: string;
  owner_id: string | null;
  /** The archive account holding this import's mail; null once undone. */
  account_id: string | null;
  /** JSON string[]: the addresses whose mail this is (they make a message outbound). */
  own_addresses: Generated<string>;
  /** `running` in a process that died reads as interrupted (imports.service.ts). */
  status: ImportStatus;
  /** The process running it while `running`. */
  runner_pid: number | null;
  /** JSON MailSourcePosition of the last item committed; null before the first batch. */
  checkpoint: string | null;
  items_done: Generated<number>;
  bytes_done: Generated<number>;
  bytes_total: number | null;
  imported: Generated<number>;
  duplicates: Generated<number>;
  problems: Generated<number>;
  error: string | null;
  started_at: number;
  updated_at: number;
  finished_at: number | null;
  /** Contacts: JSON ContactImportOptions (sheet, mapping, decisions, encoding, delimiter). */
  options: string | null;
  customers_created: Generated<number>;
  contacts_created: Generated<number>;
  rows_merged: Generated<number>;
  rows_skipped: Generated<number>;
}

/** An item an import skipped, with the reason as an i18n key and parameters (JSON). */
export interface ImportProblemsTable {
  batch_id: string;
  seq: number;
  code: string;
  params: string;
  /** JSON MailSourceText naming the record. */
  label: string;
  /** JSON string[]: the archive folder. */
  folder: string;
}

/** What one row of a contact import did (migration 0014): undo removes exactly this. */
export interface ImportContactRowsTable {
  batch_id: string;
  /** The row's place among the sheet's data rows, from 1; the batch's checkpoint counts these. */
  seq: number;
  /** As the user sees it (Excel's row number, a vCard's card number). */
  row_number: number;
  action: 'created' | 'merged' | 'skipped';
  customer_id: string | null;
  contact_id: string | null;
  created_customer: 0 | 1;
  created_contact: 0 | 1;
  /** JSON ContactRowAdditions: channels, contacts and tags added, fields filled with their values before. */
  added: string | null;
}

/** A column mapping the user confirmed, by name and by the headers it was made for. */
export interface ContactImportMappingsTable {
  name: string;
  /** The sheet's normalised headers joined by '|' (contact-mappings.ts, headerSetKey). */
  header_set: string;
  /** JSON SavedHeaderMapping. */
  mapping: string;
  updated_at: number;
}

export interface ImportTables {
  import_batches: ImportBatchesTable;
  import_problems: ImportProblemsTable;
  import_contact_rows: ImportContactRowsTable;
  contact_import_mappings: ContactImportMappingsTable;
}
