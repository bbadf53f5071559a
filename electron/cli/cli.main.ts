import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallKey } from '../../shared/contract/contract.ts';
import type { AppError, MessageParams, Result } from '../../shared/contract/result.ts';
import type { AppCore } from '../services/core/app-core.ts';
import { readAppVersion, REPO_ROOT } from '../hosts/app-package.ts';
import { faultPointFromEnv } from '../hosts/fault-points.ts';
import { defaultDataDir, flagValue, resolveDataDir, UsageError, withoutFlag } from '../hosts/data-dir.ts';
import { stderrLogger } from '../hosts/stderr-logger.ts';
import { formatTable } from './text-table.ts';
import { day, intFlag, onlyFlags, typedCwd } from './cli-args.ts';
import { QUOTE_LIST_USAGE, runQuoteList } from './cli-quote-list.ts';
import { IMPORT_USAGE, runImportCommand } from './cli-import.ts';
import { EXPORT_USAGE, runExportCommand } from './cli-export.ts';
import { PRODUCTS_USAGE, runProductCommand } from './cli-products.ts';
import { QUOTES_USAGE, runQuoteDocumentCommand } from './cli-quotes.ts';
import { giveRunPassword, PASSWORD_OPTIONS_HINT, PASSWORD_STDIN_FLAG, PASSWORD_USAGE } from './cli-password.ts';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: npm run cli -- [--data-dir <dir>] [--verbose] <command>

Commands:
  info                              the data folder, database and schema version
  call <contract-key> [json-input]  any contract call; prints the JSON result
                                    (json-input "-" reads the input from stdin)
  customers list [--search <text>] [--limit <n>]
  mail sync [--account <id>] [--password-stdin]
                                    sync mail accounts now and wait; prints per-folder counts
${PASSWORD_USAGE}
${IMPORT_USAGE}
${EXPORT_USAGE}
${PRODUCTS_USAGE}
${QUOTE_LIST_USAGE}
${QUOTES_USAGE}
  backup now                        write a backup into the backup folder
  backup list                       the backups, newest first
  backup restore <file>             verify <file>, then replace the database with it
  help                              this text

The data folder is --data-dir, else $TRADEFOLIO_DATA_DIR, else the OS app-data folder.
Exit codes: 0 done, 1 the call failed, 2 usage error.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  stdin(): Promise<string>;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

class CallFailed extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

/**
 * The messages in the user's language. Loaded only when a message must be printed: the catalogs
 * of both languages are ~30 modules that a successful run never needs.
 */
async function translation(env: Readonly<Record<string, string | undefined>>) {
  const { describeFailure, pickLanguage, systemLocale, translate } = await import('../hosts/translate.ts');
  const language = pickLanguage(systemLocale(env));
  return {
    describeFailure: (err: unknown, databaseFile: string) => describeFailure(language, err, databaseFile),
    translate: (key: string, params?: MessageParams) => translate(language, key, params),
  };
}

/** Prints a failed call: its code and message key (stable, for scripts) and the text (for people). */
async function reportError(io: CliIo, env: Readonly<Record<string, string | undefined>>, error: AppError): Promise<void> {
  const { translate } = await translation(env);
  io.err(`error: ${error.code} (${error.message}): ${translate(error.message, error.params)}`);
  for (const fe of error.fieldErrors ?? []) {
    io.err(`  ${fe.path || '(input)'}: ${fe.message}: ${translate(fe.message, { field: fe.path || 'input', ...fe.params })}`);
  }
}

