import type { CallOutput, EventPayload } from '../../../../shared/contract/contract.ts';
import type { SpecialUse } from '../../../../shared/domain/mail-enums.ts';

export type AccountStatus = CallOutput<'mail.syncStatus'>[number];
export type MailFolder = AccountStatus['folders'][number];
export type SyncProgress = EventPayload<'mail.syncProgress'>;

/** The order mail programs list folders in: the special ones first, then the rest by name. */
const SPECIAL_ORDER: readonly SpecialUse[] = ['inbox', 'flagged', 'drafts', 'sent', 'archive', 'all', 'junk', 'trash'];

export function sortFolders(folders: readonly MailFolder[]): MailFolder[] {
  const rank = (f: MailFolder) => (f.specialUse ? SPECIAL_ORDER.indexOf(f.specialUse) : SPECIAL_ORDER.length);
  return [...folders].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
}

/**
 * Nesting depth for indenting ("INBOX/Customers/EU" is two levels down). The hierarchy
 * delimiter is whatever separates the leaf name from its parent in the path ('/' or '.').
 */
export function folderDepth(folder: Pick<MailFolder, 'path' | 'name'>): number {
  const { path, name } = folder;
  if (path === name || !path.endsWith(name) || path.length <= name.length + 1) return 0;
  const delimiter = path.charAt(path.length - name.length - 1);
  return path.split(delimiter).length - 1;
}

/** Unread mail that waits for the user: the inboxes, not Junk or Trash. */
export function unreadInInboxes(statuses: readonly AccountStatus[] | undefined): number {
  return (statuses ?? []).reduce((sum, a) => sum + a.folders.filter((f) => f.specialUse === 'inbox').reduce((n, f) => n + f.unread, 0), 0);
}

export type FolderSyncState =
  | { kind: 'synced' }
  | { kind: 'syncing'; percent: number | null }
  | { kind: 'partial'; local: number; server: number }
  | { kind: 'unknown' };

/**
 * "Synced" only when every message the server has in the synced range is here; while a run
 * works on the folder, its progress; otherwise how far it got.
 */
export function folderSyncState(folder: MailFolder, progress: SyncProgress | undefined): FolderSyncState {
  if (progress && progress.phase !== 'done' && progress.folderPath === folder.path) {
    return { kind: 'syncing', percent: progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null };
  }
  if (folder.serverRangeCount === null) return { kind: 'unknown' };
  if (folder.localCount === folder.serverRangeCount) return { kind: 'synced' };
  return { kind: 'partial', local: folder.localCount, server: folder.serverRangeCount };
}

/** The folder a fresh Mail page opens: the first account's inbox, else its first folder. */
export function defaultFolderId(statuses: readonly AccountStatus[] | undefined): string | null {
  const first = statuses?.find((a) => a.folders.length > 0);
  if (!first) return null;
  return (first.folders.find((f) => f.specialUse === 'inbox') ?? sortFolders(first.folders)[0])?.id ?? null;
}
