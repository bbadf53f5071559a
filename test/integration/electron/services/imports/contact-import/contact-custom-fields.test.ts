import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../../../electron/services/core/app-core.ts';
import { MAX_CUSTOM_FIELDS } from '../../../../../../shared/contract/customers.contract.ts';
import type { ColumnTarget } from '../../../../../../shared/contract/imports.contract.ts';
import { catalogs } from '../../../../../../shared/i18n/catalogs.ts';
import { runCliChild } from '../../../../../helpers/child-hosts.ts';
import { createTempCore, type TempCore } from '../../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../../helpers/temp-folders.ts';

/*
 * Columns mapped to custom fields ({ kind: 'custom', label }) become the app's custom fields:
 * real sheets written to temp folders, imported into a real SQLite file through the contract.
 */

let app: TempCore | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

const folder = tempFolders('tf-contact-custom-fields-');

function query<T>(dataDir: string, sql: string): T[] {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const one = (dataDir: string, sql: string) => Object.values(query<Record<string, unknown>>(dataDir, sql)[0]!)[0];

/** What an import may add or change about custom fields, and what search sees of it. */
function snapshot(dataDir: string) {
  return {
    customers: query(dataDir, 'SELECT id, name, notes FROM customers ORDER BY id'),
    fields: query(dataDir, 'SELECT id, label, type, options, sort, deleted_at FROM custom_field_defs ORDER BY id'),
    values: query(dataDir, 'SELECT customer_id, field_id, value FROM custom_field_values ORDER BY 1, 2'),
    search: query(dataDir, 'SELECT rowid, text, notes FROM customer_search ORDER BY rowid'),
  };
}

const field = (f: Extract<ColumnTarget, { kind: 'field' }>['field']): ColumnTarget => ({ kind: 'field', field: f });
const custom = (label: string): ColumnTarget => ({ kind: 'custom', label });
const MAPPING: ColumnTarget[] = [field('companyName'), field('contactName'), field('email'), custom('微信号'), custom('Trade fair')];

/** A UTF-8 sheet (with BOM, as Excel saves "CSV UTF-8") with a WeChat and a trade-fair column. */
function writeSheet(dir: string, name: string, rows: string[][]): string {
  const file = path.join(dir, name);
  const lines = [['公司名称', '联系人', '邮箱', '微信号', 'Trade fair', 'Booth'].slice(0, rows[0]!.length), ...rows].map((r) => r.join(','));
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}`);
  return file;
}

const FAIR_SHEET = [
  // Merges into Hamburg (by Anna's email): its WeChat is filled; the fair it holds stays, the sheet's other fair goes to notes.
  ['Hamburg Trade GmbH', 'Anna Schmidt', 'anna@hamburg-trade.de', 'annaschmidt1985', 'Messe Frankfurt'],
  // Merges into Milano (by domain): only the fair, the WeChat cell is empty.
  ['Milano Tessuti SRL', 'Marco Rossi', 'marco@milano-tessuti.it', '', 'Canton Fair'],
  // Created with both values.
  ['杭州丝绸进出口有限公司', '陈静', 'chen@hzsilk.cn', 'chenjing_silk', '广交会'],
  // Merges into the customer the row above made: it has a WeChat already, so Liu's is kept as a notes line.
  ['杭州丝绸进出口有限公司', '刘洋', 'liu@hzsilk.cn', 'liuyang88', ''],
  // Created with no custom values.
  ['Dubai Star Trading LLC', 'Omar', 'omar@dubaistar.ae', '', ''],
];

async function seed(core: TempCore) {
  const fair = await core.call('customFields.create', { label: 'Trade Fair', type: 'text' });
  const hamburg = await core.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE', customFields: { [fair.id]: 'Canton Fair 2024' } });
  await core.call('contacts.create', { customerId: hamburg.id, name: 'Anna Schmidt', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] });
  const milano = await core.call('customers.create', { name: 'Tessitura Milanese', regionCode: 'EU', country: 'IT' });
  await core.call('contacts.create', { customerId: milano.id, name: 'Giulia', channels: [{ kind: 'email', value: 'giulia@milano-tessuti.it' }] });
  return { fair, hamburg, milano };
}

describe('contact import: columns mapped to custom fields', () => {
  it('matches or makes each field once, fills created and merged customers, is searchable, repeats as a no-op, and undoes exactly', async () => {
    app = await createTempCore();
    const { fair, hamburg, milano } = await seed(app);
    const before = snapshot(app.dataDir);
    const file = writeSheet(folder(), '展会客户.csv', FAIR_SHEET);
    const preview = await app.call('imports.previewContacts', { path: file, sheet: 0, mapping: MAPPING });
    expect(preview.sheets[0]!.mapping.map((m) => m.target)).toEqual(MAPPING);

    const batch = await app.call('imports.applyContacts', { path: file, sheet: 0, mapping: MAPPING, defaultOwnerId: null });
    expect(batch.contacts).toEqual({ customersCreated: 2, contactsCreated: 4, rowsMerged: 3, rowsSkipped: 0 });
    // "Trade fair" is the user's "Trade Fair" (case does not count); "微信号" was made once, as text, after it.
    const fields = await app.call('customFields.list', {});
    expect(fields.map((f) => [f.label, f.type])).toEqual([
      ['Trade Fair', 'text'],
      ['微信号', 'text'],
    ]);
    const wechat = fields[1]!;
    const silk = (await app.call('customers.list', { search: '陈静' })).rows[0]!;
    const dubai = (await app.call('customers.list', { search: 'Omar' })).rows[0]!;
    expect((await app.call('customers.get', { id: silk.id })).customFields).toEqual({ [wechat.id]: 'chenjing_silk', [fair.id]: '广交会' });
    expect((await app.call('customers.get', { id: dubai.id })).customFields).toEqual({});
    // Merges filled only what the customer lacked; a different value it holds stays, the sheet's is kept in notes.
    expect(await app.call('customers.get', { id: hamburg.id })).toMatchObject({ customFields: { [fair.id]: 'Canton Fair 2024', [wechat.id]: 'annaschmidt1985' }, notes: 'Trade fair: Messe Frankfurt' });
    expect(await app.call('customers.get', { id: milano.id })).toMatchObject({ customFields: { [fair.id]: 'Canton Fair' }, notes: null });
    expect(query(app.dataDir, `SELECT notes FROM customers WHERE id = '${silk.id}'`)).toEqual([{ notes: '微信号: liuyang88' }]);
    // Found by their custom values, as values set in the customer form are.
    expect((await app.call('customers.list', { search: 'annaschmidt1985' })).rows.map((r) => r.id)).toEqual([hamburg.id]);
    expect((await app.call('customers.list', { search: '广交会' })).rows.map((r) => r.id)).toEqual([silk.id]);
    expect((await app.call('customers.list', { search: 'chenjing_silk' })).rows.map((r) => r.id)).toEqual([silk.id]);

    // The same sheet again: everything matches and is there already; no field, value or notes line is added.
    const afterFirst = snapshot(app.dataDir);
    const again = await app.call('imports.applyContacts', { path: file, sheet: 0, mapping: MAPPING, defaultOwnerId: null });
    expect(again.contacts).toEqual({ customersCreated: 0, contactsCreated: 0, rowsMerged: 5, rowsSkipped: 0 });
    expect(snapshot(app.dataDir)).toEqual(afterFirst);

    await app.call('imports.undo', { id: again.id });
    expect(snapshot(app.dataDir)).toEqual(afterFirst);
    await app.call('imports.undo', { id: batch.id });
    // Back to exactly what was there: the made field, the filled values, the notes line and the search rows.
    expect(snapshot(app.dataDir)).toEqual(before);
    expect((await app.call('customers.list', { search: 'annaschmidt1985' })).rows).toEqual([]);
  });

  it('a second import finds the field by its label in another width and case; undo keeps a field another import still holds values of', async () => {
    app = await createTempCore();
    const dir = folder();
    // The second row is skipped, and its "Booth" column (only it has a value there) makes no field.
    const first = writeSheet(dir, 'first.csv', [
      ['Osaka Trading Co.', 'Sato Kenji', 'kenji@osaka-trading.jp', 'sato_kenji', 'Canton Fair', ''],
      ['Skip Me Ltd', 'Skip', 'skip@skip.example', '', '', 'B-12'],
    ]);
    const a = await app.call('imports.applyContacts', { path: first, sheet: 0, mapping: [...MAPPING, custom('Booth')], defaultOwnerId: null, decisions: [{ rowNumber: 3, action: 'skip' }] });
    expect(a.contacts).toMatchObject({ customersCreated: 1, rowsSkipped: 1 });
    const fields = await app.call('customFields.list', {});
    expect(fields.map((f) => f.label)).toEqual(['微信号', 'Trade fair']);

    // Full-width letters and an ideographic space: the same label to NFKC and lower case.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leads');
    ws.getRow(1).values = ['Company', 'Contact', 'E-mail', 'ＴＲＡＤＥ\u3000ＦＡＩＲ'];
    ws.getRow(2).values = ['Lagos Imports Ltd', 'Ade', 'ade@lagos-imports.ng', 'Canton Fair 2025'];
    const second = path.join(dir, 'second.xlsx');
    fs.writeFileSync(second, Buffer.from(await wb.xlsx.writeBuffer()));
    const preview = await app.call('imports.previewContacts', { path: second });
    const mapping = preview.sheets[0]!.mapping.map((m) => m.target);
    expect(mapping.at(-1)).toEqual(custom('ＴＲＡＤＥ\u3000ＦＡＩＲ'));
    const b = await app.call('imports.applyContacts', { path: second, sheet: 0, mapping, defaultOwnerId: null });
    expect(await app.call('customFields.list', {})).toEqual(fields);
    const lagos = (await app.call('customers.list', { search: 'Lagos' })).rows[0]!;
    expect((await app.call('customers.get', { id: lagos.id })).customFields).toEqual({ [fields[1]!.id]: 'Canton Fair 2025' });

    // Undoing the first import out of order: its WeChat field goes, its fair field stays with Lagos's value.
    await app.call('imports.undo', { id: a.id });
    expect((await app.call('customFields.list', {})).map((f) => f.label)).toEqual(['Trade fair']);
    expect((await app.call('customers.get', { id: lagos.id })).customFields).toEqual({ [fields[1]!.id]: 'Canton Fair 2025' });
    await app.call('imports.undo', { id: b.id });
    expect(one(app.dataDir, 'SELECT count(*) FROM custom_field_values')).toBe(0);
  });

  it('a header longer than a field label holds is suggested, matched and made by its first 60 characters', async () => {
    app = await createTempCore();
    const header = `Booth visit at the 2024 Canton Fair (${'very '.repeat(10)}long header)`;
    expect(header.length).toBeGreaterThan(60);
    const file = path.join(folder(), 'long.csv');
    fs.writeFileSync(file, [`Company,Email,${header}`, 'Acme Tools Inc,bob@acmetools.com,wants samples'].join('\n'));
    const preview = await app.call('imports.previewContacts', { path: file });
    const mapping = preview.sheets[0]!.mapping.map((m) => m.target);
    expect(mapping.at(-1)).toEqual(custom(header.slice(0, 60)));
    await app.call('imports.applyContacts', { path: file, sheet: 0, mapping, defaultOwnerId: null });
    await app.call('imports.applyContacts', { path: file, sheet: 0, mapping, defaultOwnerId: null });
    expect((await app.call('customFields.list', {})).map((f) => f.label)).toEqual([header.slice(0, 60)]);
  });

  it('converts values to a field the user made with a type, and keeps what does not fit in notes', async () => {
    app = await createTempCore();
    const staff = await app.call('customFields.create', { label: 'Employees', type: 'number' });
    const since = await app.call('customFields.create', { label: 'Customer since', type: 'date' });
    const size = await app.call('customFields.create', { label: 'Size', type: 'select', options: ['Small', 'Large'] });
    const file = path.join(folder(), 'typed.csv');
    fs.writeFileSync(file, ['Company,Email,Employees,Customer since,Size', 'Acme Tools Inc,bob@acmetools.com,"1,200",2019/3/7,large', 'Beta Parts,eve@beta-parts.example,about 50,last year,Huge'].join('\n'));
    const mapping: ColumnTarget[] = [field('companyName'), field('email'), custom('employees'), custom('Customer Since'), custom('SIZE')];
    await app.call('imports.applyContacts', { path: file, sheet: 0, mapping, defaultOwnerId: null });
    expect(one(app.dataDir, 'SELECT count(*) FROM custom_field_defs')).toBe(3);
    const acme = (await app.call('customers.list', { search: 'Acme' })).rows[0]!;
    expect(await app.call('customers.get', { id: acme.id })).toMatchObject({ customFields: { [staff.id]: 1200, [since.id]: '2019-03-07', [size.id]: 'Large' }, notes: null });
    const beta = (await app.call('customers.list', { search: 'Beta' })).rows[0]!;
    expect(await app.call('customers.get', { id: beta.id })).toMatchObject({ customFields: {}, notes: 'employees: about 50\nCustomer Since: last year\nSIZE: Huge' });
    // The stored values pass the customer form's own checks: saving the customer unchanged succeeds.
    const detail = await app.call('customers.get', { id: acme.id });
    await app.call('customers.update', { id: acme.id, name: detail.name, regionCode: detail.regionCode, grade: detail.grade, customFields: detail.customFields });
  });

  it(`at the limit of ${MAX_CUSTOM_FIELDS} fields, a label that cannot become one stays in notes and the report says so`, async () => {
    app = await createTempCore();
    for (let i = 1; i < MAX_CUSTOM_FIELDS; i++) await app.call('customFields.create', { label: `Field ${i}`, type: 'text' });
    const file = writeSheet(folder(), 'limit.csv', [['Osaka Trading Co.', 'Sato Kenji', 'kenji@osaka-trading.jp', 'sato_kenji', 'Canton Fair']]);
    const batch = await app.call('imports.applyContacts', { path: file, sheet: 0, mapping: MAPPING, defaultOwnerId: null });
    expect((await app.call('customFields.list', {})).at(-1)!.label).toBe('微信号');
    expect(one(app.dataDir, "SELECT notes FROM customers WHERE name = 'Osaka Trading Co.'")).toBe('Trade fair: Canton Fair');
    const report = await app.call('imports.problems', { id: batch.id });
    expect(report.rows.map((r) => r.reason)).toEqual([{ key: 'contactImport.batch.customFieldLimit', params: { sheet: 'limit.csv', row: 2, label: 'Trade fair', max: MAX_CUSTOM_FIELDS } }]);
    // The report's text, in both languages.
    for (const catalog of Object.values(catalogs)) expect(catalog.contactImport.batch.customFieldLimit).toContain('{{label}}');
  });

  it('killed after its first chunk (SIGKILL), a resumed import makes no second field and no second value; undo removes them all', async () => {
    const dataDir = folder();
    const rows = ['Company,Contact,Email,Trade fair,Booth'];
    for (let i = 1; i <= 4500; i++) rows.push(`Firm ${i} Ltd,Person ${i},p${i}@firm${i}.example.com,Fair ${i % 7},B-${i}`);
    const file = path.join(folder(), 'big.csv');
    fs.writeFileSync(file, rows.join('\n'));

    const killed = await runCliChild(dataDir, ['import', 'contacts', file], { TRADEFOLIO_TEST_FAULT_POINT: 'import:contacts-committed:1' });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stderr).toContain('Trade fair → custom "Trade fair"');
    expect(one(dataDir, 'PRAGMA integrity_check')).toBe('ok');
    expect(query(dataDir, 'SELECT label, type FROM custom_field_defs ORDER BY sort')).toEqual([
      { label: 'Trade fair', type: 'text' },
      { label: 'Booth', type: 'text' },
    ]);
    expect(one(dataDir, 'SELECT count(*) FROM custom_field_values')).toBe(4000);
    const batchId = one(dataDir, 'SELECT id FROM import_batches') as string;

    const resumed = await runCliChild(dataDir, ['call', 'imports.resume', JSON.stringify({ id: batchId })]);
    expect(resumed.code).toBe(0);
    expect(one(dataDir, 'SELECT count(*) FROM custom_field_defs')).toBe(2);
    expect(one(dataDir, 'SELECT count(*) FROM custom_field_values')).toBe(9000);
    expect(one(dataDir, "SELECT count(*) FROM custom_field_values v JOIN custom_field_defs d ON d.id = v.field_id WHERE d.label = 'Booth'")).toBe(4500);

    app = await createTempCore({ dataDir });
    const found = (await app.call('customers.list', { search: 'B-4321' })).rows;
    expect(found.map((r) => r.name)).toEqual(['Firm 4321 Ltd']);
    await app.call('imports.undo', { id: batchId });
    expect(one(dataDir, 'SELECT count(*) FROM customers')).toBe(0);
    expect(one(dataDir, 'SELECT count(*) FROM custom_field_defs')).toBe(0);
  });
});
