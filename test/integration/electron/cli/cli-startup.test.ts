import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBundleStamp, REPO_CLI_BUNDLE } from '../../../../electron/cli/cli-bundle.ts';
import { REPO_ROOT } from '../../../helpers/web-app.ts';

/**
 * What a CLI process loads, seen from inside a real `npm run cli` process (electron/cli/cli.mjs):
 * a module hook records every module, and process.moduleLoadList shows whether Node's
 * TypeScript stripper was needed. A run is mostly start-up, so what it loads is what it costs.
 * The CLI runs its bundle (dist/cli, built by the first run here when stale): each chunk it
 * loads stands for the modules the build put in it, so the checks below read the same whether a
 * run took its code from the bundle or from the sources.
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
  /** Repository-relative paths of the modules the run loaded (node_modules/… included). */
  loaded: string[];
  /** How many chunks of the bundle it loaded. */
  chunks: number;
  stripper: boolean;
}

/** A loaded URL as the modules it stands for: a bundle chunk's, or the file itself. */
function modulesOf(url: string): string[] {
  if (!url.startsWith('file:')) return [url];
  const file = fileURLToPath(url);
  if (path.dirname(file) === REPO_CLI_BUNDLE.outDir) {
    const modules = cliBundleStamp()?.chunks[path.basename(file)];
    if (!modules) throw new Error(`${file} is not in dist/cli/build-stamp.json`);
    return modules;
  }
  return [path.relative(REPO_ROOT, file).split(path.sep).join('/')];
}

function runCli(args: readonly string[], compileCache: string): Run {
  const log = path.join(work, `loaded-${made.length}-${Math.random().toString(36).slice(2)}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, TF_LOADED_LOG: log, NODE_COMPILE_CACHE: compileCache };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const res = spawnSync(process.execPath, ['--import', HOOK, path.join(REPO_ROOT, 'electron/cli/cli.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env, timeout: 60_000 });
  const { loaded, stripper } = JSON.parse(fs.readFileSync(log, 'utf8')) as { loaded: string[]; stripper: boolean };
  const chunks = loaded.filter((url) => url.startsWith('file:') && path.dirname(fileURLToPath(url)) === REPO_CLI_BUNDLE.outDir).length;
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, loaded: loaded.flatMap(modulesOf), chunks, stripper };
}

const MAIL_CODE = /node_modules\/(imapflow|nodemailer|mailparser|html-to-text|libmime)\/|electron\/services\/mail\/(?:(?:send|sync|store)\/)?(mail\.service|send\.service|outbox-worker|imap-sync|mail-parse|smtp-client)\.ts$/;
/** The quote documents' writers (~0.25 s to load): only an export of a quote needs them. */
const DOCUMENT_WRITERS = /node_modules\/(pdfkit|fontkit|exceljs)\//;
/** Both languages' message catalogs: only a run that prints a message needs them. */
const I18N_CATALOGS = /^shared\/i18n\//;

describe('cli start-up', () => {
  const dataDir = tempDir('tradefolio-cli-startup-data-');

  it('answers a read from the bundle without loading mail code, a mail library or the message catalogs', () => {
    const run = runCli(['--data-dir', dataDir, 'call', 'customers.list', '{"limit":5}'], tempDir('tradefolio-compile-cache-'));
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, value: { total: 0 } });
    // From the bundle: a handful of chunks, not hundreds of modules one by one.
    expect(run.chunks).toBeGreaterThan(0);
    expect(run.loaded).toContain('electron/services/customers/customer.service.ts');
    expect(run.loaded.some((m) => m.startsWith('node_modules/kysely/'))).toBe(true);
    expect(run.loaded.filter((m) => MAIL_CODE.test(m))).toEqual([]);
    expect(run.loaded.filter((m) => I18N_CATALOGS.test(m))).toEqual([]);
    expect(run.loaded.filter((m) => DOCUMENT_WRITERS.test(m))).toEqual([]);
  });

  it('opens a current database without going to Kysely\'s Migrator', () => {
    // openDatabase imports 'kysely/migration' (this module) only to migrate; the Migrator class
    // itself may share a bundle chunk with parts of Kysely every run needs.
    const MIGRATION_ENTRY = 'node_modules/kysely/dist/migration/index.js';
    const folder = tempDir('tradefolio-cli-startup-data-');
    const cache = tempDir('tradefolio-compile-cache-');
    const first = runCli(['--data-dir', folder, 'call', 'app.getInfo'], cache);
    expect(first.status, first.stderr).toBe(0);
    // A new folder is migrated once…
    expect(first.loaded).toContain(MIGRATION_ENTRY);
    // …and a run on it afterwards has nothing to migrate.
    const second = runCli(['--data-dir', folder, 'call', 'customers.list', '{"limit":5}'], cache);
    expect(second.status, second.stderr).toBe(0);
    expect(second.loaded).not.toContain(MIGRATION_ENTRY);
  });

  it('loads the message catalogs when it has a message to print', () => {
    const run = runCli(['--data-dir', dataDir, 'call', 'customers.get', '{"id":"no-such-customer"}'], tempDir('tradefolio-compile-cache-'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: notFound (errors.customerNotFound): The customer was not found');
    expect(run.loaded).toContain('shared/i18n/en/errors.ts');
  });

  it('loads the mail code for a mail call, and answers it', () => {
    const run = runCli(['--data-dir', dataDir, 'call', 'mail.listAccounts'], tempDir('tradefolio-compile-cache-'));
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, value: [] });
    expect(run.loaded).toContain('electron/services/mail/mail.service.ts');
    expect(run.loaded).toContain('electron/services/mail/send/send.service.ts');
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
    expect(run.loaded.filter((m) => /node_modules\/(kysely|zod)\/|app-core\.ts$|contract\.ts$|^shared\/i18n\//.test(m))).toEqual([]);
  });
});
