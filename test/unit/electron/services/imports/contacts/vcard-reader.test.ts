import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openContactFile } from '../../../../../../electron/services/imports/contacts/contact-file.reader.ts';
import { allRows, headerTexts, tempFolder } from './contact-test-files.ts';

const write = tempFolder();

/** Quoted-printable of bytes, as phones write it (=XX for every byte of a non-ASCII character). */
const qp = (bytes: Buffer) => [...bytes].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** The vCard fields of a row by header, for readable assertions. */
async function cards(file: string) {
  const opened = await openContactFile(file);
  const headers = headerTexts(opened);
  return (await allRows(opened)).map((r) => {
    const fields: Record<string, string | undefined> = Object.fromEntries(headers.map((h, i) => [h, r.cells[i]]));
    return Object.assign({ number: r.rowNumber, problems: r.problems }, fields);
  });
}

describe('reading vCard files', () => {
  it('reads vCard 2.1 with quoted-printable in CHARSET=GBK, soft line breaks and folded lines', async () => {
    const gbkName = qp(iconv.encode('张伟', 'gbk'));
    const gbkOrg = qp(iconv.encode('上海华贸进出口有限公司', 'gbk'));
    const utf8Note = qp(Buffer.from('广交会认识的客户，需要报价', 'utf8'));
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:${qp(iconv.encode('张', 'gbk'))};${qp(iconv.encode('伟', 'gbk'))};;;`,
      `FN;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:${gbkName}`,
      // A QP soft line break: the value goes on in the next line, unindented.
      `ORG;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:${gbkOrg.slice(0, 30)}=`,
      `${gbkOrg.slice(30)}`,
      'TEL;CELL;PREF:+86 138 0013 8000',
      'TEL;WORK:021-6888-1234',
      'EMAIL;INTERNET:zhang.wei@huamao.cn',
      `NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${utf8Note}`,
      // RFC folding: a line that starts with a space continues the one before.
      'URL:http://www.huamao',
      ' .cn',
      'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD',
      ' /2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U',
      '',
      'END:VCARD',
      '',
    ].join('\r\n');
    const [card] = await cards(write('phone-export.vcf', text));
    expect(card).toMatchObject({
      number: 1,
      FN: '张伟',
      ORG: '上海华贸进出口有限公司',
      TEL: '+86 138 0013 8000; 021-6888-1234',
      EMAIL: 'zhang.wei@huamao.cn',
      NOTE: '广交会认识的客户，需要报价',
      URL: 'http://www.huamao.cn',
      problems: [],
    });
  });

  it('reads raw GBK bytes without CHARSET in a GBK file, and names from N when FN is missing', async () => {
    const text = ['BEGIN:VCARD', 'VERSION:2.1', 'N:李;娜', 'ORG:深圳市宏达电子有限公司;销售部', 'TITLE:采购经理', 'END:VCARD'].join('\r\n');
    const [card] = await cards(write('gbk.vcf', iconv.encode(text, 'gbk')));
    expect(card).toMatchObject({ FN: '李娜', ORG: '深圳市宏达电子有限公司', TITLE: '采购经理' });
  });

  it('reads vCard 3.0 and 4.0 files with several cards, escapes, groups and addresses', async () => {
    const v3 = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Jürgen Müller',
      'N:Müller;Jürgen;;;',
      'ORG:Müller Handels GmbH',
      'TITLE:Einkaufsleiter',
      'EMAIL;TYPE=INTERNET,WORK:j.mueller@mueller-handel.de',
      'EMAIL;TYPE=INTERNET,HOME:juergen@gmx.de',
      'item1.TEL;TYPE=CELL:+49 171 1234567',
      'ADR;TYPE=WORK:;;Hauptstraße 5\\, Hinterhaus;Berlin;;10115;Germany',
      'NOTE:Line one\\nLine two\\; with semicolon',
      'CATEGORIES:fair,vip',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ana García',
      'ORG:Beta SA',
      'EMAIL:ana@beta.es',
      'END:VCARD',
    ].join('\n');
    const v4 = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Chen Jing',
      'ORG:Hangzhou Silk Co.',
      'TEL;VALUE=uri;TYPE="voice,work":tel:+86-571-8765-4321',
      'EMAIL;PREF=1:chen@hzsilk.cn',
      'URL:https://hzsilk.cn',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Bob Stone',
      'EMAIL:bob@stone.co.uk',
      'ADR;LABEL="1 High St, London":;;1 High St;London;;;United Kingdom',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Cut Off',
    ].join('\r\n');
    const three = await cards(write('v3.vcf', v3));
    expect(three).toHaveLength(2);
    expect(three[0]).toMatchObject({
      FN: 'Jürgen Müller',
      EMAIL: 'j.mueller@mueller-handel.de; juergen@gmx.de',
      TEL: '+49 171 1234567',
      ADR: 'Hauptstraße 5, Hinterhaus, Berlin, 10115',
      COUNTRY: 'Germany',
      NOTE: 'Line one\nLine two; with semicolon',
      CATEGORIES: 'fair,vip',
    });
    expect(three[1]).toMatchObject({ number: 2, FN: 'Ana García', ORG: 'Beta SA', EMAIL: 'ana@beta.es' });
    const four = await cards(write('v4.vcf', v4));
    expect(four.map((c) => c.FN)).toEqual(['Chen Jing', 'Bob Stone', 'Cut Off']);
    expect(four[0]).toMatchObject({ TEL: '+86-571-8765-4321', EMAIL: 'chen@hzsilk.cn', URL: 'https://hzsilk.cn' });
    expect(four[1]).toMatchObject({ ADR: '1 High St, London', COUNTRY: 'United Kingdom' });
    // A card the file cut off is still read, with a problem naming it.
    expect(four[2]!.problems).toEqual([expect.objectContaining({ code: 'brokenCard', params: { sheet: 'v4.vcf', row: 3, line: 15 } })]);
  });

  it('reads a UTF-16 vCard and tells vCard from CSV by content, not name', async () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王芳\r\nEMAIL:wang.fang@dongfang.cn\r\nEND:VCARD\r\n';
    const file = await openContactFile(write('contacts.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])));
    expect(file.format).toBe('vcard');
    expect(file.sheets[0]!.rowUnit).toBe('card');
    expect((await allRows(file))[0]!.cells.slice(0, 4)).toEqual(['王芳', '', '', 'wang.fang@dongfang.cn']);
  });
});
