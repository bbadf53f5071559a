import type { ContactPreview, ImportBatch } from '../../shared/contract/imports.contract.ts';
import path from 'node:path';
import type { MessageParams } from '../../shared/contract/result.ts';
import type { AppCore } from '../services/core/app-core.ts';
import { flagValue, UsageError, withoutFlag } from '../hosts/data-dir.ts';

/**
 * `import mail <path> --owner <name> [--me <address>]…` and `import contacts <file> [--mapping
 * auto|<saved name>] [--owner <name>] [--sheet <name>]`: an import run in this process, waited for.
 */

export const IMPORT_USAGE = `  import mail <path> [--owner <name>] [--me <address>]…
                                    import an mbox, Maildir, folder of .eml, .msg or .pst;
                                    the same path again resumes an unfinished import and adds
                                    nothing already there; progress on stderr, summary on stdout
                                    --owner: whose customers the mail is (a salesperson's name)
                                    --me: the archive owner's own address(es): their mail is "sent"
  import contacts <file> [--mapping auto|<saved name>] [--owner <name>] [--sheet <name>]
                                    import a contact sheet (.xlsx, .csv in any common encoding,
                                    vCard) as one batch: rows matching a customer (by email,
                                    company domain or name) are merged into it, others created;
                                    running it again adds nothing; undo with imports.undo
                                    --mapping: columns as saved under that name, or by their
                                    headers (auto, the default; a mapping saved for the same
                                    headers wins)
                                    --owner: the salesperson of new customers whose row names none
                                    --sheet: the worksheet's name or number (default: the first)`;

export interface ImportCommandEnv {
  core: AppCore;
  call(key: 'owners.list' | 'imports.startMail' | 'imports.list' | 'imports.problems' | 'imports.cancel' | 'imports.previewContacts' | 'imports.applyContacts', input: unknown): Promise<unknown>;
  out(text: string): void;
  err(text: string): void;
  translate(key: string, params?: MessageParams): Promise<string>;
  /** Where relative paths start: the folder the command was typed in. */
  cwd: string;
  /** Called with a function that stops the import (Ctrl+C); returns a function that forgets it. */
  onInterrupt(stop: () => void): () => void;
}

/** Every `--me` given, in order. */
function allValues(argv: readonly string[], name: string): { values: string[]; rest: string[] } {
  const values: string[] = [];
  let rest = [...argv];
  for (let v = flagValue(rest, name); v !== undefined; v = flagValue(rest, name)) {
    values.push(v);
    const i = rest.indexOf(name);
    rest = [...rest.slice(0, i), ...rest.slice(i + 2)];
  }
  return { values, rest };
}

