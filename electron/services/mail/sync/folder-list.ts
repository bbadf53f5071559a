import type { ImapFlow, ListResponse, StatusObject } from 'imapflow';
import type { Db } from '../../../../db/database.ts';
import type { MailFolderCheckpointsTable, MailFoldersTable } from '../../../../db/tables/mail.tables.ts';
import type { SpecialUse } from '../../../../shared/domain/mail-enums.ts';
import { newId } from '../../core/ids.ts';
import { errorText } from './imap-connection.ts';
import { applyFolderList, folderRows, syncedFolderRows, type ListedFolder } from './imap-sync.queries.ts';
import { emptyFolderReport, MailSyncError, type FolderReport } from './sync-report.ts';

/** The account's folder list, and the one-command check that a folder is unchanged since its last pass. */

const SPECIAL_USE_MAP: Record<string, SpecialUse> = {
  '\\inbox': 'inbox',
  '\\sent': 'sent',
  '\\drafts': 'drafts',
  '\\trash': 'trash',
  '\\junk': 'junk',
  '\\archive': 'archive',
  '\\all': 'all',
  '\\flagged': 'flagged',
};

/** Inbox first, then what the user wrote, then the rest; Trash and Junk last. */
const FOLDER_ORDER: Record<string, number> = { inbox: 0, sent: 1, archive: 2, drafts: 3, all: 4, flagged: 5, trash: 8, junk: 9 };

/** The role of a listed folder from its SPECIAL-USE flag (INBOX by name). */
export function specialUseOf(entry: Pick<ListResponse, 'path' | 'specialUse'>): SpecialUse | null {
  if (entry.path.toUpperCase() === 'INBOX') return 'inbox';
  return entry.specialUse ? (SPECIAL_USE_MAP[entry.specialUse.toLowerCase()] ?? null) : null;
}

/**
 * With LIST-STATUS and CONDSTORE one command tells, per folder, whether anything at all changed
 * since the last verified pass (same UIDVALIDITY, UIDNEXT, message count and HIGHESTMODSEQ), so
 * an incremental sync with nothing new opens no folder.
 */
const canSkipUnchanged = (client: ImapFlow) => client.capabilities.has('LIST-STATUS') && client.capabilities.has('CONDSTORE');

/**
 * Lists the server's folders, brings the local folder rows in line (new, renamed roles, gone),
 * and returns the folders to sync in sync order with their LIST-STATUS answers where offered.
 */
export async function listFolders(
  client: ImapFlow,
  db: Db,
  accountId: string,
  now: number,
): Promise<{ folders: MailFoldersTable[]; status: Map<string, StatusObject> }> {
  let listed: ListResponse[];
  try {
    listed = await client.list(canSkipUnchanged(client) ? { statusQuery: { messages: true, uidNext: true, uidValidity: true, highestModseq: true } } : {});
  } catch (err) {
    throw new MailSyncError('folders', accountId, errorText(err), { cause: err });
  }
  const selectable = listed.filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent'));
  const existing = await folderRows(db, { accountId });
  const byPath = new Map(existing.map((f) => [f.path, f]));
  const added: Array<ListedFolder & { id: string }> = [];
  const changed: Array<ListedFolder & { id: string }> = [];
  for (const entry of selectable) {
    const row: ListedFolder = { path: entry.path, name: entry.name, delimiter: entry.delimiter ?? null, special_use: specialUseOf(entry), subscribed: entry.subscribed ? 1 : 0 };
    const known = byPath.get(entry.path);
    if (!known) added.push({ ...row, id: newId() });
    else if (known.special_use !== row.special_use || known.name !== row.name || known.subscribed !== row.subscribed) changed.push({ ...row, id: known.id });
  }
  // A folder deleted or renamed on the server goes here too, with its messages.
  const goneIds = existing.filter((f) => !selectable.some((s) => s.path === f.path)).map((f) => f.id);
  await applyFolderList(db, { accountId, added, changed, goneIds }, now);

  const folders = await syncedFolderRows(db, { accountId });
  const status = new Map<string, StatusObject>();
  for (const entry of selectable) if (entry.status) status.set(entry.path, entry.status);
  return {
    status,
    folders: folders.sort((a, b) => (FOLDER_ORDER[a.special_use ?? ''] ?? 6) - (FOLDER_ORDER[b.special_use ?? ''] ?? 6) || a.path.localeCompare(b.path)),
  };
}

/**
 * The report of a folder the server says is exactly as it was at its last verified pass, or
 * null when it must be opened: any difference in UIDVALIDITY, UIDNEXT, message count or
 * HIGHESTMODSEQ (new mail, expunges, flag changes), an unfinished backfill, or counts that
 * did not agree last time.
 */
export function unchangedReport(folder: MailFoldersTable, cp: MailFolderCheckpointsTable | undefined, st: StatusObject | undefined): FolderReport | null {
  if (!cp || !st || cp.verified_at === null || cp.highest_modseq === null || st.highestModseq === undefined) return null;
  if (st.uidValidity === undefined || st.uidValidity.toString() !== cp.uidvalidity) return null;
  if (st.uidNext !== cp.uid_next || st.messages !== cp.server_count || BigInt(cp.highest_modseq) !== st.highestModseq) return null;
  if (cp.low_uid > cp.floor_uid || cp.server_range_count === null || cp.server_range_count !== cp.local_count) return null;
  return {
    ...emptyFolderReport(folder, null),
    serverCount: cp.server_count ?? 0,
    serverRangeCount: cp.server_range_count,
    localCount: cp.local_count ?? 0,
    windowComplete: true,
    skipped: true,
  };
}
