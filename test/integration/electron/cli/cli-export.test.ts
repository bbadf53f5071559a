import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/cli.main.ts';
import { openMailSource } from '../../../../electron/services/imports/mail-sources/open-mail-source.ts';
import { writeMbox } from '../../../helpers/mail-archives.ts';
import { rfc822 } from '../../../helpers/mail-test-kit.ts';
import { REPO_ROOT } from '../../../helpers/web-app.ts';

/** `export customers|mail|all`, run as the user runs them (one child process) and in this process (the rest, for speed). */

const CLI = path.join(REPO_ROOT, 'electron', 'cli', 'cli.main.ts');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-cli-export-'));
const dataDir = path.join(work, 'data');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { LANG: 'C.UTF-8', ...env }, {
    out: (t) => (stdout += `${t}\n`),
    err: (t) => (stderr += `${t}\n`),
    stdin: async () => '',
  });
  return { code, stdout, stderr };
}

async function call(key: string, input: object): Promise<{ id: string; code: string }> {
  const run = await cli(['call', key, JSON.stringify(input)]);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { value: { id: string; code: string } }).value;
}

let hamburgCode = '';

beforeAll(async () => {
  const li = await call('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
  await call('owners.create', { name: 'Wang Fang' });
  const hamburg = await call('customers.create', { name: 'Hamburg Trade GmbH', localName: '汉堡贸易', regionCode: 'EU', country: 'DE', ownerId: li.id });
  hamburgCode = hamburg.code;
  await call('contacts.create', { customerId: hamburg.id, name: 'Anna', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] });
  await call('customers.create', { name: '=cmd|calc', regionCode: 'AS', country: 'CN' });
  const archive = path.join(work, 'li.mbox');
  writeMbox(
    archive,
    [
      rfc822({ from: 'anna@hamburg-trade.de', to: 'li.wei@mytrade.cn', subject: 'Inquiry', body: 'From here on by sea.\r\n', messageId: 'a1@hamburg-trade.de', date: new Date(Date.UTC(2025, 4, 1)) }),
      rfc822({ from: 'news@promo.example', to: 'li.wei@mytrade.cn', subject: 'Deals', body: 'Deals.\r\n', messageId: 'n1@promo.example', date: new Date(Date.UTC(2025, 4, 2)) }),
    ],
    { variant: 'mboxrd' },
  );
  const imported = await cli(['import', 'mail', archive, '--owner', 'Li Wei']);
  expect(imported.code, imported.stderr).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function mboxMessageIds(file: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of (await openMailSource(file)).items()) if (item.kind === 'message') ids.push(/^Message-ID: <([^>]+)>/im.exec(item.raw.toString('latin1'))![1]!);
  return ids;
}

describe('cli export', () => {
  it('exports one salesperson\u2019s customers to .xlsx as a child process: progress on stderr, the file and counts on stdout, exit 0', async () => {
    const file = path.join(work, 'li.xlsx');
    const run = await new Promise<Run>((resolve, reject) => {
      const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
      delete env.TRADEFOLIO_DATA_DIR;
      const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'export', 'customers', file, '--owner', 'li wei'], { env, cwd: REPO_ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(file);
    expect(run.stdout).toContain('1 customers, 1 contacts');
    expect(run.stderr).toContain('export: contacts 1 of 1');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Customers', 'Contacts']);
    expect(workbook.getWorksheet('Customers')!.rowCount).toBe(2);
    expect(workbook.getWorksheet('Customers')!.getRow(2).getCell(2).value).toBe('Hamburg Trade GmbH');
  }, 60_000);

  it('exports every customer to .csv with headers in the system\u2019s language', async () => {
    const file = path.join(work, '客户.csv');
    const run = await cli(['export', 'customers', file], { LANG: 'zh_CN.UTF-8' });
    expect(run.code, run.stderr).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF客户编号,公司名称,中文名称')).toBe(true);
    expect(text).toContain('汉堡贸易');
    expect(text).toContain("'=cmd|calc");
  });

  it('takes a relative path from the folder the command was typed in (npm run cli runs in the repository)', async () => {
    const typedIn = path.join(work, 'typed-in');
    fs.mkdirSync(typedIn);
    const run = await cli(['export', 'customers', 'relative.csv'], { INIT_CWD: typedIn });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.existsSync(path.join(typedIn, 'relative.csv'))).toBe(true);
    expect(fs.existsSync(path.join(process.cwd(), 'relative.csv'))).toBe(false);
  });

  it('exports a customer\u2019s mail by code or by name, and a salesperson\u2019s mailbox', async () => {
    const byCode = path.join(work, 'hamburg.mbox');
    const run = await cli(['export', 'mail', byCode, '--customer', hamburgCode]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 messages');
    expect(await mboxMessageIds(byCode)).toEqual(['a1@hamburg-trade.de']);
    const byName = path.join(work, 'hamburg-by-name.mbox');
    expect((await cli(['export', 'mail', byName, '--customer', '汉堡贸易'])).code).toBe(0);
    expect(fs.readFileSync(byName)).toEqual(fs.readFileSync(byCode));
    const mailbox = path.join(work, 'li-all.mbox');
    expect((await cli(['export', 'mail', mailbox, '--owner', 'Li Wei'])).code).toBe(0);
    expect(await mboxMessageIds(mailbox)).toEqual(['a1@hamburg-trade.de', 'n1@promo.example']);
  });

  it('exports everything into a new folder', async () => {
    const parent = path.join(work, 'all');
    fs.mkdirSync(parent);
    const run = await cli(['export', 'all', parent]);
    expect(run.code, run.stderr).toBe(0);
    const [made] = fs.readdirSync(parent);
    expect(run.stdout.split('\n')[0]).toBe(path.join(parent, made!));
    expect(fs.readdirSync(path.join(parent, made!)).sort()).toEqual(['customers.xlsx', 'mail']);
    expect(run.stdout).toContain('2 customers, 1 contacts, 0 activities, 2 messages, 0 attachments');
  });

  it('fails with a clear message and a non-zero exit: bad arguments (2), a folder that is not there (1)', async () => {
    const txt = await cli(['export', 'customers', path.join(work, 'c.txt')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('the file must end in .xlsx or .csv, not "c.txt"');
    const neither = await cli(['export', 'mail', path.join(work, 'm.mbox')]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('either --customer <code|name> or --owner <name>');
    const nobody = await cli(['export', 'mail', path.join(work, 'm.mbox'), '--customer', 'Nobody Ltd']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no customer with the code or name "Nobody Ltd"');
    const target = path.join(work, 'missing', 'c.csv');
    const missing = await cli(['export', 'customers', target]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`error: validation (exports.errors.folderMissing): ${target} could not be written: the folder ${path.dirname(target)} does not exist.`);
    expect(fs.existsSync(path.join(work, 'm.mbox'))).toBe(false);
  });

  it('keeps an existing file unless --force is given, and then replaces it', async () => {
    const file = path.join(work, 'kept.csv');
    fs.writeFileSync(file, 'mine');
    const refused = await cli(['export', 'customers', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`error: conflict (exports.errors.exists): ${file} already exists.`);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    const forced = await cli(['export', 'customers', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('Hamburg Trade GmbH');
    expect(fs.readdirSync(work).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});
