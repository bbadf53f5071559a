import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import iconv from 'iconv-lite';
import { createAppCore, DATABASE_FILE_NAME, type AppCore } from '../../electron/services/core/app-core.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { storageFailure } from '../../electron/services/core/storage-errors.ts';
import { RESTORE_FAULT_POINTS, type FaultPoint } from '../../electron/services/backups/backup.service.ts';
import { parseMail, type ParsedMessage } from '../../electron/services/mail/store/mail-parse.ts';
import { FAULT_POINT_ENV } from '../../electron/hosts/fault-points.ts';
import { translate } from '../../electron/hosts/translate.ts';
import { PARSE_WARNINGS, type ParseWarning } from '../../shared/domain/mail-message.ts';
import { AppFailure, type AppError, type MessageParams } from '../../shared/contract/result.ts';
import { catalogs, type Language } from '../../shared/i18n/catalogs.ts';
import { runCliChild, startWebHostChild, type WebHostChild } from '../helpers/child-hosts.ts';
import { fillDisk } from '../helpers/fill-disk.ts';
import { startDovecot } from '../helpers/mail-servers.ts';
import { readOnlyView, smallDisk } from '../helpers/mounts.ts';
import { createTempCore, tempDir, type TempCore } from '../helpers/temp-core.ts';
import { REPO_ROOT } from '../helpers/web-app.ts';
import { corpusFile, rfc822 } from '../helpers/mail-test-kit.ts';

/**
 * `npm run bench -- reliability`: what survives a kill -9 and what the user is told about bad
 * input (issue 10, point 14). Four parts, each with its run count in the environment:
 *
 * - kill -9 of a real web host while two clients write over HTTP (TF_REL_WRITE_RUNS, default 10);
 * - kill -9 of the CLI at each step of a restore, and of a backup (TF_REL_RESTORE_RUNS per step, default 3);
 * - kill -9 of `mail sync` against a real Dovecot (TF_REL_MAIL_MESSAGES, default 2000;
 *   TF_REL_MAIL_KILLS, default 5), then one sync that finishes;
 * - bad inputs through the real dispatcher, parser, files and mounts (needs root for the mounts).
 *
 * TF_REL_PARTS=writes,restore,mail,inputs picks parts (default all). The defaults take about
 * four minutes on a loaded two-core machine. Targets: 0 integrity failures and 0 acknowledged
 * writes lost; every bad input answered with a clear message.
 */

function intEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => Math.round(min + Math.random() * (max - min));
const rm = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });

interface DbCheck {
  integrity: boolean;
  detail: string;
}

/** integrity_check and foreign_key_check of a file; opened read-write so its -wal is replayed, as the next start would. */
function checkFile(file: string, readonly = false): DbCheck {
  const db = new BetterSqlite3(file, { readonly, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const fk = db.pragma('foreign_key_check') as unknown[];
    const ok = integrity === 'ok' && fk.length === 0;
    return { integrity: ok, detail: ok ? '' : `integrity_check: ${integrity}; foreign_key_check: ${fk.length} rows` };
  } finally {
    db.close();
  }
}

function searchIndexMismatch(db: BetterSqlite3.Database): number {
  const live = (db.prepare('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL').get() as { n: number }).n;
  const indexed = (db.prepare('SELECT count(*) AS n FROM customer_search').get() as { n: number }).n;
  return Math.abs(live - indexed);
}

/* ------------------------------------------------------------------ 1. kill -9 during writes */

interface WriteRun {
  killedAfterMs: number;
  acked: number;
  /** Writes answered with an error (none expected). */
  refused: string[];
  integrityFailed: boolean;
  startFailed: boolean;
  searchMismatch: number;
  lost: string[];
}

/**
 * Two clients write over HTTP as fast as the host answers: one creates customers, the other adds
 * activities and renames customers it saw created. Every answer `ok` is an acknowledged write; a
 * write whose answer never came may or may not be there.
 */
async function oneWriteRun(run: number): Promise<WriteRun> {
  const dataDir = tempDir('tf-rel-writes-');
  try {
    const host: WebHostChild = await startWebHostChild(dataDir);
    const customers = new Map<string, Set<string>>(); // id → the names it may have (acknowledged, or in flight)
    const activities = new Set<string>();
    let acked = 0;
    const refused: string[] = [];
    let stopped = false;
    const creator = (async () => {
      for (let i = 0; !stopped; i++) {
        const name = `Kill ${run} Trading ${i}`;
        try {
          const r = await host.call('customers.create', { name, regionCode: 'EU', notes: `written by client A, #${i}` });
          if (!r.ok) {
            refused.push(`customers.create: ${r.error?.message ?? '?'}`);
            continue;
          }
          customers.set((r.value as { id: string }).id, new Set([name]));
          acked++;
        } catch {
          return;
        }
      }
    })();
    const other = (async () => {
      for (let i = 0; !stopped; i++) {
        const ids = [...customers.keys()];
        if (ids.length === 0) {
          await sleep(5);
          continue;
        }
        const id = ids[Math.floor(Math.random() * ids.length)]!;
        try {
          if (i % 3 === 2) {
            const name = `Renamed ${run}-${i}`;
            const names = customers.get(id)!;
            names.add(name);
            const r = await host.call('customers.update', { id, name, regionCode: 'EU', grade: 'B' });
            if (r.ok) {
              customers.set(id, new Set([name]));
              acked++;
            } else refused.push(`customers.update: ${r.error?.message ?? '?'}`);
          } else {
            const r = await host.call('activities.create', { customerId: id, kind: 'note', subject: `Note ${i}`, body: 'called about samples', occurredAt: Date.now() });
            if (r.ok) {
              activities.add((r.value as { id: string }).id);
              acked++;
            } else refused.push(`activities.create: ${r.error?.message ?? '?'}`);
          }
        } catch {
          return;
        }
      }
    })();
    const killedAfterMs = between(150, 2500);
    await sleep(killedAfterMs);
    await host.kill('SIGKILL');
    stopped = true;
    await Promise.all([creator, other]);

    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const check = checkFile(file);
    const result: WriteRun = { killedAfterMs, acked, refused, integrityFailed: !check.integrity, startFailed: false, searchMismatch: 0, lost: [] };
    if (!check.integrity) console.log(`  writes run ${run}: ${check.detail}`);
    let next: TempCore;
    try {
      next = await createTempCore({ dataDir });
    } catch (err) {
      result.startFailed = true;
      console.log(`  writes run ${run}: the next start failed: ${err instanceof Error ? err.message : String(err)}`);
      return result;
    }
    try {
      const db = next.core.database().sqlite;
      result.searchMismatch = searchIndexMismatch(db);
      const byId = db.prepare('SELECT name FROM customers WHERE id = ?');
      for (const [id, names] of customers) {
        const row = byId.get(id) as { name: string } | undefined;
        if (!row) result.lost.push(`customer ${id} missing`);
        else if (!names.has(row.name)) result.lost.push(`customer ${id} is "${row.name}", acknowledged as ${[...names].join(' / ')}`);
      }
      const activity = db.prepare('SELECT 1 FROM activities WHERE id = ?');
      for (const id of activities) if (!activity.get(id)) result.lost.push(`activity ${id} missing`);
    } finally {
      await next.close();
    }
    return result;
  } finally {
    rm(dataDir);
  }
}

async function killDuringWrites(runs: number): Promise<string[]> {
  const results: WriteRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const r = await oneWriteRun(run);
    results.push(r);
    console.log(`  (writes ${run}/${runs}: killed after ${r.killedAfterMs} ms, ${r.acked} acknowledged, ${r.lost.length} lost, integrity ${r.integrityFailed ? 'FAILED' : 'ok'})`);
  }
  const acked = results.reduce((s, r) => s + r.acked, 0);
  const lost = results.flatMap((r) => r.lost);
  const lines = [
    '',
    `### kill -9 of the web host during writes (${runs} runs)`,
    'Two HTTP clients write at once (customers.create; activities.create and customers.update on customers',
    'already acknowledged); the host is killed after a random 150–2500 ms; the folder is then checked and',
    'opened as the next start would.',
    '',
    '| runs | writes acknowledged | writes refused | killed after (ms) | integrity_check failures | next start failed | search index ≠ customers | acknowledged writes lost |',
    '|---|---|---|---|---|---|---|---|',
    `| ${runs} | ${acked} (${Math.min(...results.map((r) => r.acked))}–${Math.max(...results.map((r) => r.acked))} a run) | ${results.reduce((s, r) => s + r.refused.length, 0)} | ${Math.min(...results.map((r) => r.killedAfterMs))}–${Math.max(...results.map((r) => r.killedAfterMs))} | ${results.filter((r) => r.integrityFailed).length} | ${results.filter((r) => r.startFailed).length} | ${results.filter((r) => r.searchMismatch > 0).length} | ${lost.length} |`,
  ];
  for (const l of lost.slice(0, 10)) lines.push(`- lost: ${l}`);
  for (const l of [...new Set(results.flatMap((r) => r.refused))].slice(0, 5)) lines.push(`- refused: ${l}`);
  return lines;
}

