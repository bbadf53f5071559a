import type { MailFoldersTable } from '../../../../db/tables/mail.tables.ts';
import type { SpecialUse } from '../../../../shared/domain/mail-enums.ts';

/** What a sync pass is asked to do and what it reports: shared by imap-sync.ts and its steps. */

export type SyncPhase = 'connect' | 'folders' | 'new' | 'backfill' | 'flags' | 'deletions' | 'verify' | 'done';

export interface SyncProgress {
  accountId: string;
  folderPath: string | null;
  phase: SyncPhase;
  /** Messages handled in this phase so far, and how many there are. */
  done: number;
  total: number;
}

export interface SyncOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Overrides the account's window for this pass; null = all mail (the background catch-up). */
  windowDays?: number | null;
  /** Only these folder paths. */
  folders?: readonly string[];
  /**
   * After every folder has its mail from the window, go on with the older mail in the same
   * connection (the "last 12 months first, the rest in the background" of the first sync).
   */
  olderInBackground?: boolean;
  /**
   * After each batch of messages is committed: open screens show new mail while a long sync
   * (a first sync, the background catch-up of older mail) goes on, not only when it ends.
   */
  onCommitted?: () => void;
  /**
   * Every folder has its mail from the window; what follows is the older mail. The scheduler
   * opens its IDLE watcher here rather than when the whole catch-up ends, minutes later.
   */
  onWindowDone?: (folders: readonly FolderReport[]) => void;
  /**
   * True when a more urgent pass waits (new mail in the Inbox, read / star changes to send).
   * Checked between backfill batches and between folders: the pass then stops where its
   * checkpoints stand and says so (`SyncReport.yielded`), and the caller resumes it after.
   */
  shouldYield?: () => boolean;
  /**
   * False: fetch only the mail above each folder's complete range, not the older mail below it
   * (a pass for new mail after an IDLE notification; the pass over every folder backfills).
   */
  backfill?: boolean;
}

export interface FolderReport {
  path: string;
  specialUse: SpecialUse | null;
  added: number;
  removed: number;
  flagsUpdated: number;
  /** UIDVALIDITY changed: the folder was emptied and fetched again. */
  reset: boolean;
  /** Messages missing locally or left over locally that the count check found and fixed. */
  repaired: number;
  /** STATUS MESSAGES. */
  serverCount: number;
  /** Server messages inside the synced UID range; equals localCount when the folder is in sync. */
  serverRangeCount: number;
  localCount: number;
  /** Everything inside the sync window is here (backfill finished). */
  windowComplete: boolean;
  /** The server's STATUS matched the last verified pass, so the folder was not opened. */
  skipped: boolean;
  error: string | null;
}

export interface SyncReport {
  accountId: string;
  startedAt: number;
  finishedAt: number;
  folders: FolderReport[];
  /** The pass stopped early for a more urgent one (SyncOptions.shouldYield); what it did is kept. */
  yielded: boolean;
}

/** 'login' and 'uidl' are POP3's (pop3-sync.ts): the server refused the login, or has no UIDL. */
export type SyncFailureStep = 'account' | 'password' | 'connect' | 'login' | 'uidl' | 'folders' | 'folder';

/** Why a sync stopped; `step` says where, for the account's error line and "test connection". */
export class MailSyncError extends Error {
  readonly step: SyncFailureStep;
  readonly accountId: string;
  constructor(step: SyncFailureStep, accountId: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailSyncError';
    this.step = step;
    this.accountId = accountId;
  }
}

export function emptyFolderReport(folder: Pick<MailFoldersTable, 'path' | 'special_use'>, error: string | null): FolderReport {
  return {
    path: folder.path,
    specialUse: folder.special_use,
    added: 0,
    removed: 0,
    flagsUpdated: 0,
    reset: false,
    repaired: 0,
    serverCount: 0,
    serverRangeCount: 0,
    localCount: 0,
    windowComplete: false,
    skipped: false,
    error,
  };
}
