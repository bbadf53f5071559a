import { describe, expect, it } from 'vitest';
import { normaliseContactRow } from '../../../../../../electron/services/imports/contacts/contact-row.ts';
import type { SheetInfo, SheetRow } from '../../../../../../electron/services/imports/contacts/contact-sheet.types.ts';
import { suggestMapping } from '../../../../../../electron/services/imports/contacts/header-mapping.ts';
import { columnLetter, FILE_ERROR_KEYS, PROBLEM_CODES } from '../../../../../../electron/services/imports/contacts/import-problems.ts';
import { CONTACT_FIELDS } from '../../../../../../electron/services/imports/contacts/contact-fields.ts';
import { catalogs } from '../../../../../../shared/i18n/catalogs.ts';

function sheetOf(...texts: string[]): SheetInfo {
  return { index: 0, name: '客户', rowUnit: 'row', headerRowNumber: 1, headers: texts.map((text, index) => ({ index, letter: columnLetter(index), text })), problems: [] };
}

function normalise(sheet: SheetInfo, cells: string[], defaultCountry: string | null = null, rowNumber = 7) {
  const row: SheetRow = { sheet: 0, rowNumber, cells, problems: [] };
  return normaliseContactRow(row, sheet, suggestMapping(sheet.headers).map((s) => s.target), { defaultCountry });
}