/* ------------------------------------------------------------------ 2. kill -9 during restore */

interface RestoreRun {
  killed: boolean;
  integrityFailed: boolean;
  startFailed: boolean;
  state: 'before' | 'backup' | 'partial';
  replacedBad: number;
  leftovers: string[];
  lost: number;
  detail: string[];
}

/**
 * A data folder with writes before and after a backup, then `backup restore` (or `backup now`)
 * in a CLI child that kills itself at `point`. Every write acknowledged before the restore must
 * be in the live database or in a kept replaced-*.sqlite; the live one must be wholly the old
 * database or wholly the backup.
 */
async function oneRestoreRun(point: FaultPoint): Promise<RestoreRun> {
  const dataDir = tempDir('tf-rel-restore-');
  try {
    const seed = await createTempCore({ dataDir });
    const expected = new Map<string, string>(); // every acknowledged customer, as it was last acknowledged
    const inBackup = new Map<string, string>();
    const acts = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const c = await seed.call('customers.create', { name: `Before backup ${i}`, regionCode: 'EU' });
      expected.set(c.id, c.name);
      inBackup.set(c.id, c.name);
    }
    const backup = await seed.call('backups.create', {});
    for (let i = 0; i < 10; i++) {
      const c = await seed.call('customers.create', { name: `After backup ${i}`, regionCode: 'EU' });
      expected.set(c.id, c.name);
      acts.add((await seed.call('activities.create', { customerId: c.id, kind: 'call', subject: `call ${i}`, occurredAt: Date.now() })).id);
    }
    for (const id of [...inBackup.keys()].slice(0, 3)) {
      const c = await seed.call('customers.update', { id, name: `Renamed after backup ${id.slice(-4)}`, regionCode: 'EU' });
      expected.set(c.id, c.name);
    }
    await seed.close();

    const args = point === 'backup:copied' ? ['backup', 'now'] : ['backup', 'restore', backup.path];
    const run = await runCliChild(dataDir, args, { [FAULT_POINT_ENV]: point });
    const out: RestoreRun = { killed: run.signal === 'SIGKILL', integrityFailed: false, startFailed: false, state: 'partial', replacedBad: 0, leftovers: [], lost: 0, detail: [] };
    if (!out.killed) out.detail.push(`the CLI was not killed (exit ${run.code}): ${run.stderr.trim().slice(0, 200)}`);

    let next: TempCore;
    try {
      next = await createTempCore({ dataDir });
    } catch (err) {
      out.startFailed = true;
      out.detail.push(`next start failed: ${err instanceof Error ? err.message : String(err)}`);
      return out;
    }
    const found = new Map<string, string>(); // id → names seen in the live db or a kept one
    const seen = (id: string, name: string) => found.set(`${id}\u0000${name}`, name);
    const activitiesFound = new Set<string>();
    try {
      const db = next.core.database().sqlite;
      const integrity = db.pragma('integrity_check', { simple: true }) as string;
      if (integrity !== 'ok' || (db.pragma('foreign_key_check') as unknown[]).length > 0 || searchIndexMismatch(db) > 0) {
        out.integrityFailed = true;
        out.detail.push(`live database: integrity_check ${integrity}, search index off by ${searchIndexMismatch(db)}`);
      }
      const live = new Map((db.prepare('SELECT id, name FROM customers').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
      for (const [id, name] of live) seen(id, name);
      for (const r of db.prepare('SELECT id FROM activities').all() as { id: string }[]) activitiesFound.add(r.id);
      const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
      out.state = same(live, expected) ? 'before' : same(live, inBackup) ? 'backup' : 'partial';
      if (out.state === 'partial') out.detail.push(`live database has ${live.size} customers: neither the ${expected.size} before the restore nor the ${inBackup.size} of the backup`);
    } finally {
      await next.close();
    }
    const files = fs.readdirSync(dataDir);
    out.leftovers = files.filter((f) => f === 'restore-intent.json' || f.includes('.incoming') || f.endsWith('.partial'));
    for (const f of files.filter((name) => /^replaced-.*\.sqlite$/.test(name))) {
      const kept = path.join(dataDir, f);
      const check = checkFile(kept, true);
      if (!check.integrity) {
        out.replacedBad++;
        out.detail.push(`${f}: ${check.detail}`);
        continue;
      }
      const k = new BetterSqlite3(kept, { readonly: true });
      for (const r of k.prepare('SELECT id, name FROM customers').all() as { id: string; name: string }[]) seen(r.id, r.name);
      for (const r of k.prepare('SELECT id FROM activities').all() as { id: string }[]) activitiesFound.add(r.id);
      k.close();
    }
    if (point === 'backup:copied') {
      // A backup killed before its rename must not be listed as a backup, or must be whole.
      const folder = path.join(dataDir, 'backups');
      for (const f of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
        if (f.endsWith('.partial')) out.leftovers.push(`backups/${f}`);
        else if (f.endsWith('.sqlite') && !checkFile(path.join(folder, f), true).integrity) out.replacedBad++;
      }
    }
    for (const [id, name] of expected) if (!found.has(`${id}\u0000${name}`)) out.lost++;
    for (const id of acts) if (!activitiesFound.has(id)) out.lost++;
    return out;
  } finally {
    rm(dataDir);
  }
}

async function killDuringRestore(runs: number): Promise<string[]> {
  const lines = [
    '',
    `### kill -9 at each step of a restore (\`backup restore\` in a CLI child that kills itself there; ${runs} runs a step)`,
    'Before each run: 20 customers, a backup, then 10 customers + 10 activities + 3 renames (53 acknowledged',
    'writes, 23 of them after the backup). "Lost" counts acknowledged writes in neither the live database nor a kept',
    'replaced-*.sqlite; "partial" a next start that showed neither the old database nor the backup whole.',
    '',
    '| step | runs | killed there | next start showed | integrity failures (live / kept) | empty or partial | leftovers | acknowledged writes lost |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const problems: string[] = [];
  for (const point of [...RESTORE_FAULT_POINTS, 'backup:copied'] as FaultPoint[]) {
    const results: RestoreRun[] = [];
    for (let i = 0; i < runs; i++) results.push(await oneRestoreRun(point));
    const states = [...new Set(results.map((r) => r.state))].join(', ');
    const leftovers = [...new Set(results.flatMap((r) => r.leftovers))];
    for (const r of results) for (const d of r.detail) problems.push(`${point}: ${d}`);
    const row = `| ${point === 'backup:copied' ? 'backup:copied (`backup now`)' : point} | ${runs} | ${results.filter((r) => r.killed).length} | ${states} | ${results.filter((r) => r.integrityFailed || r.startFailed).length} / ${results.reduce((s, r) => s + r.replacedBad, 0)} | ${results.filter((r) => r.state === 'partial').length} | ${leftovers.length ? leftovers.join(', ') : 'none'} | ${results.reduce((s, r) => s + r.lost, 0)} |`;
    lines.push(row);
    console.log(`  (restore ${point}: ${results.filter((r) => r.killed).length}/${runs} killed, state ${states}, lost ${results.reduce((s, r) => s + r.lost, 0)})`);
  }
  for (const p of problems.slice(0, 15)) lines.push(`- ${p}`);
  return lines;
}

/* ------------------------------------------------------------------ 3. kill -9 during mail sync */

const MAIL_USER = 'reliability@mytrade.cn';
const MAIL_PASSWORD = 'reliability-secret';
/** A sync of 2,000 small messages takes ~3 s here: kills in this range land mid-way, early and late. */
const MAIL_KILL_MIN_MS = 300;
const MAIL_KILL_MAX_MS = 2000;

/** Puts messages into the user's INBOX with Dovecot's own `doveadm import` (as mail-sync.bench.ts does). */
function fillInbox(dovecotDir: string, messages: readonly Buffer[]): void {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-rel-maildir-'));
  try {
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(src, sub), { mode: 0o777 });
    messages.forEach((raw, i) => fs.writeFileSync(path.join(src, 'cur', `${1_700_000_000 + i}.M${i}P1.rel:2,S`), raw, { mode: 0o644 }));
    for (const dir of [src, ...['cur', 'new', 'tmp'].map((s) => path.join(src, s))]) fs.chmodSync(dir, 0o777);
    execFileSync('doveadm', ['-c', path.join(dovecotDir, 'dovecot.conf'), 'import', '-u', MAIL_USER, `maildir:${src}`, '', 'all'], { stdio: 'inherit' });
  } finally {
    rm(src);
  }
}

interface SyncChild {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** ms from "syncing …" to the kill; null when it was not killed. */
  killedAfterMs: number | null;
}

/**
 * `mail sync` in a CLI child with the password in TRADEFOLIO_MAIL_PASSWORD (no keychain here);
 * with `killAfter`, SIGKILLed that many ms after it starts syncing.
 */
function syncChild(dataDir: string, killAfter: number | null): Promise<SyncChild> {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TRADEFOLIO_MAIL_PASSWORD: MAIL_PASSWORD, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
  delete env.TRADEFOLIO_DATA_DIR;
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'electron', 'cli', 'cli.main.ts'), '--data-dir', dataDir, 'mail', 'sync'], { env, cwd: REPO_ROOT });
  let stdout = '';
  let stderr = '';
  let killedAfterMs: number | null = null;
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    const first = !stderr.includes('syncing');
    stderr += d;
    if (killAfter !== null && first && stderr.includes('syncing')) {
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) {
          killedAfterMs = killAfter;
          child.kill('SIGKILL');
        }
      }, killAfter);
    }
  });
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, killedAfterMs }));
  });
}

