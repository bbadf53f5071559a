import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTACT_ROWS_THREADED, contactRows, type SeqRow } from '../../../../../../electron/services/imports/contact-import/contact-rows.ts';
import { matchKeys } from '../../../../../../electron/services/imports/contact-import/contact-matching.ts';
import { openContactFile } from '../../../../../../electron/services/imports/contacts/contact-file.reader.ts';
import { normaliseContactRow } from '../../../../../../electron/services/imports/contacts/contact-row.ts';
import { suggestMapping } from '../../../../../../electron/services/imports/contacts/header-mapping.ts';
import { AppFailure } from '../../../../../../shared/contract/result.ts';
import { tempFolders } from '../../../../../helpers/temp-folders.ts';

const folder = tempFolders('tf-contact-rows-');

/** A GBK sheet of `rows` rows with phones in three forms and two addresses in some cells. */
function gbkSheet(rows: number): string {
  const lines = ['公司名称,联系人,邮箱,电话,国家'];
  for (let i = 1; i <= rows; i++) lines.push(`公司 ${i} 有限公司,联系人 ${i},p${i}@c${i}.example.com${i % 4 === 0 ? `；sales@c${i}.example.com` : ''},${i % 2 ? `0086 139${String(i).padStart(8, '0')}` : `１３８${String(i).padStart(8, '0')}`},${i % 3 ? '德国' : 'USA'}`);
  const file = path.join(folder(), '客户.csv');
  fs.writeFileSync(file, iconv.encode(lines.join('\r\n'), 'gbk'));
  return file;
}

async function collect(rows: AsyncIterable<SeqRow[]>): Promise<SeqRow[]> {
  const out: SeqRow[] = [];
  for await (const batch of rows) out.push(...batch);
  return out;
}

describe('a contact import reading its rows on a worker thread', () => {
  it('gives the rows, normalised and with their match keys, exactly as reading them in this thread does; from a checkpoint on, the rest', async () => {
    expect(CONTACT_ROWS_THREADED).toBe(true);
    const file = gbkSheet(1234);
    const opened = await openContactFile(file);
    const sheet = opened.sheets[0]!;
    const targets = suggestMapping(sheet.headers).map((s) => s.target);
    const here: SeqRow[] = [];
    let seq = 0;
    for await (const row of opened.rows(0)) {
      const normalised = normaliseContactRow(row, sheet, targets);
      here.push({ seq: ++seq, row: normalised, keys: matchKeys(normalised.contact) });
    }
    expect(here).toHaveLength(1234);
    // The phones were normalised (0086, full-width digits in the row's country): what the worker must do too.
    const phone = (i: number) => here[i]!.row.contact.contact.channels.find((c) => c.kind === 'phone')?.value;
    expect([phone(0), phone(1)]).toEqual([expect.stringMatching(/^\+86 139/), expect.stringMatching(/^\+49 138/)]);

    expect(await collect(contactRows({ path: file, open: {}, sheet: 0, targets, after: 0 }))).toEqual(here);
    expect(await collect(contactRows({ path: file, open: {}, sheet: 0, targets, after: 1000 }))).toEqual(here.slice(1000));
  });

  it('stops the thread when the import stops part-way, and reports an unreadable file with its own message', async () => {
    const file = gbkSheet(3000);
    const targets = suggestMapping((await openContactFile(file)).sheets[0]!.headers).map((s) => s.target);
    let taken = 0;
    for await (const batch of contactRows({ path: file, open: {}, sheet: 0, targets, after: 0 })) {
      taken += batch.length;
      if (taken >= 500) break;
    }
    expect(taken).toBe(500);

    fs.rmSync(file);
    const failure = await collect(contactRows({ path: file, open: {}, sheet: 0, targets, after: 0 })).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).error.message).toBe('contactImport.file.unreadable');
  });
});
