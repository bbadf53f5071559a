import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../../electron/services/core/app-core.ts';
import { benchDataDir, fmt, stats } from './bench-kit.ts';

/**
 * `npm run bench -- cli`: whole CLI processes, end to end (spawn to exit), as a script calling
 * `npm run cli` in a loop sees them (less npm's own ~0.3 s), on a 100k-customer data folder.
 * Issue 11 point 16's target: a read call in < 0.3 s. Also timed: a bare `node -e 0` (the floor
 * no CLI can go below on this machine), the first run with an empty compile cache, and the same
 * CLI entered through cli.main.ts, which has no compile cache — what start-up costs without it.
 */

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(REPO_ROOT, 'electron', 'cli', 'cli.mjs');
const CLI_UNCACHED = path.join(REPO_ROOT, 'electron', 'cli', 'cli.main.ts');
const TARGET_MS = 300;

function timeRun(args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const res = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 });
  const ms = performance.now() - started;
  if (res.status !== 0) throw new Error(`${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return ms;
}

function sample(runs: number, args: readonly string[]): number[] {
  timeRun(args); // fills the compile cache and the database's pages in the OS cache
  return Array.from({ length: runs }, () => timeRun(args));
}

export async function benchCliStartup(runs = 20): Promise<string[]> {
  // A private copy: the CLI migrates and writes the WAL of the folder it opens, and the seeded
  // folder is shared with the other benches (and with whatever migrations a checkout has).
  const seeded = await benchDataDir(100_000, 10);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-bench-cli-'));
  fs.copyFileSync(path.join(seeded, DATABASE_FILE_NAME), path.join(dataDir, DATABASE_FILE_NAME));
  try {
    return runAll(dataDir, runs);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function runAll(dataDir: string, runs: number): string[] {
  const lines = [`- CLI process end to end on 100,000 customers (${runs} runs each after one warm-up; load average at start ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores):`];
  const floor = stats(sample(runs, ['-e', '0']));
  lines.push(`    - node -e 0 (process start, the floor): ${fmt(floor)}`);

  const commands: [string, string[]][] = [
    ['call app.getInfo', ['call', 'app.getInfo']],
    ['call customers.list (first 50)', ['call', 'customers.list', '{"limit":50}']],
    ['customers list --search lighting', ['customers', 'list', '--search', 'lighting', '--limit', '20']],
  ];
  const reads: number[] = [];
  for (const [name, args] of commands) {
    const samples = sample(runs, [CLI, '--data-dir', dataDir, ...args]);
    reads.push(...samples);
    lines.push(`    - ${name}: ${fmt(stats(samples))}`);
  }
  const all = stats(reads);
  lines.push(`    - all reads: ${fmt(all)}; target p95 < ${TARGET_MS} ms: ${all.p95 < TARGET_MS ? 'MET' : 'NOT MET'}`);

  const coldCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-bench-compile-cache-'));
  try {
    const cold = timeRun([CLI, '--data-dir', dataDir, 'call', 'app.getInfo'], { ...process.env, NODE_COMPILE_CACHE: coldCache });
    lines.push(`    - call app.getInfo, first run with an empty compile cache: ${cold.toFixed(0)} ms`);
  } finally {
    fs.rmSync(coldCache, { recursive: true, force: true });
  }
  const uncached = stats(sample(Math.min(runs, 10), [CLI_UNCACHED, '--data-dir', dataDir, 'call', 'app.getInfo']));
  lines.push(`    - call app.getInfo through cli.main.ts (no compile cache): ${fmt(uncached)}`);
  return lines;
}
