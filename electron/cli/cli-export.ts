import path from 'node:path';
import type { EventPayload } from '../../shared/contract/contract.ts';
import type { ExportResult } from '../../shared/contract/exports.contract.ts';
import type { AppCore } from '../services/core/app-core.ts';
import { flagValue, UsageError, withoutFlag } from '../hosts/data-dir.ts';

/**
 * `export customers <file.xlsx|.csv> [--owner <name>]`, `export mail <file.mbox> --customer
 * <code|name> | --owner <name>` and `export all <folder>`: the exports run in this process;
 * progress on stderr, what was written on stdout.
 */

export const EXPORT_USAGE = `  export customers <file.xlsx|file.csv> [--owner <name>] [--force]
                                    customers and contacts: .xlsx with two sheets, or .csv with
                                    one row per contact (UTF-8, opens in Excel); headers in the
                                    system's language; formula cells written as text
  export mail <file.mbox> --customer <code|name> | --owner <name> [--force]
                                    a customer's mail, or a salesperson's mailbox, as one mbox;
                                    an existing file is replaced only with --force
  export all <folder>               a new folder inside <folder>: customers.xlsx, one mbox per
                                    mail account, and the attachments as files`;

type ExportCall = 'exports.customers' | 'exports.mail' | 'exports.everything' | 'owners.list' | 'customers.list';

export interface ExportCommandEnv {
  core: AppCore;
  call(key: ExportCall, input: unknown): Promise<unknown>;
  out(text: string): void;
  err(text: string): void;
  /** The language of the written headers (the system's). */
  language: 'en' | 'zh-CN';
  /** Where relative paths start: the folder the command was typed in. */
  cwd: string;
}

function positionalOf(argv: readonly string[], flags: readonly string[], what: string, cwd: string): string {
  let rest = [...argv];
  for (const flag of flags) rest = withoutFlag(rest, flag);
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (rest.length !== 1) throw new UsageError(`${what}${rest.length > 1 ? `, not "${rest.slice(1).join(' ')}" as well` : ''}`);
  return path.resolve(cwd, rest[0]!);
}

async function ownerIdOf(env: ExportCommandEnv, wanted: string): Promise<string> {
  const owners = (await env.call('owners.list', {})) as Array<{ id: string; name: string }>;
  const found = owners.find((o) => o.id === wanted || o.name.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new UsageError(`no salesperson "${wanted}"; known: ${owners.map((o) => o.name).join(', ') || '(none yet)'}`);
  return found.id;
}

/** A customer by its code, else by its exact name (either language); several of one name must be told apart by code. */
async function customerIdOf(env: ExportCommandEnv, wanted: string): Promise<string> {
  const page = (await env.call('customers.list', { search: wanted, limit: 100 })) as { rows: Array<{ id: string; code: string; name: string; localName: string | null }> };
  const key = wanted.trim().toLowerCase();
  const byCode = page.rows.find((c) => c.code.toLowerCase() === key);
  if (byCode) return byCode.id;
  const byName = page.rows.filter((c) => c.name.toLowerCase() === key || c.localName?.toLowerCase() === key);
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) throw new UsageError(`${byName.length} customers are called "${wanted}": ${byName.map((c) => c.code).join(', ')}; give the code`);
  const near = page.rows.slice(0, 5).map((c) => `${c.code} ${c.name}`);
  throw new UsageError(`no customer with the code or name "${wanted}"${near.length > 0 ? `; did you mean: ${near.join(', ')}` : ''}`);
}

function summary(env: ExportCommandEnv, result: ExportResult): void {
  env.out(result.path);
  const counts = [
    result.kind !== 'mail' ? `${result.customers} customers, ${result.contacts} contacts` : null,
    result.kind === 'everything' ? `${result.activities} activities` : null,
    result.kind !== 'customers' ? `${result.messages} messages` : null,
    result.kind === 'everything' ? `${result.attachments} attachments` : null,
  ].filter(Boolean);
  env.out(`  ${counts.join(', ')} in ${(result.ms / 1000).toFixed(1)} s`);
  for (const f of result.files) env.out(`  ${f.path} (${(f.bytes / 1_048_576).toFixed(1)} MB)`);
  if (result.rebuiltMessages > 0) env.out(`  ${result.rebuiltMessages} messages whose original was not kept were rebuilt from the database`);
}

export async function runExportCommand(env: ExportCommandEnv, sub: string | undefined, args: readonly string[]): Promise<void> {
  // A switch without a value, so not through withoutFlag (which takes the next word with it).
  const overwrite = args.includes('--force');
  const argv = args.filter((a) => a !== '--force');
  let key: 'exports.customers' | 'exports.mail' | 'exports.everything';
  let input: Record<string, unknown>;
  if (sub === 'customers') {
    const file = positionalOf(argv, ['--owner'], 'export customers needs one file: a .xlsx or a .csv', env.cwd);
    const format = path.extname(file).toLowerCase().slice(1);
    if (format !== 'xlsx' && format !== 'csv') throw new UsageError(`the file must end in .xlsx or .csv, not "${path.basename(file)}"`);
    const owner = flagValue(argv, '--owner');
    key = 'exports.customers';
    input = { format, path: file, language: env.language, overwrite, ...(owner !== undefined ? { ownerId: await ownerIdOf(env, owner) } : {}) };
  } else if (sub === 'mail') {
    const file = positionalOf(argv, ['--customer', '--owner'], 'export mail needs one file: the .mbox to write', env.cwd);
    const customer = flagValue(argv, '--customer');
    const owner = flagValue(argv, '--owner');
    if ((customer === undefined) === (owner === undefined)) throw new UsageError('export mail needs either --customer <code|name> or --owner <name>');
    key = 'exports.mail';
    input = { path: file, overwrite, ...(customer !== undefined ? { customerId: await customerIdOf(env, customer) } : { ownerId: await ownerIdOf(env, owner!) }) };
  } else if (sub === 'all') {
    key = 'exports.everything';
    input = { folder: positionalOf(argv, [], 'export all needs one folder: where the export\u2019s folder is made', env.cwd), language: env.language };
  } else {
    throw new UsageError(`unknown command "export ${sub ?? ''}"; try \`export customers <file>\`, \`export mail <file> --customer <code>\` or \`export all <folder>\``);
  }
  await env.core.loadMail();
  let last = 0;
  const unsubscribe = env.core.subscribe((event, payload) => {
    if (event !== 'exports.progress') return;
    const p = payload as EventPayload<'exports.progress'>;
    // At most one line a second, and the end of each phase.
    if (Date.now() - last < 1000 && p.done !== p.total) return;
    last = Date.now();
    env.err(`export: ${p.phase} ${p.done}${p.total !== null ? ` of ${p.total}` : ''}`);
  });
  try {
    summary(env, (await env.call(key, input)) as ExportResult);
  } finally {
    unsubscribe();
  }
}
