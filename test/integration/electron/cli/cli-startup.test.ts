import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../helpers/web-app.ts';

/**
 * What a CLI process loads, seen from inside a real `npm run cli` process (electron/cli/cli.mjs):
 * a module hook records every module, and process.moduleLoadList shows whether Node's
 * TypeScript stripper was needed. A run is mostly start-up, so what it loads is what it costs.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

const work = tempDir('tradefolio-cli-startup-');
const HOOK = path.join(work, 'record-loads.mjs');
fs.writeFileSync(
  HOOK,
  `import fs from 'node:fs';
import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
process.on('exit', () => {
  const stripper = process.moduleLoadList.some((m) => m.includes('amaro'));
  fs.writeFileSync(process.env.TF_LOADED_LOG, JSON.stringify({ loaded, stripper }));
});
`,
);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  loaded: string[];
  stripper: boolean;
}

function runCli(args: readonly string[], compileCache: string): Run {
  const log = path.join(work, `loaded-${made.length}-${Math.random().toString(36).slice(2)}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, TF_LOADED_LOG: log, NODE_COMPILE_CACHE: compileCache };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const res = spawnSync(process.execPath, ['--import', HOOK, path.join(REPO_ROOT, 'electron/cli/cli.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env, timeout: 60_000 });
  const { loaded, stripper } = JSON.parse(fs.readFileSync(log, 'utf8')) as { loaded: string[]; stripper: boolean };
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, loaded, stripper };
}

const MAIL_CODE = /node_modules\/(imapflow|nodemailer|mailparser|html-to-text|libmime)\/|electron\/services\/mail\/(?:(?:send|sync|store)\/)?(mail\.service|send\.service|outbox-worker|imap-sync|mail-parse|smtp-client)\.ts$/;

describe('cli start-up', () => {
  const dataDir = tempDir('tradefolio-cli-startup-data-');

  it('answers a read without loading any mail code or mail library', () => {
    const run = runCli(['--data-dir', dataDir, 'call', 'customers.list', '{"limit":5}'], tempDir('tradefolio-compile-cache-'));
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, value: { total: 0 } });
    expect(run.loaded.some((url) => url.includes('/node_modules/kysely/'))).toBe(true);
    expect(run.loaded.filter((url) => MAIL_CODE.test(url))).toEqual([]);
  });

  it('loads the mail code for a mail call, and answers it', () => {
    const run = runCli(['--data-dir', dataDir, 'call', 'mail.listAccounts'], tempDir('tradefolio-compile-cache-'));
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, value: [] });
    expect(run.loaded.some((url) => url.endsWith('electron/services/mail/mail.service.ts'))).toBe(true);
    expect(run.loaded.some((url) => url.endsWith('electron/services/mail/send/send.service.ts'))).toBe(true);
  });

  it('keeps compiled modules in the compile cache, so a second run needs no TypeScript stripping', () => {
    const cache = tempDir('tradefolio-compile-cache-');
    const first = runCli(['--data-dir', dataDir, 'info'], cache);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stripper).toBe(true);
    expect(fs.readdirSync(cache).length).toBeGreaterThan(0);

    const second = runCli(['--data-dir', dataDir, 'info'], cache);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stripper).toBe(false);
  });

  it('answers help before loading the core and the contract', () => {
    const run = runCli(['help'], tempDir('tradefolio-compile-cache-'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run cli');
    expect(run.loaded.filter((url) => /node_modules\/(kysely|zod)\/|app-core\.ts$|contract\.ts$/.test(url))).toEqual([]);
  });
});
