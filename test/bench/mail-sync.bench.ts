import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createAppCore, DATABASE_FILE_NAME, type AppCore } from '../../electron/services/core/app-core.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import { startDovecot } from '../helpers/mail-servers.ts';
import { CORPUS_DIR, rfc822, unlabelledLegacy, withAttachment } from '../helpers/mail-test-kit.ts';
import { fmt, peakRss, stats } from './bench-kit.ts';
import { chained, mbsyncPull, median, missingPeers, muIndex, notmuchNew, timed, type TimedRun } from './mail-peers.ts';

const USER = 'bench@mytrade.cn';
const PASSWORD = 'bench-secret';
const TOTAL = 10_000;
const DAY = 86_400_000;

const BUYERS = ['anna@hamburg-trade.de', 'li.wei@szminghua.cn', 'john@atlas-lighting.com', 'maria@iberia-import.es', 'kenji@osaka-shoji.jp', 'sales@dubai-gulf.ae'];
const SUBJECTS_ZH = ['报价单 LED 面板灯', '样品寄送确认', '关于付款条件', '订单 PO-2291 交期', '广交会后续跟进', '质检报告与装箱单'];
const SUBJECTS_EN = ['Quotation for LED panels', 'Sample shipment tracking', 'Payment terms', 'PO 2291 delivery date', 'Canton Fair follow-up', 'Inspection report and packing list'];
const BODY_ZH = '您好，附件是最新报价，请查收。样品已于本周寄出，快递单号稍后发您。如有问题请随时联系。\n';
const BODY_EN = 'Dear partner, please find our latest quotation attached. Samples were shipped this week; tracking follows. Best regards.\n';

/**
 * The benchmark mailbox: every message of the CSDMC2010 corpus (real mail nobody here wrote,
 * all shapes and charsets) topped up with generated trade mail — Chinese and English, some in
 * unlabelled GBK, one in ten with a PDF — spread over two years.
 */
export function benchMessages(now: number): Buffer[] {
  const corpus = fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => fs.readFileSync(path.join(CORPUS_DIR, f)));
  const out: Buffer[] = corpus.slice(0, TOTAL);
  const pdf: Buffer = crypto.randomBytes(60_000);
  for (let i = out.length; i < TOTAL; i++) {
    const zh = i % 2 === 0;
    const spec = {
      from: BUYERS[i % BUYERS.length]!,
      to: USER,
      subject: `${(zh ? SUBJECTS_ZH : SUBJECTS_EN)[i % 6]} #${i}`,
      body: (zh ? BODY_ZH : BODY_EN).repeat(1 + (i % 5)),
      messageId: `bench-${i}@mytrade.cn`,
      date: new Date(now - (i % 730) * DAY - i * 1000),
    };
    if (i % 10 === 0) out.push(withAttachment({ ...spec, filename: `PI-${i}.pdf`, content: pdf }));
    else if (i % 17 === 0) out.push(unlabelledLegacy('gbk', { ...spec, subject: SUBJECTS_ZH[i % 6]!, body: BODY_ZH }));
    else out.push(rfc822(spec));
  }
  return out;
}

/**
 * Puts the messages into the user's INBOX on the server: written as a Maildir, then imported by
 * Dovecot's own `doveadm import` (10,000 IMAP APPENDs would take longer and measure nothing of ours).
 */
function fillInbox(dovecotDir: string, messages: readonly Buffer[]): number {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-bench-maildir-'));
  try {
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(src, sub), { mode: 0o777 });
    let bytes = 0;
    messages.forEach((raw, i) => {
      bytes += raw.length;
      fs.writeFileSync(path.join(src, 'cur', `${1_700_000_000 + i}.M${i}P1.bench:2,${i % 3 === 0 ? '' : 'S'}`), raw, { mode: 0o644 });
    });
    // doveadm runs as the mail user and takes a lock file in the source folder.
    for (const dir of [src, ...['cur', 'new', 'tmp'].map((s) => path.join(src, s))]) fs.chmodSync(dir, 0o777);
    execFileSync('doveadm', ['-c', path.join(dovecotDir, 'dovecot.conf'), 'import', '-u', USER, `maildir:${src}`, '', 'all'], { stdio: 'inherit' });
    return bytes;
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
  }
}