async function ownerIdOf(env: ImportCommandEnv, wanted: string | undefined): Promise<string | null> {
  if (wanted === undefined) return null;
  const owners = (await env.call('owners.list', {})) as Array<{ id: string; name: string }>;
  const found = owners.find((o) => o.id === wanted || o.name.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new UsageError(`no salesperson "${wanted}"; known: ${owners.map((o) => o.name).join(', ') || '(none yet)'}`);
  return found.id;
}

function line(b: ImportBatch & { ratePerSecond?: number; etaSeconds?: number | null }): string {
  const percent = b.bytesTotal ? ` ${Math.min(100, Math.floor((b.bytesDone / b.bytesTotal) * 100))}%` : '';
  const rate = b.ratePerSecond !== undefined ? `, ${b.ratePerSecond.toFixed(0)} items/s` : '';
  const eta = b.etaSeconds !== undefined && b.etaSeconds !== null ? `, about ${Math.ceil(b.etaSeconds)} s left` : '';
  return `import:${percent} ${b.itemsDone} read: ${b.imported} imported, ${b.duplicates} already there, ${b.problems} skipped${rate}${eta}`;
}

async function printProblems(env: ImportCommandEnv, batch: ImportBatch, verb: string): Promise<void> {
  if (batch.problems === 0) return;
  const page = (await env.call('imports.problems', { id: batch.id, limit: 50 })) as {
    total: number;
    rows: Array<{ reason: { key: string; params: MessageParams }; label: { key: string; params: MessageParams } }>;
  };
  for (const p of page.rows) env.out(`  ${verb} ${await env.translate(p.label.key, p.label.params)}: ${await env.translate(p.reason.key, p.reason.params)}`);
  if (page.total > page.rows.length) env.out(`  … and ${page.total - page.rows.length} more (call imports.problems for all)`);
}

function sheetOf(preview: ContactPreview, wanted: string | undefined): ContactPreview['sheets'][number] {
  if (wanted === undefined) return preview.sheets[0]!;
  const found = preview.sheets.find((s) => s.name === wanted) ?? (/^\d+$/.test(wanted) ? preview.sheets[Number(wanted) - 1] : undefined);
  if (!found) throw new UsageError(`no sheet "${wanted}" in ${preview.path}; its sheets: ${preview.sheets.map((s, i) => `${i + 1} "${s.name}"`).join(', ')}`);
  return found;
}

async function runContactsImport(env: ImportCommandEnv, argv: readonly string[]): Promise<boolean> {
  const mappingName = flagValue(argv, '--mapping');
  const owner = flagValue(argv, '--owner');
  const sheetName = flagValue(argv, '--sheet');
  const positional = withoutFlag(withoutFlag(withoutFlag(argv, '--mapping'), '--owner'), '--sheet');
  const unknown = positional.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (positional.length !== 1) throw new UsageError('import contacts needs one file: an .xlsx, .csv or .vcf');
  const file = path.resolve(env.cwd, positional[0]!);
  const ownerId = await ownerIdOf(env, owner);
  const saved = mappingName && mappingName !== 'auto' ? { savedMapping: mappingName } : {};
  const preview = (await env.call('imports.previewContacts', { path: file, rows: 0, ...saved })) as ContactPreview;
  const sheet = sheetOf(preview, sheetName);
  const mapped = sheet.mapping.filter((m) => m.target.kind !== 'skip').map((m) => `${m.header || m.letter} → ${m.target.kind === 'field' ? m.target.field : m.target.kind === 'custom' ? `custom "${m.target.label}"` : 'skip'}`);
  env.err(`${path.basename(file)} (${preview.format}${preview.encoding ? `, ${preview.encoding}` : ''}), sheet "${sheet.name}"${sheet.savedMapping ? `, mapping "${sheet.savedMapping}"` : ''}: ${mapped.join(', ')}`);
  await env.core.loadMail();
  let last = 0;
  const unsubscribe = env.core.subscribe((event, payload) => {
    if (event !== 'imports.progress' || Date.now() - last < 1000) return;
    last = Date.now();
    const b = payload as ImportBatch & { ratePerSecond: number };
    env.err(`import: ${b.itemsDone} rows read: ${b.contacts?.customersCreated ?? 0} customers created, ${b.contacts?.rowsMerged ?? 0} merged, ${b.contacts?.rowsSkipped ?? 0} skipped, ${b.ratePerSecond.toFixed(0)} rows/s`);
  });
  let final: ImportBatch;
  try {
    final = (await env.call('imports.applyContacts', { path: file, sheet: sheet.index, mapping: sheet.mapping.map((m) => m.target), defaultOwnerId: ownerId })) as ImportBatch;
  } finally {
    unsubscribe();
  }
  const c = final.contacts!;
  env.out(`${final.sourcePath} (${final.sourceKind}, sheet "${sheet.name}"): ${final.status}`);
  env.out(`  rows ${final.itemsDone}: customers created ${c.customersCreated}, contacts created ${c.contactsCreated}, merged ${c.rowsMerged}, skipped ${c.rowsSkipped}, problems ${final.problems}`);
  env.out(`  batch ${final.id} (undo: call imports.undo '{"id":"${final.id}"}')`);
  await printProblems(env, final, 'row');
  if (final.error) env.err(`error: ${await env.translate(final.error.key, final.error.params)}`);
  return final.status === 'done';
}

export async function runImportCommand(env: ImportCommandEnv, sub: string | undefined, argv: readonly string[]): Promise<boolean> {
  if (sub === 'contacts') return runContactsImport(env, argv);
  if (sub !== 'mail') throw new UsageError(`unknown command "import ${sub ?? ''}"; try \`import mail <path>\` or \`import contacts <file>\``);
  const me = allValues(argv, '--me');
  const owner = flagValue(me.rest, '--owner');
  const positional = withoutFlag(me.rest, '--owner');
  const unknown = positional.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (positional.length !== 1) throw new UsageError('import mail needs one path: an mbox file, a Maildir or a folder of mail files');
  const ownerId = await ownerIdOf(env, owner);
  await env.core.loadMail();

  let last = 0;
  const unsubscribe = env.core.subscribe((event, payload) => {
    if (event !== 'imports.progress') return;
    // At most one line a second, so a log file is not flooded by a large archive.
    if (Date.now() - last < 1000) return;
    last = Date.now();
    env.err(line(payload as ImportBatch & { ratePerSecond: number; etaSeconds: number | null }));
  });
  let started: ImportBatch;
  try {
    started = (await env.call('imports.startMail', { path: path.resolve(env.cwd, positional[0]!), ownerId, ownAddresses: me.values })) as ImportBatch;
    if (started.itemsDone > 0) env.err(`resuming the import of ${started.sourcePath} after ${started.itemsDone} items`);
    const forget = env.onInterrupt(() => void env.call('imports.cancel', { id: started.id }));
    await env.core.imports().whenIdle();
    forget();
  } finally {
    unsubscribe();
  }
  const final = ((await env.call('imports.list', {})) as ImportBatch[]).find((b) => b.id === started.id)!;
  env.out(`${final.sourcePath} (${final.sourceKind}): ${final.status}`);
  env.out(`  imported ${final.imported}, already there ${final.duplicates}, skipped ${final.problems}`);
  await printProblems(env, final, 'skipped');
  if (final.error) env.err(`error: ${await env.translate(final.error.key, final.error.params)}`);
  if (final.status === 'cancelled' || final.status === 'interrupted') env.err('stopped; run the same command again to go on where it stopped');
  return final.status === 'done';
}
