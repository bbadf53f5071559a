import path from 'node:path';
import type { CallOutput } from '../../shared/contract/contract.ts';
import type { MessageParams } from '../../shared/contract/result.ts';
import { flagValue, UsageError, withoutFlag } from '../hosts/data-dir.ts';

/**
 * `products import <file> [--images <folder>]`: the product import of the app (products.import)
 * run in this process, for sheets of thousands of products; relative paths are taken from the
 * folder the command was typed in.
 */

export const PRODUCTS_USAGE = `  products import <file> [--images <folder>] [--currency <code>] [--cost-currency <code>]
                                    import products from an .xlsx or .csv; a model already
                                    there is updated; images named by model come from <folder>`;

export interface ProductCommandEnv {
  call(key: 'products.import', input: unknown): Promise<unknown>;
  out(text: string): void;
  err(text: string): void;
  translate(key: string, params?: MessageParams): Promise<string>;
  cwd: string;
}

export async function runProductCommand(env: ProductCommandEnv, sub: string | undefined, args: readonly string[]): Promise<boolean> {
  if (sub !== 'import') throw new UsageError(`unknown command "products ${sub ?? ''}"; try \`products import <file> [--images <folder>]\``);
  const images = flagValue(args, '--images');
  const listCurrency = flagValue(args, '--currency');
  const costCurrency = flagValue(args, '--cost-currency');
  let rest = [...args];
  for (const flag of ['--images', '--currency', '--cost-currency']) rest = withoutFlag(rest, flag);
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const [file, extra] = rest;
  if (!file) throw new UsageError('products import needs the sheet, e.g. products import products.xlsx --images ./photos');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const report = (await env.call('products.import', {
    path: path.resolve(env.cwd, file),
    ...(images ? { imageFolder: path.resolve(env.cwd, images) } : {}),
    ...(listCurrency ? { listCurrency: listCurrency.toUpperCase() } : {}),
    ...(costCurrency ? { costCurrency: costCurrency.toUpperCase() } : {}),
  })) as CallOutput<'products.import'>;
  env.out(`${report.sheet}: ${report.created} created, ${report.updated} updated, ${report.imagesAdded} images added, ${report.skippedCount} rows skipped`);
  for (const s of report.skipped) env.out(`  row ${s.row}: ${await env.translate(s.message, s.params)}`);
  if (report.skippedCount > report.skipped.length) env.out(`  … and ${report.skippedCount - report.skipped.length} more`);
  if (report.imagesUnmatched.length) env.out(`  images matching no model: ${report.imagesUnmatched.join(', ')}`);
  return true;
}
