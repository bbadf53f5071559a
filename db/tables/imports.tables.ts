import type { Generated } from 'kysely';

export const IMPORT_STATUSES = ['running', 'interrupted', 'cancelled', 'done', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One import of a mail archive (migration 0012): its source, its checkpoint, its counts. */
export interface ImportBatchesTable {
  id: string;
  kind: 'mail';
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

export interface ImportTables {
  import_batches: ImportBatchesTable;
  import_problems: ImportProblemsTable;
}
