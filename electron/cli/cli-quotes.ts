import path from 'node:path';
import type { QuoteDocumentFile } from '../../shared/contract/quote-documents.contract.ts';
import { UsageError } from '../hosts/data-dir.ts';

/**
 * `quotes pdf <number> [file]` and `quotes xlsx <number> [file]`: a stored quote's document,
 * made in this process the same way the app and the web host make it, in the quote's own
 * language. The file defaults to "<number>.pdf" / "<number>.xlsx" in the current folder.
 */

export const QUOTES_USAGE = `  quotes pdf <number> [file] [--force]
                                    the quote as a PDF on the letterhead (Settings > Letterhead),
                                    in the quote's own language; file defaults to <number>.pdf
                                    here; an existing file is replaced only with --force
  quotes xlsx <number> [file] [--force]
                                    the same as an .xlsx`;

export interface QuoteCommandEnv {
  call(key: 'quotes.exportPdf' | 'quotes.exportXlsx', input: unknown): Promise<unknown>;
  out(text: string): void;
  cwd: string;
}

const KINDS = { pdf: 'quotes.exportPdf', xlsx: 'quotes.exportXlsx' } as const;

function isKind(sub: string | undefined): sub is keyof typeof KINDS {
  return sub === 'pdf' || sub === 'xlsx';
}

export async function runQuoteDocumentCommand(env: QuoteCommandEnv, sub: string | undefined, args: readonly string[]): Promise<void> {
  if (!isKind(sub)) throw new UsageError(`unknown command "quotes ${sub ?? ''}"; try \`quotes pdf <number> [file]\` or \`quotes xlsx <number> [file]\``);
  // A switch without a value, so not through withoutFlag (which takes the next word with it).
  const overwrite = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const [number, file, extra] = rest;
  if (!number) throw new UsageError(`quotes ${sub} needs the quote's number, e.g. Q2026-0001`);
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  // A number is safe as a file name: the numbering pattern allows no path separators.
  const target = path.resolve(env.cwd, file ?? `${number.replace(/[\\/]/g, '-')}.${sub}`);
  const written = (await env.call(KINDS[sub], { id: number, path: target, overwrite })) as QuoteDocumentFile;
  env.out(written.path);
  env.out(`  ${written.number}: ${(written.bytes / 1024).toFixed(0)} KB in ${(written.ms / 1000).toFixed(1)} s`);
}