/** The benchmark's account on the loopback Dovecot, all mail (no sync window); returns its id. */
async function addBenchAccount(core: AppCore, imapPort: number): Promise<string> {
  const added = await core.dispatch('mail.addAccount', {
    name: 'Bench',
    email: USER,
    imap: { host: '127.0.0.1', port: imapPort, security: 'none', user: USER },
    smtp: { host: '127.0.0.1', port: imapPort, security: 'none', user: USER },
    password: PASSWORD,
    syncWindowDays: null,
  });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  return (added.value as { id: string }).id;
}

/**
 * Initial sync of 10,000 messages from the loopback Dovecot (messages/s, peak memory of this
 * process, which runs the sync as the app does), then incremental syncs with nothing new.
 */
export async function benchMailSync(): Promise<string[]> {
  const dovecot = await startDovecot({ users: [{ user: USER, password: PASSWORD }], mailboxFormat: 'sdbox' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-bench-sync-'));
  const fillStart = performance.now();
  const bytes = fillInbox(dovecot.dir, benchMessages(Date.now()));
  console.log(`  (server mailbox filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s)`);
  const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', log: silentLogger });
  try {
    const accountId = await addBenchAccount(core, dovecot.imapPort);
    const mail = core.mail();
    const mem = peakRss();
    // While the sync runs, the UI keeps asking for the customer list: how long do its answers take?
    const during: number[] = [];
    let syncing = true;
    const probe = (async () => {
      while (syncing) {
        const t = performance.now();
        await core.dispatch('customers.list', { limit: 200 });
        during.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const t0 = performance.now();
    const report = await mail.runSync(accountId);
    const seconds = (performance.now() - t0) / 1000;
    syncing = false;
    await probe;
    const peak = mem.stop();
    const inbox = report?.folders.find((f) => f.specialUse === 'inbox');
    if (!inbox || inbox.localCount !== TOTAL) throw new Error(`initial sync stored ${inbox?.localCount ?? 0} of ${TOTAL} messages`);

    const incremental: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      const r = await mail.runSync(accountId);
      incremental.push(performance.now() - t);
      if (!r || r.folders.some((f) => f.added > 0 || f.removed > 0)) throw new Error('an incremental sync with nothing new changed something');
    }
    const inc = stats(incremental);
    return [
      `- initial sync of ${TOTAL.toLocaleString('en')} messages (${(bytes / 2 ** 20).toFixed(0)} MiB; CSDMC2010 corpus + generated zh/en trade mail, 10 % with a 60 KB PDF) from loopback Dovecot: ${seconds.toFixed(1)} s = ${(TOTAL / seconds).toFixed(0)} messages/s; peak RSS ${peak.toFixed(0)} MB`,
      `- customers.list answered during the initial sync (the UI stays responsive): ${fmt(stats(during))}`,
      `- incremental sync with nothing new (6 folders, ${TOTAL.toLocaleString('en')} messages in the Inbox): ${fmt(inc)}; target < 300 ms: ${inc.p95 < 300 ? 'MET' : 'NOT MET'}`,
    ];
  } finally {
    await core.close();
    await dovecot.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Initial sync of the same 10,000 messages by TradeFolio's CLI (`mail sync`: fetch, parse,
 * store, thread, file, index for search) and by mbsync + `mu index` / mbsync + `notmuch new`,
 * each a fresh copy, in interleaved rounds (the order alternates), every one a process of its
 * own under /usr/bin/time: wall time end to end and peak RSS. Issue 12 point 7b.
 */
export async function benchSyncAgainstPeers(rounds = 3): Promise<string[]> {
  const missing = missingPeers();
  if (missing) return [`- sync against peers: NOT RUN — ${missing}`];
  const dovecot = await startDovecot({ users: [{ user: USER, password: PASSWORD }], mailboxFormat: 'sdbox' });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-bench-peers-'));
  try {
    const bytes = fillInbox(dovecot.dir, benchMessages(Date.now()));
    const template = path.join(work, 'template');
    fs.mkdirSync(template);
    const core = await createAppCore({ dataDir: template, host: 'cli', version: 'bench', log: silentLogger });
    const accountId = await addBenchAccount(core, dovecot.imapPort).finally(() => core.close());
    const cli = path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'cli.mjs');
    // Builds the CLI bundle if it is stale, outside the timed runs.
    execFileSync(process.execPath, [cli, 'help'], { stdio: 'ignore' });

    const ours: TimedRun[] = [];
    const withMu: TimedRun[] = [];
    const withNotmuch: TimedRun[] = [];
    const runOurs = () => {
      const dataDir = path.join(work, 'tf');
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.cpSync(template, dataDir, { recursive: true });
      ours.push(timed(process.execPath, [cli, '--data-dir', dataDir, 'mail', 'sync', '--account', accountId], { env: { TRADEFOLIO_MAIL_PASSWORD: PASSWORD } }));
      const stored = storedMessages(dataDir);
      if (stored !== TOTAL) throw new Error(`TradeFolio stored ${stored} of ${TOTAL} messages`);
    };
    const runPeers = () => {
      const maildir = path.join(work, 'peer', 'Mail');
      fs.rmSync(path.dirname(maildir), { recursive: true, force: true });
      const fetch = mbsyncPull({ port: dovecot.imapPort, user: USER, password: PASSWORD }, maildir);
      const got = ['cur', 'new'].reduce((n, sub) => n + fs.readdirSync(path.join(maildir, 'INBOX', sub)).length, 0);
      if (got !== TOTAL) throw new Error(`mbsync fetched ${got} of ${TOTAL} messages`);
      withMu.push(chained(fetch, muIndex(maildir)));
      withNotmuch.push(chained(fetch, notmuchNew(maildir)));
    };
    for (let r = 0; r < rounds; r++) {
      for (const run of r % 2 === 0 ? [runOurs, runPeers] : [runPeers, runOurs]) run();
    }
    const rate = (runs: TimedRun[]) => TOTAL / median(runs.map((x) => x.seconds));
    const peak = (runs: TimedRun[]) => Math.max(...runs.map((x) => x.peakMb));
    const line = (name: string, runs: TimedRun[]) =>
      `${name}: median ${median(runs.map((x) => x.seconds)).toFixed(1)} s = ${rate(runs).toFixed(0)} messages/s (runs ${runs.map((x) => x.seconds.toFixed(1)).join(', ')} s); peak RSS ${peak(runs).toFixed(0)} MB`;
    return [
      `- initial sync of ${TOTAL.toLocaleString('en')} messages (${(bytes / 2 ** 20).toFixed(0)} MiB) from loopback Dovecot, each tool a process of its own, ${rounds} interleaved rounds:`,
      `  - TradeFolio CLI \`mail sync\` (fetch, parse, store, thread, file to customers, search index): ${line('', ours).slice(2)}`,
      `  - mbsync + mu index: ${line('', withMu).slice(2)}`,
      `  - mbsync + notmuch new: ${line('', withNotmuch).slice(2)}`,
      `  - ratio (TradeFolio's rate ÷ peer's): ${(rate(ours) / rate(withMu)).toFixed(2)}× mbsync + mu, ${(rate(ours) / rate(withNotmuch)).toFixed(2)}× mbsync + notmuch; target faster than mbsync + mu: ${rate(ours) > rate(withMu) ? 'MET' : 'NOT MET'}; peak under 300 MB: ${peak(ours) < 300 ? 'MET' : 'NOT MET'}`,
    ];
  } finally {
    await dovecot.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function storedMessages(dataDir: string): number {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM mail_messages').pluck().get() as number;
  } finally {
    db.close();
  }
}