function inboxState(file: string): { rows: number; distinctIds: Set<string>; duplicates: number } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare("SELECT m.message_id AS mid FROM mail_messages m JOIN mail_folders f ON f.id = m.folder_id WHERE f.path = 'INBOX'")
      .all() as { mid: string | null }[];
    const distinctIds = new Set(rows.map((r) => r.mid ?? ''));
    const dup = db
      .prepare('SELECT coalesce(sum(n - 1), 0) AS d FROM (SELECT count(*) AS n FROM mail_messages WHERE message_id IS NOT NULL GROUP BY account_id, folder_id, message_id HAVING n > 1)')
      .get() as { d: number };
    return { rows: rows.length, distinctIds, duplicates: dup.d };
  } finally {
    db.close();
  }
}

async function killDuringMailSync(total: number, kills: number): Promise<string[]> {
  const dovecot = await startDovecot({ users: [{ user: MAIL_USER, password: MAIL_PASSWORD }], mailboxFormat: 'sdbox' });
  const dataDir = tempDir('tf-rel-mail-');
  try {
    const now = Date.now();
    const ids: string[] = [];
    const messages: Buffer[] = [];
    for (let i = 0; i < total; i++) {
      const messageId = `rel-${i}@hamburg-trade.de`;
      ids.push(messageId);
      messages.push(
        rfc822({
          from: i % 2 ? 'anna@hamburg-trade.de' : 'li.wei@szminghua.cn',
          to: MAIL_USER,
          subject: i % 2 ? `Quotation ${i}` : `报价单 ${i}`,
          body: i % 2 ? 'Please find the prices for the LED panels below.\n'.repeat(3) : '您好，附件是最新报价，请查收。\n'.repeat(3),
          messageId,
          date: new Date(now - i * 60_000),
        }),
      );
    }
    fillInbox(dovecot.dir, messages);
    const seed = await createTempCore({ dataDir });
    const added = await seed.core.dispatch('mail.addAccount', {
      name: 'Reliability',
      email: MAIL_USER,
      imap: { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user: MAIL_USER },
      smtp: { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user: MAIL_USER },
      password: MAIL_PASSWORD,
      syncWindowDays: null,
    });
    await seed.close();
    if (!added.ok) throw new Error(`mail.addAccount: ${JSON.stringify(added.error)}`);

    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const cycles: string[] = [];
    let integrityFailures = 0;
    let killedMidSync = 0;
    let finishedFirst = 0;
    for (let k = 1; k <= kills; k++) {
      const delay = between(MAIL_KILL_MIN_MS, MAIL_KILL_MAX_MS);
      const run = await syncChild(dataDir, delay);
      if (run.signal === 'SIGKILL') killedMidSync++;
      else finishedFirst++;
      const check = checkFile(file);
      if (!check.integrity) {
        integrityFailures++;
        cycles.push(`- kill ${k}: ${check.detail}`);
      }
      const state = inboxState(file);
      console.log(`  (mail kill ${k}/${kills}: ${run.signal === 'SIGKILL' ? `killed ${delay} ms into the sync` : `finished first (exit ${run.code})`}; ${state.rows} of ${total} stored, ${state.duplicates} duplicates, integrity ${check.integrity ? 'ok' : 'FAILED'})`);
      cycles.push(`| ${k} | ${run.signal === 'SIGKILL' ? `killed ${delay} ms after "syncing"` : `finished before the kill (exit ${run.code})`} | ${state.rows} | ${state.duplicates} | ${check.integrity ? 'ok' : 'FAILED'} |`);
    }
    const final = await syncChild(dataDir, null);
    const check = checkFile(file);
    if (!check.integrity) integrityFailures++;
    const state = inboxState(file);
    const client = await dovecot.connect(MAIL_USER);
    const status = await client.status('INBOX', { messages: true });
    await client.logout();
    const serverCount = status ? (status.messages ?? -1) : -1;
    const lost = ids.filter((id) => !state.distinctIds.has(id));
    const inboxLine = /^INBOX\s.*$/m.exec(final.stdout)?.[0]?.replace(/\s+/g, ' ') ?? '(no INBOX line)';
    const lines = [
      '',
      `### kill -9 of \`mail sync\` (CLI child, loopback Dovecot sdbox, ${total.toLocaleString('en')} small zh/en messages in the Inbox)`,
      `${kills} syncs killed after a random ${MAIL_KILL_MIN_MS}–${MAIL_KILL_MAX_MS} ms from their "syncing" line (each resumes the last), then one sync left to finish.`,
      '',
      '| sync | what happened | Inbox messages stored | duplicates | integrity_check |',
      '|---|---|---|---|---|',
      ...cycles.filter((c) => c.startsWith('|')),
      `| final | exit ${final.code}; CLI printed "${inboxLine}" | ${state.rows} | ${state.duplicates} | ${check.integrity ? 'ok' : 'FAILED'} |`,
      '',
      `Totals: ${killedMidSync} syncs killed mid-way (${finishedFirst} finished before their kill); integrity_check failures ${integrityFailures}; server count ${serverCount}, local count ${state.rows}; messages lost ${lost.length}; duplicates ${state.duplicates}.`,
      ...cycles.filter((c) => c.startsWith('- ')),
    ];
    if (final.code !== 0) lines.push(`- the final sync exited ${final.code}: ${final.stderr.trim().slice(0, 300)}`);
    if (lost.length) lines.push(`- lost, e.g. ${lost.slice(0, 5).join(', ')}`);
    return lines;
  } finally {
    await dovecot.stop();
    rm(dataDir);
  }
}

