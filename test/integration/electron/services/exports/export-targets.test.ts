import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';

/** Where an export may write: never over an existing file unless asked, only under its format's extension, never an empty mbox. */

let app: TempCore | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

const folder = tempFolders('tf-export-target-');

async function seeded() {
  app = await createTempCore();
  const owner = await app.call('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
  const customer = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE', ownerId: owner.id });
  return { app, owner, customer };
}

describe('an export onto an existing file', () => {
  it('keeps the file and fails naming it, and replaces it only with overwrite', async () => {
    const { app } = await seeded();
    const dir = folder();
    for (const format of ['csv', 'xlsx'] as const) {
      const file = path.join(dir, `customers.${format}`);
      fs.writeFileSync(file, 'the user’s own file');
      expect(await app.fail('exports.customers', { format, path: file })).toMatchObject({ code: 'conflict', message: 'exports.errors.exists', params: { file } });
      expect(fs.readFileSync(file, 'utf8')).toBe('the user’s own file');
      await app.call('exports.customers', { format, path: file, overwrite: true });
      expect(fs.readFileSync(file, 'utf8')).not.toBe('the user’s own file');
      expect(fs.statSync(file).size).toBeGreaterThan(100);
    }
    // No temporary file left behind by the refused or the replacing export.
    expect(fs.readdirSync(dir).sort()).toEqual(['customers.csv', 'customers.xlsx']);
  });

  it('writes a new file without overwrite, and refuses a second export to the same name', async () => {
    const { app } = await seeded();
    const file = path.join(folder(), 'customers.csv');
    await app.call('exports.customers', { format: 'csv', path: file });
    const first = fs.readFileSync(file);
    expect(await app.fail('exports.customers', { format: 'csv', path: file })).toMatchObject({ message: 'exports.errors.exists', params: { file } });
    expect(fs.readFileSync(file)).toEqual(first);
  });
});

describe('an export under the wrong extension', () => {
  it('refuses, naming the file and the extension its format needs', async () => {
    const { app, customer } = await seeded();
    const dir = folder();
    const csvAsXlsx = path.join(dir, 'customers.xlsx');
    expect(await app.fail('exports.customers', { format: 'csv', path: csvAsXlsx })).toMatchObject({
      code: 'validation',
      message: 'exports.errors.wrongExtension',
      params: { file: csvAsXlsx, extension: '.csv', format: 'CSV' },
    });
    const noExtension = path.join(dir, 'customers');
    expect(await app.fail('exports.customers', { format: 'xlsx', path: noExtension })).toMatchObject({ message: 'exports.errors.wrongExtension', params: { extension: '.xlsx' } });
    const mailAsTxt = path.join(dir, 'mail.txt');
    expect(await app.fail('exports.mail', { path: mailAsTxt, customerId: customer.id })).toMatchObject({ message: 'exports.errors.wrongExtension', params: { extension: '.mbox' } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('an export of no mail', () => {
  it('refuses with a message naming the customer or salesperson, and writes nothing', async () => {
    const { app, owner, customer } = await seeded();
    const dir = folder();
    const file = path.join(dir, 'hamburg.mbox');
    expect(await app.fail('exports.mail', { path: file, customerId: customer.id })).toMatchObject({
      code: 'validation',
      message: 'exports.errors.nothingToExport',
      params: { name: 'Hamburg Trade GmbH' },
    });
    expect(await app.fail('exports.mail', { path: file, ownerId: owner.id })).toMatchObject({ message: 'exports.errors.nothingToExport', params: { name: 'Li Wei' } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
