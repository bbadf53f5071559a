import { spawn } from 'node:child_process';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../db/open-database.ts';
import { runCli } from '../../../../../electron/cli/cli.main.ts';
import { DATABASE_FILE_NAME } from '../../../../../electron/services/core/app-core.ts';
import { seedCustomers } from '../../../../fixtures/customer-fixtures.ts';
import { tempDir } from '../../../../helpers/temp-core.ts';
import { REPO_ROOT } from '../../../../helpers/web-app.ts';

/**
 * An export killed part-way (SIGKILL of a real CLI process, as a forced quit or a power cut)
 * leaves no file under the name asked for, only its temporary file; the next export into that
 * folder removes it and writes the whole file.
 */

const work = tempDir('tf-export-crash-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('an export killed part-way', () => {
  it('leaves no file under the target\u2019s name, and the next export cleans up and completes', async () => {
    const dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    const opened = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    const { customers } = seedCustomers(opened.sqlite, { customers: 12_000, activitiesPerCustomer: 0, now: Date.UTC(2026, 5, 1), seed: 3 });
    await opened.close();
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    const target = path.join(out, 'customers.xlsx');

    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'electron', 'cli', 'cli.main.ts'), '--data-dir', dataDir, 'export', 'customers', target], {
      env: { ...process.env, LANG: 'C.UTF-8' },
      cwd: REPO_ROOT,
    });
    let stderr = '';
    const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      // Mid-sheet: the first progress line comes after the first page of customers.
      if (/export: customers \d+ of/.test(stderr)) child.kill('SIGKILL');
    });
    expect(await killed, stderr).toBe('SIGKILL');
    expect(fs.existsSync(target)).toBe(false);
    const left = fs.readdirSync(out);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^\\.customers\\.xlsx\\.${child.pid}-[0-9a-f]{8}\\.part$`));

    let stdout = '';
    const code = await runCli(['--data-dir', dataDir, 'export', 'customers', target], { LANG: 'C.UTF-8' }, { out: (t) => (stdout += t), err: () => {}, stdin: async () => '' });
    expect(code).toBe(0);
    expect(stdout).toContain(`${customers} customers`);
    expect(fs.readdirSync(out)).toEqual(['customers.xlsx']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    expect(workbook.getWorksheet('Customers')!.rowCount).toBe(customers + 1);
  }, 120_000);
});
