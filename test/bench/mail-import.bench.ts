import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../../electron/services/core/app-core.ts';
import { corpusMessages, MboxWriter, withMessageId, writeEmlTree, writeMaildir } from '../helpers/mail-archives.ts';
import { tempDir } from '../helpers/temp-core.ts';
import { median, missingPeers, muIndex, notmuchNew, timed, type TimedRun } from './mail-peers.ts';

/**
 * Archive import (issue 12 point 7a): TradeFolio's CLI `import mail` (read, parse, store, thread,
 * file to customers, index for search) of the corpus as a folder of .eml, an mbox and a Maildir,
 * against `mu index` and `notmuch new` on the same messages as a Maildir (neither reads an
 * mbox), each a process of its own under /usr/bin/time, in interleaved rounds; then the same at
 * 100,000 messages (corpus copies with fresh Message-IDs), one round.
 */

const CLI = path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'cli.mjs');

function importByCli(work: string, source: string, expected: number): TimedRun {
  const dataDir = path.join(work, 'tf-data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const run = timed(process.execPath, [CLI, '--data-dir', dataDir, 'import', 'mail', source]);
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  // The corpus holds some messages twice (same bytes, or same Message-ID, date and sender): those are counted as duplicates.
  const read = db.prepare("SELECT imported + duplicates FROM import_batches WHERE status = 'done'").pluck().get() as number | undefined;
  db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (read !== expected) throw new Error(`TradeFolio read ${read ?? 0} of ${expected} messages from ${source}`);
  return run;
}

interface Archives {
  count: number;
  bytes: number;
  eml: string;
  mbox: string;
  maildir: string;
}

function writeArchives(dir: string, messages: readonly Buffer[], withEml: boolean): Archives {
  fs.mkdirSync(dir, { recursive: true });
  const mbox = path.join(dir, 'archive.mbox');
  const writer = new MboxWriter(mbox, { variant: 'mboxrd' });
  for (const raw of messages) writer.write(raw);
  writer.close();
  writeMaildir(path.join(dir, 'Maildir'), messages);
  if (withEml) writeEmlTree(path.join(dir, 'eml'), messages);
  return { count: messages.length, bytes: messages.reduce((n, m) => n + m.length, 0), eml: path.join(dir, 'eml'), mbox, maildir: path.join(dir, 'Maildir') };
}

function summary(name: string, count: number, runs: readonly TimedRun[]): string {
  const s = median(runs.map((r) => r.seconds));
  return `${name}: ${(count / s).toFixed(0)} msg/s (median ${s.toFixed(1)} s of ${runs.map((r) => r.seconds.toFixed(1)).join(', ')}); peak RSS ${Math.max(...runs.map((r) => r.peakMb)).toFixed(0)} MB`;
}

function compare(archives: Archives, rounds: number, formats: ReadonlyArray<'eml' | 'mbox' | 'maildir'>, work: string): string[] {
  const ours = new Map(formats.map((f) => [f, [] as TimedRun[]]));
  const mu: TimedRun[] = [];
  const notmuch: TimedRun[] = [];
  const steps: Array<() => void> = [
    ...formats.map((f) => () => void ours.get(f)!.push(importByCli(work, archives[f], archives.count))),
    () => void mu.push(muIndex(archives.maildir)),
    () => void notmuch.push(notmuchNew(archives.maildir)),
  ];
  for (let r = 0; r < rounds; r++) for (const step of r % 2 === 0 ? steps : [...steps].reverse()) step();
  const rate = (runs: readonly TimedRun[]) => archives.count / median(runs.map((x) => x.seconds));
  const lines = [...formats.map((f) => `  - TradeFolio import of the ${f}: ${summary('', archives.count, ours.get(f)!).slice(2)}`)];
  lines.push(`  - mu index (Maildir): ${summary('', archives.count, mu).slice(2)}`);
  lines.push(`  - notmuch new (Maildir): ${summary('', archives.count, notmuch).slice(2)}`);
  for (const f of formats) {
    const r = rate(ours.get(f)!);
    lines.push(`  - ratio for the ${f}: ${(r / rate(mu)).toFixed(2)}× mu, ${(r / rate(notmuch)).toFixed(2)}× notmuch (target faster than both, aiming at 2× mu: ${r > rate(mu) && r > rate(notmuch) ? 'MET' : 'NOT MET'}); peak under 300 MB: ${Math.max(...ours.get(f)!.map((x) => x.peakMb)) < 300 ? 'MET' : 'NOT MET'}`);
  }
  return lines;
}

export async function benchMailImport(options: { rounds?: number; copies?: number } = {}): Promise<string[]> {
  const missing = missingPeers();
  if (missing) return [`- archive import: NOT RUN — ${missing}`];
  const work = tempDir('tf-bench-import-');
  try {
    // Builds the CLI bundle if it is stale, outside the timed runs.
    execFileSync(process.execPath, [CLI, 'help'], { stdio: 'ignore' });
    const corpus = corpusMessages().map((m) => m.raw);
    const small = writeArchives(path.join(work, 'corpus'), corpus, true);
    const lines = [
      `- the CSDMC2010 corpus, ${small.count.toLocaleString('en')} messages (${(small.bytes / 2 ** 20).toFixed(0)} MiB), ${options.rounds ?? 3} interleaved rounds:`,
      ...compare(small, options.rounds ?? 3, ['eml', 'mbox', 'maildir'], work),
    ];
    fs.rmSync(path.join(work, 'corpus'), { recursive: true, force: true });
    const copies = options.copies ?? 100_000;
    if (copies > 0) {
      const big = Array.from({ length: copies }, (_, i) => withMessageId(corpus[i % corpus.length]!, `copy-${i}@bench.tradefolio`));
      const large = writeArchives(path.join(work, 'large'), big, false);
      big.length = 0;
      lines.push(`- ${copies.toLocaleString('en')} messages (corpus copies with fresh Message-IDs, ${(large.bytes / 2 ** 20).toFixed(0)} MiB), one round:`);
      lines.push(...compare(large, 1, ['mbox', 'maildir'], work));
    }
    return lines;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
