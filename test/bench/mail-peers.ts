import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The peer tools the mail benchmarks run on the same data in the same run (handbook: "Peers in
 * the same run"): mbsync (isync) to fetch from IMAP, `mu index` (maildir-utils) and
 * `notmuch new` to index a Maildir. Each runs as its own process under /usr/bin/time, as
 * TradeFolio's CLI does, so wall time and peak RSS are measured the same way for all.
 */

export const PEER_PACKAGES = 'apt-get install -y --no-install-recommends time isync maildir-utils notmuch';

/** What is missing to run the peers, as a message; null when all is there. */
export function missingPeers(): string | null {
  const missing = ['/usr/bin/time', 'mbsync', 'mu', 'notmuch'].filter((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0);
  return missing.length === 0 ? null : `peer tools missing (${missing.join(', ')}): ${PEER_PACKAGES}`;
}

export interface TimedRun {
  seconds: number;
  peakMb: number;
}

/** Runs a command to completion under /usr/bin/time; throws with its output when it fails. */
export function timed(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): TimedRun {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-time-')), 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', report, command, ...args], {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const [seconds, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { seconds: seconds!, peakMb: kb! / 1024 };
}

/** Two steps one after the other (fetch, then index): their times add, the peak is the larger. */
export function chained(a: TimedRun, b: TimedRun): TimedRun {
  return { seconds: a.seconds + b.seconds, peakMb: Math.max(a.peakMb, b.peakMb) };
}

/** mbsync pulling the server's INBOX into `<maildir>/INBOX` over plain loopback IMAP. */
export function mbsyncPull(server: { port: number; user: string; password: string }, maildir: string): TimedRun {
  const config = path.join(maildir, '..', 'mbsyncrc');
  fs.mkdirSync(maildir, { recursive: true });
  fs.writeFileSync(
    config,
    [
      'IMAPAccount bench',
      'Host 127.0.0.1',
      `Port ${server.port}`,
      `User ${server.user}`,
      `Pass ${server.password}`,
      'SSLType None',
      'AuthMechs LOGIN',
      '',
      'IMAPStore remote',
      'Account bench',
      '',
      'MaildirStore local',
      `Path ${maildir}/`,
      `Inbox ${maildir}/INBOX`,
      '',
      'Channel bench',
      'Far :remote:',
      'Near :local:',
      'Patterns INBOX',
      'Create Near',
      'Sync Pull',
      `SyncState ${path.join(maildir, '..')}/`,
      '',
    ].join('\n'),
  );
  return timed('mbsync', ['-q', '-c', config, 'bench']);
}

/** `mu init` and `mu index` of a Maildir tree, in a fresh mu home. */
export function muIndex(maildir: string): TimedRun {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-mu-'));
  try {
    execFileSync('mu', ['init', '--muhome', home, '--maildir', maildir, '--quiet'], { stdio: 'ignore' });
    return timed('mu', ['index', '--muhome', home, '--quiet']);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** `notmuch new` on a Maildir tree, with a fresh database (in `<maildir>/.notmuch`, removed after). */
export function notmuchNew(maildir: string): TimedRun {
  const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-notmuch-')), 'config');
  fs.writeFileSync(config, `[database]\npath=${maildir}\n[user]\nname=Bench\nprimary_email=bench@mytrade.cn\n[new]\ntags=unread;inbox;\n`);
  try {
    return timed('notmuch', ['new', '--quiet'], { env: { NOTMUCH_CONFIG: config } });
  } finally {
    fs.rmSync(path.dirname(config), { recursive: true, force: true });
    fs.rmSync(path.join(maildir, '.notmuch'), { recursive: true, force: true });
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
