import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../../electron/services/core/app-core.ts';
import { openRawMessageStore } from '../../electron/services/mail/store/raw-message-store.ts';
import { seedCustomers } from '../fixtures/customer-fixtures.ts';
import { mailAccountRow } from '../fixtures/mail-fixtures.ts';
import { corpusMessages, withMessageId } from '../helpers/mail-archives.ts';
import { BENCH_NOW, cachedBenchDir } from './bench-kit.ts';

/**
 * Issue 12 point 7d: exports of 100,000 customers to .xlsx (and .csv) and of 100,000 messages
 * to mbox — rate and peak memory. Each export runs through the contract in a process of its own
 * (export.main.ts), so the peak RSS printed is the export's; the same exports of a tenth of the
 * data show whether memory stays flat with size.
 *
 * The data folder: 100,000 seeded customers (with their contacts) and 110,000 real messages
 * (corpus copies with fresh Message-IDs) whose sources are in the raw-message pack — salesperson
 * A's two accounts hold 10,000 and 90,000, B's one account 10,000. Message rows are inserted
 * directly (no parsing or filing: the export reads only the rows' order and the sources).
 */

const CUSTOMERS = 100_000;
const SMALL_CUSTOMERS = 10_000;

function seedMessages(sqlite: BetterSqlite3.Database, dataDir: string, accounts: ReadonlyArray<{ id: string; ownerId: string; count: number }>): number {
  const corpus = corpusMessages().map((m) => m.raw);
  const raw = openRawMessageStore(dataDir);
  const insertAccount = sqlite.prepare(
    'INSERT INTO mail_accounts (id, kind, name, email, display_name, aliases, provider, imap_host, imap_port, imap_security, imap_user, smtp_host, smtp_port, smtp_security, smtp_user, owner_id, signature_text, signature_html, sync_window_days, sync_enabled, last_sync_at, last_sync_error, created_at, updated_at) VALUES (@id, @kind, @name, @email, @display_name, @aliases, @provider, @imap_host, @imap_port, @imap_security, @imap_user, @smtp_host, @smtp_port, @smtp_security, @smtp_user, @owner_id, @signature_text, @signature_html, @sync_window_days, @sync_enabled, @last_sync_at, @last_sync_error, @created_at, @updated_at)',
  );
  const insertFolder = sqlite.prepare("INSERT INTO mail_folders (id, account_id, path, name, delimiter, special_use, subscribed, sync_enabled, created_at, updated_at) VALUES (?, ?, 'INBOX', 'INBOX', '/', 'inbox', 1, 0, 0, 0)");
  const insertMessage = sqlite.prepare(
    `INSERT INTO mail_messages (id, account_id, folder_id, uid, message_id, subject, from_address, date_at, received_at, direction, seen, flagged, answered, draft, flags, size, has_attachments, raw_sha256, parse_status, parse_warnings, created_at, updated_at)
     VALUES (?, ?, ?, NULL, ?, NULL, 'sender@example.com', ?, ?, 'inbound', 1, 0, 0, 0, '[]', ?, 0, ?, 'ok', '[]', 0, 0)`,
  );
  let n = 0;
  for (const account of accounts) {
    insertAccount.run(mailAccountRow({ id: account.id, kind: 'archive', email: `${account.id}@mytrade.cn`, owner_id: account.ownerId }));
    insertFolder.run(`${account.id}-inbox`, account.id);
    for (let start = 0; start < account.count; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, account.count - start) }, (_, i) => {
        const id = `${account.id}-${start + i}`;
        return { id, raw: withMessageId(corpus[(n + start + i) % corpus.length]!, `${id}@bench.tradefolio`) };
      });
      const blobs = raw.putMany(batch.map((b) => b.raw));
      sqlite.transaction(() => {
        batch.forEach((b, i) => {
          const at = BENCH_NOW - (start + i) * 60_000;
          insertMessage.run(b.id, account.id, `${account.id}-inbox`, `${b.id}@bench.tradefolio`, at, at, b.raw.length, blobs[i]!.sha256);
        });
      })();
    }
    n += account.count;
  }
  raw.close();
  return n;
}