/* ------------------------------------------------------------------ 4. bad inputs */

type Answer =
  | { kind: 'error'; error: AppError }
  | { kind: 'ok'; note: string }
  | { kind: 'thrown'; text: string }
  | { kind: 'mail'; parsed: ParsedMessage; reads?: string };

interface BadInput {
  area: string;
  what: string;
  /** 'error': only a clear refusal is right; 'either': an ok answer (handled, e.g. nothing matched) is fine too. */
  want: 'error' | 'either';
  run(): Promise<Answer>;
}

const RAW_SQLITE = /SQLITE_|no such table|no such column|cannot rollback|database or disk is full|readonly database|database is locked|disk I\/O error|malformed|file is not a database|constraint failed|not an error/i;

function hasKey(language: Language, key: string): boolean {
  let node: unknown = catalogs[language];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** In both catalogs, directly or as i18next plural forms. */
function keyInBoth(key: string): boolean {
  return (['en', 'zh-CN'] as const).every((l) => hasKey(l, key) || (hasKey(l, `${key}_one`) && hasKey(l, `${key}_other`)));
}

interface Verdict {
  clear: boolean;
  said: string;
  why: string;
}

function judgeMessage(key: string, params: MessageParams): { problem: string | null; en: string } {
  const en = translate('en', key, params);
  const zh = translate('zh-CN', key, params);
  if (key === 'errors.internal') return { problem: 'errors.internal', en };
  if (!keyInBoth(key)) return { problem: `key ${key} missing from ${hasKey('en', key) ? 'zh-CN' : 'en'}`, en };
  const raw = RAW_SQLITE.exec(en) ?? RAW_SQLITE.exec(zh);
  if (raw) return { problem: `SQLite's own words ("${raw[0]}") in the text`, en };
  if (/\{\{/.test(en) || /\{\{/.test(zh)) return { problem: 'a {{parameter}} left unfilled', en };
  return { problem: null, en };
}

function judge(answer: Answer, want: BadInput['want']): Verdict {
  switch (answer.kind) {
    case 'ok':
      return want === 'either' ? { clear: true, said: `accepted: ${answer.note}`, why: '' } : { clear: false, said: `accepted: ${answer.note}`, why: 'a bad input was accepted without a word' };
    case 'thrown':
      return { clear: false, said: answer.text.slice(0, 160), why: 'threw instead of answering with a message key' };
    case 'error': {
      const { error } = answer;
      const head = judgeMessage(error.message, error.params ?? {});
      const problems = head.problem ? [head.problem] : [];
      const fields: string[] = [];
      for (const fe of error.fieldErrors ?? []) {
        const f = judgeMessage(fe.message, { field: fe.path || 'input', ...fe.params });
        if (f.problem) problems.push(`field ${fe.path}: ${f.problem}`);
        fields.push(`${fe.path || '(input)'}: ${f.en}`);
      }
      const said = `${error.code} ${error.message}: ${head.en}${fields.length ? ` [${fields.slice(0, 2).join('; ')}${fields.length > 2 ? ` +${fields.length - 2}` : ''}]` : ''}`;
      return { clear: problems.length === 0, said: said.slice(0, 220), why: problems.join('; ') };
    }
    case 'mail': {
      const { parsed, reads } = answer;
      const shown = parsed.warnings.filter((w: ParseWarning) => PARSE_WARNINGS[w] !== 'notice');
      const said = `status ${parsed.status}, warnings [${parsed.warnings.join(', ')}], text "${(parsed.text ?? '').slice(0, 40).replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '·')}"`;
      if (reads !== undefined && (parsed.text ?? '').includes(reads) && shown.length === 0) return { clear: true, said: `read correctly; ${said}`, why: '' };
      if (parsed.status === 'ok' || shown.length === 0) {
        return { clear: false, said, why: reads !== undefined ? `the text does not read "${reads}" and no warning says so` : 'no warning shown' };
      }
      const title = parsed.status === 'failed' ? 'mail.reader.parseFailedTitle' : 'mail.reader.parseWarningTitle';
      const missing = [title, ...shown.map((w) => `mail.reader.warnings.${w}`)].filter((k) => !keyInBoth(k));
      return { clear: missing.length === 0, said, why: missing.length ? `keys missing: ${missing.join(', ')}` : '' };
    }
  }
}

async function dispatchAnswer(core: Pick<AppCore, 'dispatch'>, key: string, input: unknown, note?: (value: unknown) => string): Promise<Answer> {
  const r = await core.dispatch(key, input);
  if (!r.ok) return { kind: 'error', error: r.error };
  return { kind: 'ok', note: note ? note(r.value) : 'ok' };
}

/** A start on `dataDir`, judged as the hosts show its failure (describeFailure in translate.ts). */
async function startAnswer(dataDir: string): Promise<Answer> {
  try {
    const app = await createTempCore({ dataDir });
    await app.close();
    return { kind: 'ok', note: 'started' };
  } catch (err) {
    if (err instanceof AppFailure) return { kind: 'error', error: err.error };
    const storage = storageFailure(err, path.join(dataDir, DATABASE_FILE_NAME));
    if (storage) return { kind: 'error', error: storage };
    return { kind: 'thrown', text: err instanceof Error ? err.message : String(err) };
  }
}

const count = (v: unknown) => `count ${(v as { count: number }).count}`;

function contractCases(app: () => TempCore, customerId: () => string): BadInput[] {
  const call = (key: string, input: unknown, note?: (v: unknown) => string) => () => dispatchAnswer(app().core, key, input, note);
  const fakeIds = (n: number) => Array.from({ length: n }, (_, i) => `0190f1e0-0000-7000-8000-${String(i).padStart(12, '0')}`);
  const manyFields = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`field-${i}`, 'x']));
  return [
    { area: 'contract', what: 'customers.create, name is a number', want: 'error', run: call('customers.create', { name: 42, regionCode: 'EU' }) },
    { area: 'contract', what: 'customers.create, empty input', want: 'error', run: call('customers.create', {}) },
    { area: 'contract', what: 'customers.create, input is an array', want: 'error', run: call('customers.create', [1, 2]) },
    { area: 'contract', what: 'customers.create, input is a string', want: 'error', run: call('customers.create', 'Acme') },
    { area: 'contract', what: 'customers.create, 1 MB name', want: 'error', run: call('customers.create', { name: 'x'.repeat(1_000_000), regionCode: 'EU' }) },
    { area: 'contract', what: 'customers.create, 10 MB notes', want: 'error', run: call('customers.create', { name: 'Big', regionCode: 'EU', notes: 'n'.repeat(10_000_000) }) },
    { area: 'contract', what: 'customers.create, region "not a region!"', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'not a region!' }) },
    { area: 'contract', what: 'customers.create, unknown region ZZ', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'ZZ' }) },
    { area: 'contract', what: 'customers.create, grade "S+"', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'EU', grade: 'S+' }) },
    { area: 'contract', what: 'customers.create, unknown owner id', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'EU', ownerId: 'no-such-owner' }) },
    { area: 'contract', what: 'customers.create, lone surrogate and NUL in the name', want: 'either', run: call('customers.create', { name: 'Ac\uD800me\u0000', regionCode: 'EU' }) },
    { area: 'contract', what: 'customFields: a 200-character key', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'EU', customFields: { ['k'.repeat(200)]: 'v' } }) },
    { area: 'contract', what: 'customFields: 101 entries', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'EU', customFields: manyFields }) },
    { area: 'contract', what: 'customFields: a nested object value', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'EU', customFields: { f: { nested: true } } }) },
    { area: 'contract', what: 'customFields: a 3,000-character value', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'EU', customFields: { f: 'v'.repeat(3000) } }) },
    { area: 'contract', what: 'customFields: an id no field has', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'EU', customFields: { 'no-such-field': 'v' } }) },
    { area: 'contract', what: 'customFields: an array instead of a map', want: 'error', run: call('customers.create', { name: 'Acme', regionCode: 'EU', customFields: ['a', 'b'] }) },
    { area: 'contract', what: 'customers.remove, 100,000 unknown ids', want: 'either', run: call('customers.remove', { ids: fakeIds(100_000) }, count) },
    { area: 'contract', what: 'customers.transfer, 100,000 unknown ids', want: 'either', run: call('customers.transfer', { ids: fakeIds(100_000), toOwnerId: null }, count) },
    { area: 'contract', what: 'customers.restore, 100,000 unknown ids', want: 'either', run: call('customers.restore', { ids: fakeIds(100_000) }, count) },
    { area: 'contract', what: 'customers.remove, 100,001 ids', want: 'error', run: call('customers.remove', { ids: fakeIds(100_001) }) },
    { area: 'contract', what: 'customers.remove, no ids', want: 'error', run: call('customers.remove', { ids: [] }) },
    { area: 'contract', what: 'customers.update, unknown id', want: 'error', run: call('customers.update', { id: 'no-such-customer', name: 'Acme', regionCode: 'EU' }) },
    { area: 'contract', what: 'customers.get, 65-character id', want: 'error', run: call('customers.get', { id: 'i'.repeat(65) }) },
    { area: 'contract', what: 'customers.merge, target among its sources', want: 'error', run: () => dispatchAnswer(app().core, 'customers.merge', { targetId: customerId(), sourceIds: [customerId()] }) },
    { area: 'contract', what: 'customers.merge, unknown source', want: 'error', run: () => dispatchAnswer(app().core, 'customers.merge', { targetId: customerId(), sourceIds: ['no-such-customer'] }) },
    { area: 'contract', what: 'activities.create, unknown customer', want: 'error', run: call('activities.create', { customerId: 'no-such-customer', kind: 'note', occurredAt: Date.now() }) },
    { area: 'contract', what: 'activities.create, unknown contact', want: 'error', run: () => dispatchAnswer(app().core, 'activities.create', { customerId: customerId(), contactId: 'no-such-contact', kind: 'note', occurredAt: Date.now() }) },
    { area: 'contract', what: 'activities.create, occurredAt -1', want: 'error', run: () => dispatchAnswer(app().core, 'activities.create', { customerId: customerId(), kind: 'note', occurredAt: -1 }) },
    { area: 'contract', what: 'activities.create, occurredAt "yesterday"', want: 'error', run: () => dispatchAnswer(app().core, 'activities.create', { customerId: customerId(), kind: 'note', occurredAt: 'yesterday' }) },
    { area: 'contract', what: 'activities.create, kind "fax"', want: 'error', run: () => dispatchAnswer(app().core, 'activities.create', { customerId: customerId(), kind: 'fax', occurredAt: Date.now() }) },
    { area: 'contract', what: 'contacts.create, email channel "not-an-email"', want: 'error', run: () => dispatchAnswer(app().core, 'contacts.create', { customerId: customerId(), name: 'Anna', channels: [{ kind: 'email', value: 'not-an-email' }] }) },
    { area: 'contract', what: 'contacts.create, unknown customer', want: 'error', run: call('contacts.create', { customerId: 'no-such-customer', name: 'Anna' }) },
    { area: 'contract', what: 'regions.create, code already there (EU)', want: 'error', run: call('regions.create', { code: 'EU', nameEn: 'Europe', nameZh: '欧洲' }) },
    { area: 'contract', what: 'regions.remove, region in use', want: 'error', run: call('regions.remove', { code: 'EU' }) },
    { area: 'contract', what: 'owners.create, email "@@"', want: 'error', run: call('owners.create', { name: 'Li', email: '@@' }) },
    { area: 'contract', what: 'customers.list, limit 1e9', want: 'error', run: call('customers.list', { limit: 1e9 }) },
    { area: 'contract', what: 'search.all, 100 kB query', want: 'either', run: call('search.all', { query: '报价'.repeat(50_000) }) },
    { area: 'contract', what: 'unknown call customers.drop', want: 'error', run: call('customers.drop', {}) },
    { area: 'contract', what: 'mail.addAccount, port 99999', want: 'error', run: call('mail.addAccount', { name: 'W', email: 'w@x.cn', imap: { host: 'imap.x.cn', port: 99999, security: 'tls', user: 'w' }, smtp: { host: 'smtp.x.cn', port: 465, security: 'tls', user: 'w' }, password: 'p' }) },
    { area: 'contract', what: 'mail.addAccount, plain IMAP to a remote host', want: 'error', run: call('mail.addAccount', { name: 'W', email: 'w@x.cn', imap: { host: 'imap.x.cn', port: 143, security: 'none', user: 'w' }, smtp: { host: 'smtp.x.cn', port: 465, security: 'tls', user: 'w' }, password: 'p' }) },
  ];
}

