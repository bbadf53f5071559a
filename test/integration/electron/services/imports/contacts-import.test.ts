import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../../electron/services/core/app-core.ts';
import type { ColumnTarget } from '../../../../../shared/contract/imports.contract.ts';
import { runCliChild } from '../../../../helpers/child-hosts.ts';
import { writeMbox } from '../../../../helpers/mail-archives.ts';
import { rfc822 } from '../../../../helpers/mail-test-kit.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';

let app: TempCore | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

const folder = tempFolders('tf-contacts-import-');

function query<T>(dataDir: string, sql: string): T[] {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const one = (dataDir: string, sql: string) => Object.values(query<Record<string, unknown>>(dataDir, sql)[0]!)[0];

/** Everything an import may add or change, to compare before and after. */
function snapshot(dataDir: string) {
  return {
    customers: query(dataDir, 'SELECT id, code, name, local_name, country, website, address, notes FROM customers ORDER BY id'),
    contacts: query(dataDir, 'SELECT id, customer_id, name FROM contacts ORDER BY id'),
    channels: query(dataDir, 'SELECT id, contact_id, value FROM contact_channels ORDER BY id'),
    tags: query(dataDir, 'SELECT t.name, ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id ORDER BY 1, 2'),
    tagNames: query(dataDir, 'SELECT name FROM tags ORDER BY name'),
    domains: query(dataDir, 'SELECT customer_id, domain FROM customer_domains ORDER BY 1, 2'),
    search: query(dataDir, 'SELECT rowid, text FROM customer_search ORDER BY rowid'),
    filing: query(dataDir, 'SELECT message_id, customer_id FROM mail_message_customers ORDER BY 1, 2'),
  };
}

/** A salesperson's sheet as Chinese Excel saves it: GBK, Chinese headers, a title row, the usual mess. */
const GBK_SHEET = [
  '客户名单（王经理）',
  '公司名称,联系人,邮箱,电话,国家,网址,等级,标签,备注',
  '汉堡贸易有限公司 Hamburg Trade GmbH,Anna Schmidt,anna@hamburg-trade.de；sales@hamburg-trade.de,+49 40 1234567,德国,hamburg-trade.de,A,展会,老客户',
  'Milano Tessuti SRL,Marco Rossi,marco@milano-tessuti.it,0039 02 1234 5678,意大利,,B,,',
  'Lyon Textiles SA,Claire Martin,claire@gmail.com,,法国,,,,',
  '杭州丝绸进出口有限公司,陈静,chen@hzsilk.cn / info@hzsilk.cn,１３９００００１１１１,中国,www.hzsilk.cn,甲,"面料,丝绸","=HYPERLINK(""http://evil.example"",""点击"")"',
  '杭州丝绸进出口有限公司,刘洋,liu@hzsilk.cn,13900002222,中国,,,,',
  ',,,,,,,,只有备注没有名字',
  'Dubai Star Trading LLC,Omar,omar(at)dubaistar.ae,,阿联酋,,Z,,',
].join('\r\n');

function writeGbkSheet(dir: string): string {
  const file = path.join(dir, '客户名单.csv');
  fs.writeFileSync(file, iconv.encode(GBK_SHEET, 'gbk'));
  return file;
}

async function seedExisting(core: TempCore) {
  // Matched by a contact's email: gets Anna's second address and its missing website… website is there, so only the address.
  const hamburg = await core.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' });
  await core.call('contacts.create', { customerId: hamburg.id, name: 'Anna Schmidt', channels: [{ kind: 'email', value: 'Anna@Hamburg-Trade.de' }] });
  // Matched by its company domain (another contact's address): Marco is added to it.
  const milano = await core.call('customers.create', { name: 'Tessitura Milanese', regionCode: 'EU', country: 'IT' });
  await core.call('contacts.create', { customerId: milano.id, name: 'Giulia', channels: [{ kind: 'email', value: 'giulia@milano-tessuti.it' }] });
  // Matched by normalised name ("SA" and case do not count), with a free-mail address that must not match by domain.
  const lyon = await core.call('customers.create', { name: 'LYON TEXTILES', regionCode: 'EU' });
  return { hamburg, milano, lyon };
}

const field = (f: Extract<ColumnTarget, { kind: 'field' }>['field']): ColumnTarget => ({ kind: 'field', field: f });

describe('importing contact sheets', () => {
  it('previews a GBK sheet with Chinese headers: mapping, problems per row, matches and proposed actions', async () => {
    app = await createTempCore();
    const existing = await seedExisting(app);
    const file = writeGbkSheet(folder());
    const preview = await app.call('imports.previewContacts', { path: file });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',' });
    const sheet = preview.sheets[0]!;
    expect(sheet.mapping.map((m) => m.target)).toEqual([
      field('companyName'), field('contactName'), field('email'), field('phone'), field('country'), field('website'), field('grade'), field('tags'), field('notes'),
    ]);
    const byRow = new Map(sheet.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(3)).toMatchObject({ action: 'merge', match: { by: 'email', customerId: existing.hamburg.id, contactName: 'Anna Schmidt' } });
    expect(byRow.get(3)!.contact.contact.channels.filter((c) => c.kind === 'email').map((c) => c.value)).toEqual(['anna@hamburg-trade.de', 'sales@hamburg-trade.de']);
    expect(byRow.get(4)).toMatchObject({ action: 'merge', match: { by: 'domain', value: 'milano-tessuti.it', customerId: existing.milano.id } });
    expect(byRow.get(5)).toMatchObject({ action: 'merge', match: { by: 'name', customerId: existing.lyon.id } });
    expect(byRow.get(6)).toMatchObject({ action: 'create', match: null });
    expect(byRow.get(6)!.contact.contact.channels).toContainEqual({ kind: 'phone', value: '+86 139 0000 1111' });
    // A row with nothing to name it is skipped, and says why.
    expect(byRow.get(8)!.action).toBe('skip');
    expect(byRow.get(8)!.problems.map((p) => [p.code, p.severity, p.params['row']])).toEqual([['noNameOrCompany', 'error', 8]]);
    expect(byRow.get(9)!.problems.map((p) => p.code).sort()).toEqual(['invalidEmail', 'unknownGrade']);
    // Nothing was written.
    expect(one(app.dataDir, 'SELECT count(*) FROM customers')).toBe(3);
    expect(one(app.dataDir, 'SELECT count(*) FROM import_batches')).toBe(0);
  });

  it('applies a sheet as one batch: merges, creates, files mail; a second import adds nothing; undo takes back exactly what it added', async () => {
    app = await createTempCore();
    const owner = await app.call('owners.create', { name: 'Wang Fang', email: 'wang@mytrade.cn' });
    const existing = await seedExisting(app);
    const dir = folder();
    // Mail from Chen arrived before she was a contact: importing her files it under her new customer.
    const archive = path.join(dir, 'old.mbox');
    writeMbox(archive, [rfc822({ from: 'chen@hzsilk.cn', to: 'wang@mytrade.cn', subject: '丝绸样品', body: '样品已寄出。\n', messageId: 'silk1@hzsilk.cn', date: new Date(Date.UTC(2025, 4, 2)) })], { variant: 'mboxrd' });
    await app.call('imports.startMail', { path: archive, ownerId: owner.id, ownAddresses: [] });
    await app.core.imports().whenIdle();
    const before = snapshot(app.dataDir);
    const file = writeGbkSheet(dir);
    const { sheets } = await app.call('imports.previewContacts', { path: file });
    const mapping = sheets[0]!.mapping.map((m) => m.target);

    const batch = await app.call('imports.applyContacts', { path: file, sheet: 0, mapping, defaultOwnerId: owner.id });
    expect(batch).toMatchObject({ kind: 'contacts', status: 'done', sourceKind: 'csv', itemsDone: 7, error: null });
    // Created: Hangzhou Silk (with Chen; Liu merged into it) and Dubai Star; merged: Hamburg, Milano, Lyon, Liu's row.
    expect(batch.contacts).toEqual({ customersCreated: 2, contactsCreated: 5, rowsMerged: 4, rowsSkipped: 1 });
    const silk = query<{ id: string; code: string; owner_id: string; grade: string; notes: string; local_name: string | null }>(app.dataDir, "SELECT * FROM customers WHERE name = '杭州丝绸进出口有限公司'");
    expect(silk).toHaveLength(1);
    expect(silk[0]).toMatchObject({ code: 'AS-001-A', owner_id: owner.id, grade: 'A' });
    // A formula-looking cell is text, kept as written.
    expect(silk[0]!.notes).toBe('=HYPERLINK("http://evil.example","点击")');
    expect(query(app.dataDir, `SELECT name FROM contacts WHERE customer_id = '${silk[0]!.id}' ORDER BY name`)).toEqual([{ name: '刘洋' }, { name: '陈静' }]);
    expect(query(app.dataDir, `SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = '${silk[0]!.id}' ORDER BY 1`)).toEqual([{ name: '丝绸' }, { name: '面料' }]);
    // Searchable at once, by a contact's name and by an address.
    expect((await app.call('customers.list', { search: '陈静' })).rows.map((r) => r.id)).toEqual([silk[0]!.id]);
    // Merged: Anna's second address, Marco as a new contact at Milano, Lyon's country filled.
    const hamburgDetail = await app.call('customers.get', { id: existing.hamburg.id });
    expect(hamburgDetail.contacts).toHaveLength(1);
    expect(hamburgDetail.contacts[0]!.channels.map((c) => c.value)).toEqual(['Anna@Hamburg-Trade.de', 'sales@hamburg-trade.de', '+49 40 1234567']);
    expect((await app.call('customers.get', { id: existing.milano.id })).contacts.map((c) => c.name)).toEqual(['Giulia', 'Marco Rossi']);
    expect(await app.call('customers.get', { id: existing.lyon.id })).toMatchObject({ country: 'FR' });
    // Chen's earlier mail is filed under her new customer.
    const timeline = await app.call('customers.timeline', { customerId: silk[0]!.id });
    expect(timeline.rows.map((r) => r.type === 'mail' && r.message.subject)).toContain('丝绸样品');
    // The report names each row's problems.
    const report = await app.call('imports.problems', { id: batch.id });
    const noName = report.rows.find((r) => r.reason.key === 'contactImport.problems.noNameOrCompany')!;
    expect(noName.label).toEqual({ key: 'contactImport.batch.rowLabel', params: { sheet: '客户名单.csv', row: 8 } });

    // The same sheet again: everything matches, nothing is added.
    const afterFirst = snapshot(app.dataDir);
    const again = await app.call('imports.applyContacts', { path: file, sheet: 0, mapping, defaultOwnerId: owner.id });
    expect(again.contacts).toEqual({ customersCreated: 0, contactsCreated: 0, rowsMerged: 6, rowsSkipped: 1 });
    const afterSecond = snapshot(app.dataDir);
    expect(afterSecond).toEqual(afterFirst);

    // Undo both, newest first: back to exactly what was there, mail filing included.
    await app.call('imports.undo', { id: again.id });
    expect(snapshot(app.dataDir)).toEqual(afterFirst);
    const undone = await app.call('imports.undo', { id: batch.id });
    expect(undone.status).toBe('undone');
    expect(snapshot(app.dataDir)).toEqual(before);
    expect((await app.call('imports.list', {})).map((b) => [b.kind, b.status])).toEqual([
      ['contacts', 'undone'],
      ['contacts', 'undone'],
      ['mail', 'done'],
    ]);
  });

  it('undo keeps what the user changed after the import', async () => {
    app = await createTempCore();
    const existing = await seedExisting(app);
    const file = writeGbkSheet(folder());
    const { sheets } = await app.call('imports.previewContacts', { path: file });
    const batch = await app.call('imports.applyContacts', { path: file, sheet: 0, mapping: sheets[0]!.mapping.map((m) => m.target), defaultOwnerId: null });
    // The import filled Lyon's country with FR; the user then set it to BE.
    const lyon = await app.call('customers.get', { id: existing.lyon.id });
    await app.call('customers.update', { id: lyon.id, name: lyon.name, regionCode: lyon.regionCode, country: 'BE', grade: lyon.grade });
    await app.call('imports.undo', { id: batch.id });
    expect(await app.call('customers.get', { id: existing.lyon.id })).toMatchObject({ country: 'BE' });
    expect(one(app.dataDir, 'SELECT count(*) FROM customers')).toBe(3);
  });

  it('imports the chosen sheet of an .xlsx with two sheets, and remembers the mapping for those headers', async () => {
    app = await createTempCore();
    const wb = new ExcelJS.Workbook();
    const cn = wb.addWorksheet('国内客户');
    cn.getRow(1).values = ['序号', '公司名称', '联系人', '手机'];
    cn.getRow(2).values = [1, '宁波五金工具厂', '周强', '13800001234'];
    const en = wb.addWorksheet('Export');
    en.getRow(1).values = ['Company', 'Contact', 'E-mail', 'Country', 'Turnover'];
    en.getRow(2).values = ['Acme Tools Inc', 'Bob Miller', 'bob@acmetools.com', 'USA', { formula: 'SUM(1,2)', result: 3 }];
    en.getRow(3).values = ['=1+2 Holdings', 'Eve', 'eve@holdings.example', 'Canada', 5];
    const file = path.join(folder(), 'customers.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const preview = await app.call('imports.previewContacts', { path: file });
    expect(preview.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['国内客户', 1],
      ['Export', 2],
    ]);
    const mapping = preview.sheets[1]!.mapping.map((m) => m.target);
    expect(mapping.at(-1)).toEqual({ kind: 'custom', label: 'Turnover' });
    const batch = await app.call('imports.applyContacts', { path: file, sheet: 1, mapping, defaultOwnerId: null, rememberMappingAs: 'Export sheet' });
    expect(batch.contacts).toEqual({ customersCreated: 2, contactsCreated: 2, rowsMerged: 0, rowsSkipped: 0 });
    // The unknown "Turnover" column became a text custom field holding each cell as written, not a notes line.
    expect(query(app.dataDir, 'SELECT name, country, region_code, notes FROM customers ORDER BY name')).toEqual([
      { name: '=1+2 Holdings', country: 'CA', region_code: 'NA', notes: null },
      { name: 'Acme Tools Inc', country: 'US', region_code: 'NA', notes: null },
    ]);
    const fields = await app.call('customFields.list', {});
    expect(fields.map((f) => [f.label, f.type])).toEqual([['Turnover', 'text']]);
    expect(query(app.dataDir, 'SELECT c.name, v.value FROM custom_field_values v JOIN customers c ON c.id = v.customer_id ORDER BY 1')).toEqual([
      { name: '=1+2 Holdings', value: '"5"' },
      { name: 'Acme Tools Inc', value: '"3"' },
    ]);
    expect(one(app.dataDir, "SELECT count(*) FROM customers WHERE name = '宁波五金工具厂'")).toBe(0);

    // Next time, a sheet with these headers gets the saved mapping, by name.
    const next = await app.call('imports.previewContacts', { path: file, sheet: 1 });
    expect(next.sheets[1]).toMatchObject({ savedMapping: 'Export sheet' });
    expect(next.sheets[1]!.mapping.every((m) => m.basis === 'saved')).toBe(true);
    expect(next.sheets[0]!.rows).toEqual([]);
    expect((await app.call('imports.contactMappings', {})).map((m) => m.name)).toEqual(['Export sheet']);
  });

  it('imports a vCard file, honouring a decision to skip one card', async () => {
    app = await createTempCore();
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Sato Kenji', 'ORG:Osaka Trading Co.', 'EMAIL;TYPE=work:kenji@osaka-trading.jp', 'TEL;TYPE=cell:+81 90 1234 5678', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B=E8=8A=B3', 'ORG;CHARSET=UTF-8:深圳电子', 'EMAIL:wang@sz-elec.cn', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Skip Me', 'EMAIL:skip@skip.example', 'END:VCARD',
    ].join('\r\n');
    const file = path.join(folder(), 'contacts.vcf');
    fs.writeFileSync(file, vcf);
    const preview = await app.call('imports.previewContacts', { path: file });
    expect(preview.format).toBe('vcard');
    const sheet = preview.sheets[0]!;
    expect(sheet.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
    const batch = await app.call('imports.applyContacts', {
      path: file,
      mapping: sheet.mapping.map((m) => m.target),
      defaultOwnerId: null,
      decisions: [{ rowNumber: sheet.rows[2]!.rowNumber, action: 'skip' }],
    });
    expect(batch.contacts).toEqual({ customersCreated: 2, contactsCreated: 2, rowsMerged: 0, rowsSkipped: 1 });
    expect(query(app.dataDir, 'SELECT c.name AS company, ct.name AS contact FROM customers c JOIN contacts ct ON ct.customer_id = c.id ORDER BY 1')).toEqual([
      { company: 'Osaka Trading Co.', contact: 'Sato Kenji' },
      { company: '深圳电子', contact: '王芳' },
    ]);
  });

  it('refuses a file that is not a contact sheet, naming it', async () => {
    app = await createTempCore();
    const file = path.join(folder(), 'photo.xlsx');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0]));
    const error = await app.fail('imports.applyContacts', { path: file, mapping: [], defaultOwnerId: null });
    expect(error).toMatchObject({ code: 'validation', message: 'contactImport.file.unsupported', params: { file: 'photo.xlsx' } });
    expect(one(app.dataDir, 'SELECT count(*) FROM import_batches')).toBe(0);
  });

  it('imports a sheet from the command line in a child process: progress on stderr, summary on stdout, exit 1 with the reason on failure', async () => {
    const dataDir = folder();
    app = await createTempCore({ dataDir });
    const owner = await app.call('owners.create', { name: 'Wang Fang' });
    await app.close();
    app = null;
    const file = writeGbkSheet(folder());

    const run = await runCliChild(dataDir, ['import', 'contacts', file, '--owner', 'wang fang', '--sheet', '1']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('公司名称 → companyName');
    expect(run.stdout).toContain('customers created 5, contacts created 6, merged 1, skipped 1');
    expect(run.stdout).toMatch(/row Sheet “客户名单.csv”, row 8: Sheet “客户名单.csv”, row 8 has no company name, contact name or email/);
    expect(one(dataDir, `SELECT count(*) FROM customers WHERE owner_id = '${owner.id}'`)).toBe(5);

    const again = await runCliChild(dataDir, ['import', 'contacts', file]);
    expect(again.stdout).toContain('customers created 0, contacts created 0, merged 6, skipped 1');
    expect(one(dataDir, 'SELECT count(*) FROM customers')).toBe(5);

    const missing = await runCliChild(dataDir, ['import', 'contacts', path.join(dataDir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('contactImport.file.unreadable');
    const noMapping = await runCliChild(dataDir, ['import', 'contacts', file, '--mapping', 'Li Lei sheet']);
    expect(noMapping.code).toBe(1);
    expect(noMapping.stderr).toContain('There is no saved column mapping named “Li Lei sheet”.');
  });

  it('a contact import killed part-way (SIGKILL after its first chunk) resumes from its checkpoint: nothing twice, nothing missing', async () => {
    const dataDir = folder();
    const rows = ['Company,Contact,Email'];
    for (let i = 1; i <= 4500; i++) rows.push(`Firm ${i} Ltd,Person ${i},p${i}@firm${i}.example.com`);
    const file = path.join(folder(), 'big.csv');
    fs.writeFileSync(file, rows.join('\n'));

    const killed = await runCliChild(dataDir, ['import', 'contacts', file], { TRADEFOLIO_TEST_FAULT_POINT: 'import:contacts-committed:1' });
    expect(killed.signal).toBe('SIGKILL');
    expect(one(dataDir, 'PRAGMA integrity_check')).toBe('ok');
    expect(one(dataDir, 'SELECT count(*) FROM customers')).toBe(2000);
    const batchId = one(dataDir, 'SELECT id FROM import_batches') as string;

    const resumed = await runCliChild(dataDir, ['call', 'imports.resume', JSON.stringify({ id: batchId })]);
    expect(resumed.code).toBe(0);
    expect((JSON.parse(resumed.stdout) as { value: unknown }).value).toMatchObject({ status: 'done', itemsDone: 4500, contacts: { customersCreated: 4500, contactsCreated: 4500, rowsMerged: 0, rowsSkipped: 0 } });
    expect(one(dataDir, 'SELECT count(*) FROM customers')).toBe(4500);
    expect(one(dataDir, 'SELECT count(DISTINCT name) FROM customers')).toBe(4500);
    expect(one(dataDir, 'SELECT count(*) FROM import_contact_rows')).toBe(4500);
    expect(one(dataDir, 'SELECT count(DISTINCT code) FROM customers')).toBe(4500);
  });
});
