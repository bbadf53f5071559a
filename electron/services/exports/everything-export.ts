import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/database.ts';
import type { MailStores } from '../mail/store/mail-stores.ts';
import { writeCustomers, type CustomerExportOptions } from './customer-export.ts';
import { FileError, OutputFile } from './export-file.ts';
import { accountsOf, attachmentCount, attachmentPage, accountMessageCount, type ExportAccount } from './exports.queries.ts';
import { freeName, safeFileName } from '../../../shared/domain/file-names.ts';
import { appendMail } from './mail-export.ts';

/**
 * Everything as open formats in one folder: customers.xlsx (customers, contacts, activities), the mail
 * as mbox — one file per mail account, because each account is one person's mailbox: a mail
 * client imports an mbox as one folder, so whose mail it was stays visible, and a handover can
 * give each file to whoever takes over — and the attachments as plain files, to open without
 * any mail program.
 */

export interface EverythingCounts {
  customers: number;
  contacts: number;
  activities: number;
  messages: number;
  rebuilt: number;
  attachments: number;
  /** The .xlsx and .mbox files, relative to the folder (attachments/ holds the attachments). */
  files: string[];
}

type Progress = (phase: 'customers' | 'contacts' | 'activities' | 'mail' | 'attachments', done: number, total: number | null) => void;

function month(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

async function copyAttachments(db: Db, stores: MailStores, root: string, accounts: Map<string, string>, progress: Progress): Promise<number> {
  const total = await attachmentCount(db);
  const copied = new Set<string>();
  let done = 0;
  let written = 0;
  for (let after = 0; ; ) {
    const page = await attachmentPage(db, after, 500);
    for (const a of page) {
      done++;
      const account = accounts.get(a.account_id) ?? 'mail';
      const key = `${account}/${a.sha256}`;
      if (copied.has(key) || !stores.attachments.has(a.sha256)) continue;
      copied.add(key);
      const dir = path.join(root, account, month(a.date_at));
      const target = path.join(dir, freeName(safeFileName(a.filename, 'attachment'), (n) => fs.existsSync(path.join(dir, n))));
      try {
        await fs.promises.mkdir(dir, { recursive: true });
        await fs.promises.copyFile(stores.attachments.pathOf(a.sha256), target, fs.constants.COPYFILE_EXCL);
      } catch (err) {
        throw new FileError(target, err);
      }
      written++;
    }
    progress('attachments', done, total);
    if (page.length < 500) return written;
    after = page.at(-1)!.key;
  }
}

/** Fills `dir` (a new, empty folder) with everything; returns the counts and the files written, relative to `dir`. */
export async function writeEverything(
  deps: { db: Db; stores: MailStores },
  dir: string,
  options: Pick<CustomerExportOptions, 'text'> & { progress: Progress },
): Promise<EverythingCounts> {
  const files: string[] = ['customers.xlsx'];
  const sheet = await writeCustomers(deps.db, 'xlsx', path.join(dir, 'customers.xlsx'), { ownerId: null, text: options.text, activities: true, progress: options.progress });
  const accounts = await accountsOf(deps.db, null);
  const folderOf = new Map<string, string>();
  for (const account of accounts) {
    folderOf.set(account.id, freeName(safeFileName(account.email || account.name, 'account'), (n) => [...folderOf.values()].includes(n)));
  }
  const total = await accountMessageCount(deps.db, accounts.map((a) => a.id));
  let messages = 0;
  let rebuilt = 0;
  if (accounts.length > 0) {
    try {
      await fs.promises.mkdir(path.join(dir, 'mail'));
    } catch (err) {
      throw new FileError(path.join(dir, 'mail'), err);
    }
  }
  for (const account of accounts as ExportAccount[]) {
    const name = `mail/${folderOf.get(account.id)!}.mbox`;
    const out = await OutputFile.open(path.join(dir, name));
    try {
      const before = messages;
      const counts = await appendMail(deps, out, { kind: 'accounts', accountIds: [account.id] }, new Set(), (n) => options.progress('mail', before + n, total));
      messages += counts.messages;
      rebuilt += counts.rebuilt;
      await out.close();
    } catch (err) {
      await out.abandon();
      throw err;
    }
    files.push(name);
  }
  const attachments = await copyAttachments(deps.db, deps.stores, path.join(dir, 'attachments'), folderOf, options.progress);
  return { customers: sheet.customers, contacts: sheet.contacts, activities: sheet.activities, messages, rebuilt, attachments, files };
}