function backupCases(app: () => TempCore, goodBackup: () => string, dir: string): BadInput[] {
  const restore = (file: string) => () => dispatchAnswer(app().core, 'backups.restore', { path: file });
  const make = (name: string, write: (file: string) => void) => () => {
    const file = path.join(dir, name);
    write(file);
    return dispatchAnswer(app().core, 'backups.restore', { path: file });
  };
  const fromGood = (name: string, edit: (db: BetterSqlite3.Database) => void) =>
    make(name, (file) => {
      fs.copyFileSync(goodBackup(), file);
      const db = new BetterSqlite3(file);
      edit(db);
      db.close();
    });
  return [
    { area: 'backup', what: 'restore a text file', want: 'error', run: make('notes.sqlite', (f) => fs.writeFileSync(f, 'not a database, just text '.repeat(300))) },
    { area: 'backup', what: 'restore an empty (0-byte) file', want: 'error', run: make('empty.sqlite', (f) => fs.writeFileSync(f, '')) },
    {
      area: 'backup',
      what: 'restore a corrupt backup (pages overwritten)',
      want: 'error',
      run: make('corrupt.sqlite', (f) => {
        const bytes = fs.readFileSync(goodBackup());
        for (let i = 4096 + 100; i < bytes.length; i += 97) bytes[i] = 0xff;
        fs.writeFileSync(f, bytes);
      }),
    },
    { area: 'backup', what: 'restore a backup cut in half', want: 'error', run: make('half.sqlite', (f) => fs.writeFileSync(f, fs.readFileSync(goodBackup()).subarray(0, Math.floor(fs.statSync(goodBackup()).size / 2)))) },
    {
      area: 'backup',
      what: 'restore a hollow file (migration table only)',
      want: 'error',
      run: make('hollow.sqlite', (f) => {
        const db = new BetterSqlite3(f);
        const live = app().core.database().sqlite.prepare('SELECT name, timestamp FROM kysely_migration').all() as { name: string; timestamp: string }[];
        db.exec('CREATE TABLE kysely_migration (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)');
        for (const r of live) db.prepare('INSERT INTO kysely_migration VALUES (?, ?)').run(r.name, r.timestamp);
        db.close();
      }),
    },
    { area: 'backup', what: 'restore a backup with a column dropped', want: 'error', run: fromGood('altered.sqlite', (db) => db.exec('ALTER TABLE customers DROP COLUMN website')) },
    { area: 'backup', what: 'restore a backup with its FTS table dropped', want: 'error', run: fromGood('nofts.sqlite', (db) => db.exec('DROP TABLE customer_search')) },
    {
      area: 'backup',
      what: 'restore a backup from a newer version',
      want: 'error',
      run: fromGood('newer.sqlite', (db) => db.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-from-the-future', new Date().toISOString())),
    },
    {
      area: 'backup',
      what: 'restore another program’s SQLite file',
      want: 'error',
      run: make('foreign.sqlite', (f) => {
        const db = new BetterSqlite3(f);
        db.exec('CREATE TABLE t (x)');
        db.close();
      }),
    },
    { area: 'backup', what: 'restore a file that does not exist', want: 'error', run: restore(path.join(dir, 'nope.sqlite')) },
    { area: 'backup', what: 'restore a folder', want: 'error', run: restore(dir) },
    { area: 'backup', what: 'restore the live database itself', want: 'either', run: () => dispatchAnswer(app().core, 'backups.restore', { path: app().core.database().file }) },
  ];
}

function folderCases(app: () => TempCore): BadInput[] {
  const setFolder = (folder: string) => () => dispatchAnswer(app().core, 'settings.update', { backupFolder: folder });
  return [
    { area: 'backup folder', what: 'relative "backups"', want: 'error', run: setFolder('backups') },
    { area: 'backup folder', what: '/proc/nope/backups', want: 'error', run: setFolder('/proc/nope/backups') },
    { area: 'backup folder', what: 'an existing file, not a folder', want: 'error', run: setFolder('/etc/hostname') },
    {
      area: 'backup folder',
      what: 'inside the program folder',
      want: 'error',
      run: async () => {
        // The hosts pass their install folder; the test core has none, so this one is a host's.
        const dataDir = tempDir('tf-rel-install-');
        const probe = path.join(REPO_ROOT, '.tf-reliability-probe');
        const core = await createAppCore({ dataDir, host: 'web', version: 'bench', log: silentLogger, installDir: REPO_ROOT });
        try {
          return await dispatchAnswer(core, 'settings.update', { backupFolder: path.join(probe, 'backups') });
        } finally {
          await core.close();
          rm(probe);
          rm(dataDir);
        }
      },
    },
    {
      area: 'backup folder',
      what: 'a read-only bind mount',
      want: 'error',
      run: async () => {
        const src = tempDir('tf-rel-ro-src-');
        const ro = readOnlyView(src);
        try {
          return await dispatchAnswer(app().core, 'settings.update', { backupFolder: path.join(ro.path, 'backups') });
        } finally {
          ro.unmount();
          rm(src);
        }
      },
    },
    {
      area: 'backup folder',
      what: 'kept, then its disk became read-only: backups.create',
      want: 'error',
      run: async () => {
        // A USB stick whose write switch is flipped after TradeFolio proved it could write there.
        const stick = smallDisk('8m');
        try {
          const set = await app().core.dispatch('settings.update', { backupFolder: stick.path });
          if (!set.ok) return { kind: 'error', error: set.error };
          execFileSync('mount', ['-o', 'remount,ro', stick.path]);
          return await dispatchAnswer(app().core, 'backups.create', {});
        } finally {
          await app().core.dispatch('settings.update', { backupFolder: tempDir('tf-rel-backups-') });
          stick.unmount();
        }
      },
    },
  ];
}

function startCases(): BadInput[] {
  const withFile = (write: (file: string) => void) => async () => {
    const dataDir = tempDir('tf-rel-start-');
    try {
      write(path.join(dataDir, DATABASE_FILE_NAME));
      return await startAnswer(dataDir);
    } finally {
      rm(dataDir);
    }
  };
  return [
    {
      area: 'start',
      what: 'read-only (0444) database file',
      want: 'error',
      run: async () => {
        const dataDir = tempDir('tf-rel-start-');
        try {
          const app = await createTempCore({ dataDir });
          await app.call('customers.create', { name: 'Kept', regionCode: 'EU' });
          await app.close();
          fs.chmodSync(path.join(dataDir, DATABASE_FILE_NAME), 0o444);
          return await startAnswer(dataDir);
        } finally {
          rm(dataDir);
        }
      },
    },
    {
      area: 'start',
      what: 'database from a newer version',
      want: 'error',
      run: async () => {
        const dataDir = tempDir('tf-rel-start-');
        try {
          const app = await createTempCore({ dataDir });
          app.core.database().sqlite.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-from-the-future', new Date().toISOString());
          await app.close();
          return await startAnswer(dataDir);
        } finally {
          rm(dataDir);
        }
      },
    },
    {
      area: 'start',
      what: 'data folder on a read-only disk',
      want: 'error',
      run: async () => {
        const dataDir = tempDir('tf-rel-start-');
        const app = await createTempCore({ dataDir });
        await app.call('customers.create', { name: 'Kept', regionCode: 'EU' });
        await app.close();
        const ro = readOnlyView(dataDir);
        try {
          return await startAnswer(ro.path);
        } finally {
          ro.unmount();
          rm(dataDir);
        }
      },
    },
    { area: 'start', what: 'database file is text', want: 'error', run: withFile((f) => fs.writeFileSync(f, 'not a database '.repeat(500))) },
    { area: 'start', what: 'database file is a folder', want: 'error', run: withFile((f) => fs.mkdirSync(f)) },
    {
      area: 'start',
      what: 'database file corrupt (pages overwritten)',
      want: 'error',
      run: async () => {
        const dataDir = tempDir('tf-rel-start-');
        try {
          const app = await createTempCore({ dataDir });
          for (let i = 0; i < 200; i++) await app.call('customers.create', { name: `C ${i}`, regionCode: 'EU', notes: 'x'.repeat(500) });
          await app.close();
          const file = path.join(dataDir, DATABASE_FILE_NAME);
          const bytes = fs.readFileSync(file);
          for (let i = 4096 * 3; i < bytes.length; i += 61) bytes[i] = 0x00;
          fs.writeFileSync(file, bytes);
          return await startAnswer(dataDir);
        } finally {
          rm(dataDir);
        }
      },
    },
  ];
}

function diskCases(): BadInput[] {
  return [
    {
      area: 'full disk',
      what: 'customers.create on a full disk',
      want: 'error',
      run: async () => {
        const disk = smallDisk('4m');
        let app: TempCore | undefined;
        try {
          app = await createTempCore({ dataDir: path.join(disk.path, 'data') });
          const filler = fillDisk(disk.path);
          try {
            for (let i = 0; i < 2000; i++) {
              const r = await app.core.dispatch('customers.create', { name: `Full ${i}`, regionCode: 'EU', notes: 'n'.repeat(4000) });
              if (!r.ok) return { kind: 'error', error: r.error } as Answer;
            }
            return { kind: 'ok', note: '2,000 creates on a full disk all succeeded' } as Answer;
          } finally {
            filler.free();
          }
        } finally {
          await app?.close();
          disk.unmount();
        }
      },
    },
    {
      area: 'full disk',
      what: 'activities.create (20 kB body) on a full disk',
      want: 'error',
      run: async () => {
        const disk = smallDisk('4m');
        let app: TempCore | undefined;
        try {
          app = await createTempCore({ dataDir: path.join(disk.path, 'data') });
          const c = await app.call('customers.create', { name: 'Full', regionCode: 'EU' });
          const filler = fillDisk(disk.path);
          try {
            for (let i = 0; i < 2000; i++) {
              const r = await app.core.dispatch('activities.create', { customerId: c.id, kind: 'note', body: 'b'.repeat(19_000), occurredAt: Date.now() });
              if (!r.ok) return { kind: 'error', error: r.error } as Answer;
            }
            return { kind: 'ok', note: 'all succeeded' } as Answer;
          } finally {
            filler.free();
          }
        } finally {
          await app?.close();
          disk.unmount();
        }
      },
    },
    {
      area: 'full disk',
      what: 'backups.create into a full backup folder',
      want: 'error',
      run: async () => {
        const disk = smallDisk('2m');
        const app = await createTempCore();
        try {
          for (let i = 0; i < 300; i++) await app.call('customers.create', { name: `B ${i}`, regionCode: 'EU', notes: 'x'.repeat(2000) });
          const set = await app.core.dispatch('settings.update', { backupFolder: disk.path });
          if (!set.ok) return { kind: 'error', error: set.error };
          const filler = fillDisk(disk.path);
          try {
            return await dispatchAnswer(app.core, 'backups.create', {});
          } finally {
            filler.free();
          }
        } finally {
          await app.close();
          rm(app.dataDir);
          disk.unmount();
        }
      },
    },
    {
      area: 'full disk',
      what: 'first start on a full disk',
      want: 'error',
      run: async () => {
        const disk = smallDisk('2m');
        try {
          const filler = fillDisk(disk.path);
          try {
            return await startAnswer(path.join(disk.path, 'data'));
          } finally {
            filler.free();
          }
        } finally {
          disk.unmount();
        }
      },
    },
  ];
}

function mailCases(): BadInput[] {
  const parse = (raw: Buffer, reads?: string) => async (): Promise<Answer> => ({ kind: 'mail', parsed: await parseMail(raw), ...(reads !== undefined ? { reads } : {}) });
  const head = (ct: string, subject = 'Quote') =>
    Buffer.from(`From: li.wei@szminghua.cn\r\nTo: sales@mytrade.cn\r\nSubject: ${subject}\r\nDate: Tue, 02 Jun 2026 08:00:00 +0000\r\nMessage-ID: <m@szminghua.cn>\r\nMIME-Version: 1.0\r\nContent-Type: ${ct}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`, 'latin1');
  const zh = '您好，附件是最新报价，请查收。样品已于本周寄出。';
  const corpus = corpusFile('TRAIN_00001.eml');
  let seed = 11;
  const junk = Buffer.from(
    Array.from({ length: 3000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    }),
  );
  return [
    { area: 'mail file', what: 'empty file', want: 'error', run: parse(Buffer.alloc(0)) },
    { area: 'mail file', what: '3 kB of random bytes', want: 'error', run: parse(junk) },
    { area: 'mail file', what: 'a corpus message cut inside its headers', want: 'error', run: parse(corpus.subarray(0, 60)) },
    { area: 'mail file', what: 'headers, then binary garbage as the body', want: 'either', run: parse(Buffer.concat([head('text/plain; charset=utf-8'), junk])) },
    { area: 'mail file', what: 'multipart with no boundary parameter', want: 'either', run: parse(Buffer.concat([head('multipart/mixed'), Buffer.from(`--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello there\r\n--b1--\r\n`)]), 'hello there') },
    { area: 'mail file', what: 'multipart never terminated', want: 'either', run: parse(Buffer.concat([head('multipart/mixed; boundary="b1"'), Buffer.from(`--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello there\r\n--b1\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut`)]), 'hello there') },
    { area: 'mail file', what: 'no From, no Date', want: 'either', run: parse(Buffer.from('Subject: hi\r\nContent-Type: text/plain\r\n\r\nhello\r\n'), 'hello') },
    { area: 'mail charset', what: 'GBK labelled UTF-8', want: 'either', run: parse(Buffer.concat([head('text/plain; charset=utf-8'), iconv.encode(zh, 'gbk')]), zh) },
    { area: 'mail charset', what: 'GBK labelled ISO-8859-1', want: 'either', run: parse(Buffer.concat([head('text/plain; charset=iso-8859-1'), iconv.encode(zh, 'gbk')]), zh) },
    { area: 'mail charset', what: 'Big5 labelled GB2312', want: 'either', run: parse(Buffer.concat([head('text/plain; charset=gb2312'), iconv.encode('您好，附件是最新報價，請查收。', 'big5')]), '附件是最新報價') },
    { area: 'mail charset', what: 'GBK labelled "x-no-such-charset"', want: 'either', run: parse(Buffer.concat([head('text/plain; charset=x-no-such-charset'), iconv.encode(zh, 'gbk')]), zh) },
    { area: 'mail charset', what: 'UTF-8 labelled GBK', want: 'either', run: parse(Buffer.concat([head('text/plain; charset=gbk'), Buffer.from(zh, 'utf8')]), zh) },
    { area: 'mail charset', what: 'Shift_JIS labelled UTF-8', want: 'either', run: parse(Buffer.concat([head('text/plain; charset=utf-8'), iconv.encode('見積書をお送りします。ご確認ください。', 'shift_jis')]), '見積書をお送りします') },
    { area: 'mail charset', what: 'invalid base64 body', want: 'either', run: parse(Buffer.from(`From: a@b.cn\r\nTo: c@d.cn\r\nSubject: x\r\nDate: Tue, 02 Jun 2026 08:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!not base64 at all ####\r\n`)) },
  ];
}

async function badInputs(): Promise<string[]> {
  const work = tempDir('tf-rel-inputs-');
  const firstBackups = tempDir('tf-rel-backups-');
  let app: TempCore = await createTempCore();
  let customer = '';
  let backup = '';
  const results: Array<{ c: BadInput; v: Verdict }> = [];
  try {
    customer = (await app.call('customers.create', { name: 'Target Trading', regionCode: 'EU' })).id;
    await app.call('settings.update', { backupFolder: firstBackups });
    backup = (await app.call('backups.create', {})).path;
    const cases = [...contractCases(() => app, () => customer), ...backupCases(() => app, () => backup, work), ...folderCases(() => app), ...startCases(), ...diskCases(), ...mailCases()];
    for (const c of cases) {
      let answer: Answer;
      try {
        answer = await c.run();
      } catch (err) {
        answer = err instanceof AppFailure ? { kind: 'error', error: err.error } : { kind: 'thrown', text: err instanceof Error ? err.message : String(err) };
      }
      // A restore that went through replaced the database: keep testing on a fresh one.
      if (c.area === 'backup' && answer.kind === 'ok') {
        await app.close();
        app = await createTempCore();
        customer = (await app.call('customers.create', { name: 'Target Trading', regionCode: 'EU' })).id;
        backup = (await app.call('backups.create', {})).path;
      }
      const v = judge(answer, c.want);
      results.push({ c, v });
      if (!v.clear) console.log(`  (NOT CLEAR: ${c.area} — ${c.what}: ${v.why}; ${v.said})`);
    }
  } finally {
    const settings = await app.core.dispatch('settings.get', {});
    if (settings.ok) rm((settings.value as { backupFolder: string }).backupFolder);
    await app.close();
    rm(app.dataDir);
    rm(path.dirname(backup));
    rm(firstBackups);
    rm(work);
  }
  const clear = results.filter((r) => r.v.clear).length;
  const byArea = new Map<string, { tried: number; clear: number }>();
  for (const r of results) {
    const a = byArea.get(r.c.area) ?? { tried: 0, clear: 0 };
    a.tried++;
    if (r.v.clear) a.clear++;
    byArea.set(r.c.area, a);
  }
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '',
    `### Bad inputs (real dispatcher, parser, files and mounts): ${clear} / ${results.length} answered clearly`,
    'Clear = an i18n key present in both catalogs, not errors.internal, its text (en and zh-CN, parameters',
    "filled) free of SQLite's own words and of unfilled {{parameters}}; or, where the input is merely odd, a",
    'correct result (nothing matched; the mail reads right). Mail files: a damaged or mis-labelled message must',
    'either read right or carry a warning the reader shows.',
    '',
    `| area | clear / tried |`,
    '|---|---|',
    ...[...byArea].map(([area, a]) => `| ${area} | ${a.clear} / ${a.tried} |`),
    '',
  ];
  const unclear = results.filter((r) => !r.v.clear);
  if (unclear.length) {
    lines.push('Not clear (findings):', '', '| area | input | answer | why not clear |', '|---|---|---|---|');
    for (const r of unclear) lines.push(`| ${r.c.area} | ${esc(r.c.what)} | ${esc(r.v.said)} | ${esc(r.v.why)} |`);
    lines.push('');
  }
  lines.push('<details><summary>Every input tried and its answer</summary>', '', '| area | input | answer |', '|---|---|---|');
  for (const r of results) lines.push(`| ${r.c.area} | ${esc(r.c.what)} | ${r.v.clear ? '' : '**NOT CLEAR** '}${esc(r.v.said)} |`);
  lines.push('', '</details>');
  return lines;
}

/* ------------------------------------------------------------------ all */

export async function benchReliability(): Promise<string[]> {
  const parts = new Set((process.env.TF_REL_PARTS ?? 'writes,restore,mail,inputs').split(',').map((s) => s.trim()));
  const started = performance.now();
  const lines = ['', '## Reliability (`npm run bench -- reliability`)'];
  if (parts.has('writes')) lines.push(...(await killDuringWrites(intEnv('TF_REL_WRITE_RUNS', 10))));
  if (parts.has('restore')) lines.push(...(await killDuringRestore(intEnv('TF_REL_RESTORE_RUNS', 3))));
  if (parts.has('mail')) lines.push(...(await killDuringMailSync(intEnv('TF_REL_MAIL_MESSAGES', 2000), intEnv('TF_REL_MAIL_KILLS', 5))));
  if (parts.has('inputs')) lines.push(...(await badInputs()));
  lines.push('', `(reliability bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return lines;
}
