import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { runCli } from '../../../../electron/cli/cli.main.ts';

/** `quotes pdf|xlsx <number> [file]`, in this process as the CLI runs it. */

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-cli-quotes-'));
const dataDir = path.join(work, 'data');

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { LANG: 'C.UTF-8', ...env }, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), stdin: async () => '' });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const created = await cli(['call', 'customers.create', JSON.stringify({ name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' })]);
  expect(created.code, created.stderr).toBe(0);
  const customerId = (JSON.parse(created.stdout) as { value: { id: string } }).value.id;
  await cli(['call', 'settings.update', JSON.stringify({ letterhead: { companyName: 'Ningbo Voyage Trading Co., Ltd.' } })]);
  // The quote as the quotes service stores it.
  const db = new Database(path.join(dataDir, 'tradefolio.sqlite'));
  db.prepare(`INSERT INTO quotes (id, number, base_number, revision, customer_id, status, language, quoted_at, created_at, updated_at) VALUES ('q1', 'Q2026-0007', 'Q2026-0007', 0, ?, 'sent', 'en', ?, 1, 1)`).run(customerId, Date.UTC(2026, 11, 2, 4));
  db.prepare(`INSERT INTO quote_lines (id, quote_id, seq, description, quantity, unit, unit_price_e4, currency, amount_e4) VALUES ('l1', 'q1', 1, 'Vacuum flask 保温杯', 100, 'pcs', 32500, 'USD', 3250000)`).run();
  db.close();
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('quotes pdf and quotes xlsx', () => {
  it('writes <number>.pdf into the folder the command was typed in by default, and a named file when given', async () => {
    {
      // npm sets INIT_CWD to where `npm run cli` was typed; the script itself runs in the repository.
      const run = await cli(['quotes', 'pdf', 'Q2026-0007'], { INIT_CWD: work });
      expect(run.code, run.stderr).toBe(0);
      const file = path.join(work, 'Q2026-0007.pdf');
      expect(run.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n  Q2026-0007: \\d+ KB in \\d+\\.\\d s\\n$`));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Ningbo Voyage Trading Co., Ltd.');
      expect(text).toMatch(/Vacuum flask 保温杯\s+100\s+pcs\s+USD\s+3.25\s+325.00/);
    }
    const xlsx = path.join(work, 'out', 'quote.xlsx');
    fs.mkdirSync(path.dirname(xlsx));
    const run = await cli(['quotes', 'xlsx', 'Q2026-0007', xlsx]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps an existing file without --force, and names an unknown quote', async () => {
    const file = path.join(work, 'kept.pdf');
    fs.writeFileSync(file, 'mine');
    const refused = await cli(['quotes', 'pdf', 'Q2026-0007', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('exports.errors.exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    expect((await cli(['quotes', 'pdf', 'Q2026-0007', file, '--force'])).code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const unknown = await cli(['quotes', 'pdf', 'Q1999-0001', path.join(work, 'x.pdf')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no quote Q1999-0001.');
    expect((await cli(['quotes', 'pdf'])).code).toBe(2);
    expect((await cli(['quotes', 'fax', 'Q2026-0007'])).code).toBe(2);
  });
});
