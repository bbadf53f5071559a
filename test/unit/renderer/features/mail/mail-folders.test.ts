import { describe, expect, it } from 'vitest';
import {
  defaultFolderId,
  folderDepth,
  folderSyncState,
  sortFolders,
  unreadInInboxes,
  type AccountStatus,
  type MailFolder,
} from '../../../../../renderer/src/features/mail/mail-folders.ts';

function folder(over: Partial<MailFolder>): MailFolder {
  return {
    id: over.path ?? 'f',
    accountId: 'a',
    path: 'INBOX',
    name: 'INBOX',
    specialUse: null,
    syncEnabled: true,
    unread: 0,
    localCount: 0,
    serverCount: null,
    serverRangeCount: null,
    windowComplete: true,
    verifiedAt: null,
    ...over,
  };
}

function account(id: string, folders: MailFolder[]): AccountStatus {
  return { accountId: id, state: 'idle', lastSyncAt: null, lastSyncError: null, retryAt: null, folders };
}

describe('folder helpers', () => {
  it('lists special folders first in the usual order, then the rest by path', () => {
    const sorted = sortFolders([
      folder({ path: 'Zeta', name: 'Zeta' }),
      folder({ path: 'Trash', specialUse: 'trash' }),
      folder({ path: 'Sent', specialUse: 'sent' }),
      folder({ path: 'Customers', name: 'Customers' }),
      folder({ path: 'INBOX', specialUse: 'inbox' }),
      folder({ path: 'Drafts', specialUse: 'drafts' }),
    ]);
    expect(sorted.map((f) => f.path)).toEqual(['INBOX', 'Drafts', 'Sent', 'Trash', 'Customers', 'Zeta']);
  });

  it('indents by the delimiter between parent and leaf', () => {
    expect(folderDepth({ path: 'INBOX', name: 'INBOX' })).toBe(0);
    expect(folderDepth({ path: 'INBOX/Customers/EU', name: 'EU' })).toBe(2);
    expect(folderDepth({ path: 'INBOX.Customers', name: 'Customers' })).toBe(1);
    // A dot inside a top-level name is not nesting.
    expect(folderDepth({ path: 'Mr. Smith', name: 'Mr. Smith' })).toBe(0);
  });

  it('says synced only when every message of the synced range is here', () => {
    expect(folderSyncState(folder({ localCount: 12, serverRangeCount: 12 }), undefined)).toEqual({ kind: 'synced' });
    expect(folderSyncState(folder({ localCount: 3, serverRangeCount: 12 }), undefined)).toEqual({ kind: 'partial', local: 3, server: 12 });
    expect(folderSyncState(folder({}), undefined)).toEqual({ kind: 'unknown' });
  });

  it('shows the progress of a run on this folder, not on another', () => {
    const f = folder({ path: 'INBOX', localCount: 12, serverRangeCount: 12 });
    expect(folderSyncState(f, { accountId: 'a', folderPath: 'INBOX', phase: 'new', done: 25, total: 100 })).toEqual({ kind: 'syncing', percent: 25 });
    expect(folderSyncState(f, { accountId: 'a', folderPath: 'INBOX', phase: 'flags', done: 0, total: 0 })).toEqual({ kind: 'syncing', percent: null });
    expect(folderSyncState(f, { accountId: 'a', folderPath: 'Sent', phase: 'new', done: 1, total: 2 })).toEqual({ kind: 'synced' });
    expect(folderSyncState(f, { accountId: 'a', folderPath: 'INBOX', phase: 'done', done: 1, total: 1 })).toEqual({ kind: 'synced' });
  });

  it('counts unread mail in the inboxes only', () => {
    const statuses = [
      account('a', [folder({ path: 'INBOX', specialUse: 'inbox', unread: 3 }), folder({ path: 'Junk', specialUse: 'junk', unread: 40 })]),
      account('b', [folder({ path: 'INBOX', specialUse: 'inbox', unread: 2 })]),
    ];
    expect(unreadInInboxes(statuses)).toBe(5);
    expect(unreadInInboxes(undefined)).toBe(0);
  });

  it('opens the first account\'s inbox', () => {
    const inbox = folder({ id: 'in', path: 'INBOX', specialUse: 'inbox' });
    expect(defaultFolderId([account('empty', []), account('a', [folder({ id: 'x', path: 'Archive2', name: 'Archive2' }), inbox])])).toBe('in');
    expect(defaultFolderId([account('a', [folder({ id: 'z', path: 'Z', name: 'Z' }), folder({ id: 'b', path: 'B', name: 'B' })])])).toBe('b');
    expect(defaultFolderId([])).toBeNull();
  });
});
