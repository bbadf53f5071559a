import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/cli.main.ts';

/** `quotes list`, in this process as the CLI runs it. */

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-cli-quote-list-'));
const dataDir = path.join(work, 'data');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { LANG: 'C.UTF-8' }, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), stdin: async () => '' });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const created = await cli(['call', 'customers.create', JSON.stringify({ name: 'Shanghai Huamei Trading', localName: '上海华美贸易', regionCode: 'AS', country: 'CN' })]);
  expect(created.code, created.stderr).toBe(0);
  const customerId = (JSON.parse(created.stdout) as { value: { id: string } }).value.id;
  // Quotes as the quotes service stores them.
  const db = new Database(path.join(dataDir, 'tradefolio.sqlite'));
  const quote = db.prepare(`INSERT INTO quotes (id, number, base_number, customer_id, status, language, incoterm, incoterm_port, quoted_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?, 1, 1)`);
  quote.run('q1', 'Q2026-0001', 'Q2026-0001', customerId, 'accepted', 'FOB', 'Ningbo', Date.UTC(2026, 10, 2));
  quote.run('q2', 'Q2026-0002', 'Q2026-0002', customerId, 'draft', null, null, Date.UTC(2026, 11, 1));
  const line = db.prepare(`INSERT INTO quote_lines (id, quote_id, seq, description, quantity, unit, unit_price_e4, currency, amount_e4) VALUES (?, ?, ?, 'x', 1, 'pcs', ?, ?, ?)`);
  line.run('l1', 'q1', 1, 12_500_000, 'USD', 12_500_000);
  line.run('l2', 'q1', 2, 1_000_000, 'EUR', 1_000_000);
  db.close();
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('quotes list', () => {
  it('lists quotes newest first with customer, status, terms and totals per currency', async () => {
    const run = await cli(['quotes', 'list']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NUMBER\s+DATE\s+CUSTOMER\s+STATUS\s+TERMS\s+TOTAL$/);
    expect(lines[2]).toMatch(/^Q2026-0002\s+2026-12-01\s+Shanghai Huamei Trading\s+draft\s+-\s+-$/);
    expect(lines[3]).toMatch(/^Q2026-0001\s+2026-11-02\s+Shanghai Huamei Trading\s+accepted\s+FOB Ningbo\s+USD 1,250.00 \+ EUR 100.00$/);
    expect(run.stderr).toContain('2 of 2 quotes');
  });

  it('filters by status and number, and says what is wrong with a bad option', async () => {
    const accepted = await cli(['quotes', 'list', '--status', 'accepted', '--search', '0001']);
    expect(accepted.stdout.trimEnd().split('\n').slice(2).map((l) => l.split(/\s+/)[0])).toEqual(['Q2026-0001']);
    const bad = await cli(['quotes', 'list', '--status', 'won']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--status must be one of draft, sent, accepted, rejected, expired');
  });
});
