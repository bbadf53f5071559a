import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/cli.main.ts';
import { writePhoto } from '../../../helpers/product-photos.ts';

/** `products import <file> [--images <folder>]`, in this process as the CLI runs it. */

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-cli-products-'));
const dataDir = path.join(work, 'data');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { LANG: 'C.UTF-8', ...env }, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), stdin: async () => '' });
  return { code, stdout, stderr };
}

describe('products import', () => {
  it('imports a sheet given relative to where the command was typed, with images, and reports skipped rows in words', async () => {
    fs.mkdirSync(path.join(work, 'photos'));
    await writePhoto(path.join(work, 'photos', 'BV-100.jpg'), 120, 90);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Products').addRows([
      ['Model', 'Description', 'FOB Price (USD)'],
      ['BV-100', 'Brass ball valve', 3.25],
      ['', 'No model here', 1],
    ]);
    await book.xlsx.writeFile(path.join(work, 'products.xlsx'));

    const run = await cli(['products', 'import', 'products.xlsx', '--images', 'photos'], { INIT_CWD: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('Products: 1 created, 0 updated, 1 images added, 1 rows skipped\n  row 3: The row has no model number.\n');
    const again = await cli(['products', 'import', path.join(work, 'products.xlsx')]);
    expect(again.stdout.split('\n')[0]).toBe('Products: 0 created, 1 updated, 0 images added, 1 rows skipped');

    const listed = await cli(['call', 'products.list', '{}']);
    expect((JSON.parse(listed.stdout) as { value: { total: number } }).value.total).toBe(1);
  });

  it('names a missing sheet and an unknown option', async () => {
    const missing = await cli(['products', 'import', 'nope.xlsx'], { INIT_CWD: work });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('nope.xlsx');
    const bad = await cli(['products', 'import', 'a.xlsx', '--colour', 'red']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('unknown option --colour');
  });
});
