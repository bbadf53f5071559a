import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLogo } from '../../../../../electron/services/settings/letterhead-logo.ts';
import { tinyPng } from '../../../../fixtures/quote-document-fixtures.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';

const tempDir = tempFolders('tradefolio-letterhead-');
const cores: TempCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

async function open(): Promise<TempCore> {
  const app = await createTempCore({ dataDir: tempDir() });
  cores.push(app);
  return app;
}

describe('Settings → Letterhead', () => {
  it('starts empty, keeps what each save gives and leaves the rest as it was', async () => {
    const app = await open();
    expect((await app.call('settings.get', {})).letterhead).toEqual({ companyName: '', address: '', phone: '', email: '', website: '', bankDetails: '', logo: null });
    await app.call('settings.update', { letterhead: { companyName: '  宁波远航贸易有限公司 Ningbo Voyage Trading  ', bankDetails: 'Bank of China\nSWIFT: BKCHCNBJ92A' } });
    const after = await app.call('settings.update', { letterhead: { phone: '+86 574 8888 6666' } });
    expect(after.letterhead).toMatchObject({ companyName: '宁波远航贸易有限公司 Ningbo Voyage Trading', bankDetails: 'Bank of China\nSWIFT: BKCHCNBJ92A', phone: '+86 574 8888 6666', logo: null });
  });

  it('copies a chosen PNG or JPEG into the data folder by its hash, so moving the original does not lose it', async () => {
    const app = await open();
    const folder = tempDir();
    const png = path.join(folder, 'logo.png');
    fs.writeFileSync(png, tinyPng());
    const saved = await app.call('settings.update', { letterhead: { logoPath: png } });
    expect(saved.letterhead.logo).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), mimeType: 'image/png' });
    fs.rmSync(png);
    expect(readLogo(app.dataDir, saved.letterhead.logo)).toEqual(tinyPng());
    // The settings page previews it from the stored copy.
    expect(await app.call('settings.letterheadLogo', {})).toEqual({ dataUrl: `data:image/png;base64,${tinyPng().toString('base64')}` });
    // A JPEG by its bytes, whatever its name says.
    const jpeg = path.join(folder, 'logo.bin');
    fs.writeFileSync(jpeg, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]));
    expect((await app.call('settings.update', { letterhead: { logoPath: jpeg } })).letterhead.logo?.mimeType).toBe('image/jpeg');
    expect((await app.call('settings.update', { letterhead: { logoPath: null } })).letterhead.logo).toBeNull();
    expect(await app.call('settings.letterheadLogo', {})).toEqual({ dataUrl: null });
  });

  it('refuses a logo that is not a PNG or JPEG, too big, missing or relative, naming the file under the logo field', async () => {
    const app = await open();
    const folder = tempDir();
    const text = path.join(folder, 'logo.png');
    fs.writeFileSync(text, 'not a picture');
    const big = path.join(folder, 'big.png');
    fs.writeFileSync(big, Buffer.concat([tinyPng(), Buffer.alloc(2 * 1024 * 1024)]));
    const cases: Array<[string, string]> = [
      [text, 'quoteDocuments.errors.logoNotImage'],
      [big, 'quoteDocuments.errors.logoTooLarge'],
      [path.join(folder, 'gone.png'), 'quoteDocuments.errors.logoUnreadable'],
      [folder, 'quoteDocuments.errors.logoUnreadable'],
      ['logo.png', 'quoteDocuments.errors.logoNotAbsolute'],
    ];
    for (const [file, message] of cases) {
      const error = await app.fail('settings.update', { letterhead: { companyName: 'Changed', logoPath: file } });
      expect(error).toMatchObject({ code: 'validation', message, fieldErrors: [{ path: 'letterhead.logoPath', message, params: { file } }] });
    }
    // Nothing of a refused save is kept.
    expect((await app.call('settings.get', {})).letterhead.companyName).toBe('');
  });

  it('refuses text longer than the documents can hold, naming the field', async () => {
    const app = await open();
    const error = await app.fail('settings.update', { letterhead: { companyName: 'x'.repeat(201) } });
    expect(error.code).toBe('validation');
    expect(error.fieldErrors?.[0]?.path).toBe('letterhead.companyName');
  });
});