function isCallKey(keys: readonly CallKey[], key: string): key is CallKey {
  return (keys as readonly string[]).includes(key);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

interface Session {
  core: AppCore;
  io: CliIo;
  env: Readonly<Record<string, string | undefined>>;
  /** The contract's keys (the contract is loaded with the core, not with this file). */
  callKeys: readonly CallKey[];
  call(key: CallKey, input: unknown): Promise<unknown>;
}

async function runCommand(session: Session, words: readonly string[]): Promise<number> {
  const { io, core } = session;
  const [command, sub, ...rest] = words;
  switch (command) {
    case 'info': {
      onlyFlags(words.slice(1), [], 0);
      const info = (await session.call('app.getInfo', {})) as Record<string, unknown>;
      for (const [k, v] of Object.entries(info)) io.out(`${k.padEnd(14)} ${String(v)}`);
      return EXIT_OK;
    }
    case 'call': {
      const args = onlyFlags(words.slice(1), [], 2);
      const key = args[0];
      if (key === undefined) throw new UsageError('call needs a contract key, e.g. `call customers.list \'{"search":"berlin"}\'`');
      if (!isCallKey(session.callKeys, key)) throw new UsageError(`unknown contract key "${key}"; known keys: ${session.callKeys.join(', ')}`);
      let text = args[1] ?? '{}';
      if (text === '-') text = await io.stdin();
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (err) {
        throw new UsageError(`the input for ${key} is not valid JSON (${err instanceof Error ? err.message : String(err)}): ${text.slice(0, 200)}`);
      }
      const result = await core.dispatch(key, input);
      io.out(JSON.stringify(result, null, 2));
      if (!result.ok) {
        await reportError(io, session.env, result.error);
        return EXIT_ERROR;
      }
      return EXIT_OK;
    }
    case 'customers': {
      if (sub !== 'list') throw new UsageError(`unknown command "customers ${sub ?? ''}"; try \`customers list\``);
      onlyFlags(rest, ['--search', '--limit'], 0);
      const limit = intFlag(rest, '--limit', 1, 1000) ?? 50;
      const search = flagValue(rest, '--search') ?? '';
      const page = (await session.call('customers.list', { search, limit })) as {
        total: number;
        rows: {
          code: string;
          name: string;
          localName: string | null;
          country: string | null;
          grade: string;
          stage: string;
          ownerName: string | null;
          lastContactedAt: number | null;
        }[];
      };
      io.out(
        formatTable(
          ['CODE', 'NAME', 'COUNTRY', 'GRADE', 'STAGE', 'OWNER', 'LAST CONTACT'],
          page.rows.map((r) => [
            r.code,
            r.localName ? `${r.name} (${r.localName})` : r.name,
            r.country ?? '-',
            r.grade,
            r.stage,
            r.ownerName ?? '-',
            day(r.lastContactedAt),
          ]),
        ),
      );
      io.err(`${page.rows.length} of ${page.total} customers`);
      return EXIT_OK;
    }
    case 'backup': {
      if (sub === 'now') {
        onlyFlags(rest, [], 0);
        const entry = (await session.call('backups.create', {})) as { path: string; size: number };
        io.out(entry.path);
        io.err(`backup written (${megabytes(entry.size)})`);
        return EXIT_OK;
      }
      if (sub === 'list') {
        onlyFlags(rest, [], 0);
        const list = (await session.call('backups.list', {})) as { file: string; path: string; size: number; createdAt: number }[];
        io.out(formatTable(['CREATED', 'SIZE', 'FILE'], list.map((b) => [new Date(b.createdAt).toISOString().replace('T', ' ').slice(0, 19), megabytes(b.size), b.path]), 200));
        io.err(`${list.length} backup${list.length === 1 ? '' : 's'}`);
        return EXIT_OK;
      }
      if (sub === 'restore') {
        const [file] = onlyFlags(rest, [], 1);
        if (file === undefined) throw new UsageError('backup restore needs the backup file');
        const restored = (await session.call('backups.restore', { path: path.resolve(typedCwd(session.env), file) })) as { replacedPath: string };
        io.out(`restored ${path.resolve(typedCwd(session.env), file)}`);
        io.err(`the replaced database was kept as ${restored.replacedPath}`);
        return EXIT_OK;
      }
      throw new UsageError(`unknown command "backup ${sub ?? ''}"; try \`backup now\`, \`backup list\` or \`backup restore <file>\``);
    }
    case 'mail': {
      if (sub !== 'sync') throw new UsageError(`unknown command "mail ${sub ?? ''}"; try \`mail sync\``);
      const only = flagValue(rest, '--account');
      onlyFlags(rest.filter((w) => w !== PASSWORD_STDIN_FLAG), ['--account'], 0);
      const accounts = ((await session.call('mail.listAccounts', {})) as Array<{ id: string; email: string; kind: string }>).filter(
        (a) => (a.kind === 'imap' || a.kind === 'pop3') && (only === undefined || a.id === only || a.email === only),
      );
      if (only !== undefined && accounts.length === 0) throw new UsageError(`no mail account "${only}"`);
      await core.loadMail();
      await giveRunPassword(core.mail(), accounts, rest, session.env, io.stdin);
      let failed = 0;
      for (const account of accounts) {
        io.err(`syncing ${account.email}…`);
        const report = await core.mail().runSync(account.id);
        const status = ((await session.call('mail.syncStatus', {})) as Array<{ accountId: string; lastSyncError: { step: string; message: string } | null }>).find(
          (st) => st.accountId === account.id,
        );
        if (!report) {
          failed++;
          io.err(`${account.email}: failed at ${status?.lastSyncError?.step ?? '?'}: ${status?.lastSyncError?.message ?? ''}`);
          if (status?.lastSyncError?.step === 'password') io.err(`  no password for ${account.email} is kept on this machine: ${PASSWORD_OPTIONS_HINT}`);
          continue;
        }
        io.out(
          formatTable(
            ['FOLDER', 'ADDED', 'REMOVED', 'LOCAL', 'SERVER', 'STATE'],
            report.folders.map((f) => [f.path, String(f.added), String(f.removed), String(f.localCount), String(f.serverRangeCount), f.error ? `error: ${f.error}` : f.localCount === f.serverRangeCount ? 'in sync' : 'mismatch']),
          ),
        );
        if (report.folders.some((f) => f.error)) failed++;
      }
      return failed > 0 ? EXIT_ERROR : EXIT_OK;
    }
    case 'import': {
      const done = await runImportCommand(
        {
          core,
          call: (key, input) => session.call(key, input),
          out: io.out,
          err: io.err,
          cwd: typedCwd(session.env),
          translate: async (key, params) => (await translation(session.env)).translate(key, params),
          onInterrupt(stop) {
            const handler = () => stop();
            process.once('SIGINT', handler);
            return () => process.off('SIGINT', handler);
          },
        },
        sub,
        rest,
      );
      return done ? EXIT_OK : EXIT_ERROR;
    }
    case 'products': {
      const done = await runProductCommand(
        {
          call: (key, input) => session.call(key, input),
          out: io.out,
          err: io.err,
          translate: async (key, params) => (await translation(session.env)).translate(key, params),
          cwd: typedCwd(session.env),
        },
        sub,
        rest,
      );
      return done ? EXIT_OK : EXIT_ERROR;
    }
    case 'export': {
      const { pickLanguage, systemLocale } = await import('../hosts/translate.ts');
      await runExportCommand({ core, call: (key, input) => session.call(key, input), out: io.out, err: io.err, language: pickLanguage(systemLocale(session.env)), cwd: typedCwd(session.env) }, sub, rest);
      return EXIT_OK;
    }
    case 'quotes': {
      if (sub === 'list') {
        await runQuoteList({ call: (key, input) => session.call(key, input), out: io.out, err: io.err }, rest);
        return EXIT_OK;
      }
      await runQuoteDocumentCommand({ call: (key, input) => session.call(key, input), out: io.out, cwd: typedCwd(session.env) }, sub, rest);
      return EXIT_OK;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * Commands that replace the database file run only while this process holds the data folder's
 * lock: next to a running app or web host they are refused with a message naming it (restore
 * there, in Settings › Backups). Every other command works beside a running host.
 */
function replacesDatabase(words: readonly string[]): boolean {
  return (words[0] === 'backup' && words[1] === 'restore') || (words[0] === 'call' && words[1] === 'backups.restore');
}

/** The whole CLI as a function of its arguments, returning the exit code. */
export async function runCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, io: CliIo = processIo): Promise<number> {
  let dataDir: string;
  let words: string[];
  try {
    words = withoutFlag(argv, '--data-dir').filter((w) => w !== '--verbose');
    if (words.length === 0 || words[0] === 'help' || words[0] === '--help' || words[0] === '-h') {
      io.out(USAGE);
      return words.length === 0 ? EXIT_USAGE : EXIT_OK;
    }
    dataDir = resolveDataDir(argv, env, () => defaultDataDir(process.platform, env, os.homedir())).dataDir;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`tradefolio cli: ${err.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  // The core (kysely, zod, the contract and the services) is imported only now, after the
  // arguments are checked, so help and usage errors answer at once.
  const [{ createAppCore, DATABASE_FILE_NAME }, { CALL_KEYS }] = await Promise.all([
    import('../services/core/app-core.ts'),
    import('../../shared/contract/contract.ts'),
  ]);
  let core: AppCore;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    core = await createAppCore({
      dataDir,
      host: 'cli',
      version: readAppVersion(),
      log: stderrLogger('cli', { quiet: !argv.includes('--verbose') }),
      access: replacesDatabase(words) ? 'owner' : 'shared',
      // Most commands never touch mail; its code is half of what the core would load.
      mailCode: 'on-first-use',
      installDir: REPO_ROOT,
      ...faultPointFromEnv(env),
    });
  } catch (err) {
    const { describeFailure } = await translation(env);
    io.err(`error: cannot open the data folder ${dataDir}: ${describeFailure(err, path.join(dataDir, DATABASE_FILE_NAME))}`);
    return EXIT_ERROR;
  }
  let lastProgress = -1;
  const unsubscribe = core.subscribe((event, payload) => {
    if (event !== 'backup.progress') return;
    const { done, total } = payload as { done: number; total: number };
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    // Steps of 10%, so a log file is not flooded by a large database.
    if (percent >= lastProgress + 10 || percent === 100) {
      lastProgress = percent;
      io.err(`backup: ${percent}%`);
    }
  });
  const session: Session = {
    core,
    io,
    env,
    callKeys: CALL_KEYS,
    async call(key, input) {
      const result: Result<unknown> = await core.dispatch(key, input);
      if (!result.ok) throw new CallFailed(result.error);
      return result.value;
    },
  };
  try {
    return await runCommand(session, words);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tradefolio cli: ${err.message}\n\nRun \`npm run cli -- help\` for the commands.`);
      return EXIT_USAGE;
    }
    if (err instanceof CallFailed) {
      await reportError(io, env, err.error);
      return EXIT_ERROR;
    }
    io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_ERROR;
  } finally {
    unsubscribe();
    await core.close();
  }
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2), process.env);
}