describe('normalising a contact row', () => {
  const sheet = sheetOf('公司名称', '联系人', '邮箱', '电话', '国家', '等级', '来源', '网址', '年采购额');

  it('fills the customer and contact from a well-formed row', () => {
    const { contact, problems } = normalise(sheet, ['上海华贸进出口有限公司', '张伟', 'zhang.wei@huamao.cn', '0086 21 6888 1234', '中国', 'A级', '广交会', 'www.huamao.cn', '50万']);
    expect(problems).toEqual([]);
    expect(contact.company).toMatchObject({ name: '上海华贸进出口有限公司', country: 'CN', grade: 'A', source: 'cantonFair', website: 'www.huamao.cn' });
    expect(contact.contact).toEqual({
      name: '张伟',
      title: null,
      notes: null,
      channels: [
        { kind: 'email', value: 'zhang.wei@huamao.cn' },
        { kind: 'phone', value: '+86 21 6888 1234' },
      ],
    });
    expect(contact.customFields).toEqual([{ label: '年采购额', value: '50万' }]);
  });

  it('splits cells with several emails, whatever separates them, and reports the bad ones', () => {
    const { contact, problems } = normalise(sheet, ['Acme', 'Ann', 'ann@acme.com; bob@acme.com，cy@acme.com／di@acme.com、ed@acme.com fe@acme.com / ann@ACME.com ; not-an-email', '', '', '', '', '', '']);
    expect(contact.contact.channels.map((c) => c.value)).toEqual(['ann@acme.com', 'bob@acme.com', 'cy@acme.com', 'di@acme.com', 'ed@acme.com', 'fe@acme.com']);
    expect(problems).toEqual([
      {
        code: 'invalidEmail',
        severity: 'warning',
        message: 'contactImport.problems.invalidEmail',
        params: { sheet: '客户', row: 7, column: 'C', header: '邮箱', value: 'not-an-email' },
      },
    ]);
    expect(contact.unresolved).toEqual([{ column: 'C', header: '邮箱', value: 'not-an-email' }]);
    const named = normalise(sheet, ['Acme', 'Ann', '"Anna Li" <anna@acme.com>, mailto:bo@acme.com', '', '', '', '', '', '']);
    expect(named.contact.contact.channels.map((c) => c.value)).toEqual(['anna@acme.com', 'bo@acme.com']);
    expect(named.problems).toEqual([]);
  });

  it('normalises phones: +86, 0086, full-width digits, extensions, the row’s country', () => {
    const phones = (cell: string, country = '', fallback: string | null = null) =>
      normalise(sheet, ['Acme', 'Ann', '', cell, country, '', '', '', ''], fallback).contact.contact.channels.map((c) => c.value);
    expect(phones('+86 138 0013 8000')).toEqual(['+86 138 0013 8000']);
    expect(phones('0086-138-0013-8000')).toEqual(['+86 138 0013 8000']);
    expect(phones('＋８６ １３８ ００１３ ８０００')).toEqual(['+86 138 0013 8000']);
    expect(phones('0755-12345678转801', '', 'CN')).toEqual(['+86 755 1234 5678 ext. 801']);
    expect(phones('(212) 555-0100 / 13800138000', 'USA', 'CN')).toEqual(['+1 212 555 0100', '13800138000']);
    expect(phones('030 1234567', 'Germany')).toEqual(['+49 30 1234567']);
  });

  it('keeps phones it cannot read as written, and flags numbers Excel shortened', () => {
    const unreadable = normalise(sheet, ['Acme', 'Ann', '', '12345', '', '', '', '', '']);
    expect(unreadable.contact.contact.channels).toEqual([{ kind: 'phone', value: '12345' }]);
    expect(unreadable.problems.map((p) => [p.code, p.params.value])).toEqual([['invalidPhone', '12345']]);
    const shortened = normalise(sheet, ['Acme', 'Ann', '', '8.61381E+12', '', '', '', '', '']);
    expect(shortened.contact.contact.channels).toEqual([]);
    expect(shortened.problems.map((p) => p.code)).toEqual(['phoneInScientificNotation']);
    expect(shortened.contact.unresolved.map((u) => u.value)).toEqual(['8.61381E+12']);
  });

  it('reads countries in Chinese, English and as codes', () => {
    const country = (cell: string) => normalise(sheet, ['Acme', '', '', '', cell, '', '', '', '']).contact.company.country;
    expect(['德国', 'Germany', 'de', '美国', 'USA', 'U.K.', '英国', '香港', '台灣', 'Türkiye', '阿联酋', 'Ｊａｐａｎ'].map(country)).toEqual(['DE', 'DE', 'DE', 'US', 'US', 'GB', 'GB', 'HK', 'TW', 'TR', 'AE', 'JP']);
    const unknown = normalise(sheet, ['Acme', '', '', '', 'Narnia', '', '', '', '']);
    expect(unknown.contact.company.country).toBeNull();
    expect(unknown.problems.map((p) => [p.code, p.params.value, p.params.column])).toEqual([['unknownCountry', 'Narnia', 'E']]);
  });

  it('reports grades, sources and websites it does not know, keeping the text', () => {
    const { contact, problems } = normalise(sheet, ['Acme', 'Ann', '', '', '', 'VIP+', '朋友的朋友', 'n/a', '']);
    expect(contact.company).toMatchObject({ grade: null, source: null, website: null });
    expect(problems.map((p) => p.code)).toEqual(['invalidWebsite', 'unknownGrade', 'unknownSource']);
    expect(contact.unresolved.map((u) => u.value).sort()).toEqual(['VIP+', 'n/a', '朋友的朋友'].sort());
  });

  it('refuses a row with no company, contact or email, naming the row', () => {
    const { problems } = normalise(sheet, ['', '', '', '13800138000', '中国', '', '', '', ''], 'CN', 12);
    expect(problems).toEqual([expect.objectContaining({ code: 'noNameOrCompany', severity: 'error', params: { sheet: '客户', row: 12 } })]);
  });

  it('joins first and last names, family name first in Chinese, and keeps a too-long value’s rest aside', () => {
    const names = sheetOf('First Name', 'Last Name', 'Company');
    expect(normalise(names, ['Anna', 'Schmidt', 'X']).contact.contact.name).toBe('Anna Schmidt');
    expect(normalise(names, ['伟', '张', 'X']).contact.contact.name).toBe('张伟');
    const long = 'L'.repeat(250);
    const { contact, problems } = normalise(names, ['A', 'B', long]);
    expect(contact.company.name).toBe('L'.repeat(200));
    expect(problems.map((p) => [p.code, p.params.max])).toEqual([['valueTooLong', 200]]);
    expect(contact.unresolved[0]!.value).toBe('L'.repeat(50));
  });

  it('adds up columns mapped to the same channel (two phone columns under one merged header)', () => {
    const merged = sheetOf('公司名称', '电话', '电话', '手机');
    const { contact } = normalise(merged, ['Acme', '+86 21 6888 1234', '+86 21 6888 1235', '+86 139 0000 1111']);
    expect(contact.contact.channels.map((c) => c.value)).toEqual(['+86 21 6888 1234', '+86 21 6888 1235', '+86 139 0000 1111']);
  });
});

describe('problem messages', () => {
  const lookup = (catalog: object, key: string) => key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], catalog);

  it('has a message for every problem, file error and field in English and Chinese', () => {
    const keys = [...PROBLEM_CODES.map((c) => `contactImport.problems.${c}`), ...Object.values(FILE_ERROR_KEYS), ...CONTACT_FIELDS.map((f) => `contactImport.fields.${f}`)];
    for (const key of keys) {
      expect(typeof lookup(catalogs.en, key), `en ${key}`).toBe('string');
      expect(typeof lookup(catalogs['zh-CN'], key), `zh-CN ${key}`).toBe('string');
    }
  });
});