function exportDataDir(customers: number): Promise<string> {
  return cachedBenchDir(`tradefolio-bench-export-v1-${customers}`, async (opened) => {
    const summary = seedCustomers(opened.sqlite, { customers, activitiesPerCustomer: 0, now: BENCH_NOW, seed: 7 });
    if (customers !== CUSTOMERS) return `${summary.customers} customers, ${summary.contacts} contacts`;
    const owners = opened.sqlite.prepare('SELECT id FROM owners ORDER BY name LIMIT 2').pluck().all() as string[];
    const dataDir = path.dirname(opened.file);
    const messages = seedMessages(opened.sqlite, dataDir, [
      { id: 'acc-a1', ownerId: owners[0]!, count: 10_000 },
      { id: 'acc-a2', ownerId: owners[0]!, count: 90_000 },
      { id: 'acc-b1', ownerId: owners[1]!, count: 10_000 },
    ]);
    return `${summary.customers} customers, ${summary.contacts} contacts, ${messages} messages`;
  });
}

interface Run {
  ms: number;
  maxRssMb: number;
  result: { customers: number; contacts: number; messages: number; files: Array<{ bytes: number }> };
}

function exportOnce(dataDir: string, args: string[], nodeFlags: string[] = []): Run {
  const out = execFileSync(process.execPath, [...nodeFlags, path.join(import.meta.dirname, 'export.main.ts'), dataDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

function line(label: string, count: number, unit: string, r: Run): string {
  const mb = r.result.files.reduce((s, f) => s + f.bytes, 0) / 1_048_576;
  return `${label}: ${(r.ms / 1000).toFixed(2)} s, ${Math.round(count / (r.ms / 1000)).toLocaleString('en')} ${unit}/s, ${mb.toFixed(1)} MB written, peak RSS ${r.maxRssMb.toFixed(0)} MB`;
}

export async function benchExport(): Promise<string[]> {
  const big = await exportDataDir(CUSTOMERS);
  const small = await exportDataDir(SMALL_CUSTOMERS);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-bench-export-'));
  const lines = ['## export (issue 12 point 7d; each export a process of its own, through the contract)'];
  try {
    const db = new BetterSqlite3(path.join(big, DATABASE_FILE_NAME), { readonly: true });
    const ownerOf = (account: string) => db.prepare('SELECT owner_id FROM mail_accounts WHERE id = ?').pluck().get(account) as string;
    const [ownerA, ownerB] = [ownerOf('acc-a1'), ownerOf('acc-b1')];
    db.close();
    for (const [label, dir, n] of [
      ['100,000 customers', big, CUSTOMERS],
      ['10,000 customers', small, SMALL_CUSTOMERS],
    ] as const) {
      for (const format of ['xlsx', 'csv'] as const) {
        const r = exportOnce(dir, ['customers', format, path.join(out, `c-${n}.${format}`)]);
        if (r.result.customers !== n) throw new Error(`exported ${r.result.customers} of ${n} customers`);
        lines.push(line(`${label} + ${r.result.contacts.toLocaleString('en')} contacts → .${format}`, n, 'customers', r));
      }
    }
    // The peaks above include garbage V8 has not collected yet and SQLite's 64 MiB page cache; with
    // the old space capped, the same exports show what they hold alive.
    for (const format of ['xlsx', 'csv'] as const) {
      const r = exportOnce(big, ['customers', format, path.join(out, `capped.${format}`)], ['--max-old-space-size=96']);
      lines.push(line(`100,000 customers → .${format} with --max-old-space-size=96`, CUSTOMERS, 'customers', r));
    }
    const all = exportOnce(big, ['mail', ownerA!, path.join(out, 'a.mbox')]);
    if (all.result.messages !== 100_000) throw new Error(`exported ${all.result.messages} of 100,000 messages`);
    lines.push(line('100,000 messages → mbox', 100_000, 'messages', all));
    const tenth = exportOnce(big, ['mail', ownerB!, path.join(out, 'b.mbox')]);
    lines.push(line('10,000 messages → mbox', tenth.result.messages, 'messages', tenth));
    fs.rmSync(path.join(out, 'a.mbox'));
    const everything = exportOnce(big, ['everything', out]);
    lines.push(line(`everything (customers.xlsx + ${everything.result.messages.toLocaleString('en')} messages in 3 mboxes)`, everything.result.messages, 'messages', everything));
    return lines;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
