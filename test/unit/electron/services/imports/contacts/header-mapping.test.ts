import { describe, expect, it } from 'vitest';
import type { ColumnHeader } from '../../../../../../electron/services/imports/contacts/contact-sheet.types.ts';
import { recognizeHeader, rememberMapping, suggestMapping } from '../../../../../../electron/services/imports/contacts/header-mapping.ts';
import { columnLetter } from '../../../../../../electron/services/imports/contacts/import-problems.ts';
import { dataExports as enExports } from '../../../../../../shared/i18n/en/exports.ts';
import { dataExports as zhExports } from '../../../../../../shared/i18n/zh-CN/exports.ts';

const headers = (...texts: string[]): ColumnHeader[] => texts.map((text, index) => ({ index, letter: columnLetter(index), text }));
const fieldOf = (text: string) => recognizeHeader(text)?.field ?? null;

describe('recognising column headers', () => {
  it('maps Chinese and English headers to the app’s fields', () => {
    const pairs: Array<[string, string]> = [
      ['公司名称', 'companyName'],
      ['客户名称', 'companyName'],
      ['Company', 'companyName'],
      ['联系人', 'contactName'],
      ['姓名', 'contactName'],
      ['Contact', 'contactName'],
      ['邮箱', 'email'],
      ['电子邮件', 'email'],
      ['E-mail', 'email'],
      ['电话', 'phone'],
      ['手机', 'mobile'],
      ['Tel', 'phone'],
      ['国家', 'country'],
      ['网址', 'website'],
      ['网站', 'website'],
      ['地址', 'address'],
      ['等级', 'grade'],
      ['职位', 'title'],
      ['备注', 'notes'],
      ['来源', 'source'],
      ['First Name', 'firstName'],
    ];
    expect(pairs.map(([h]) => [h, fieldOf(h)])).toEqual(pairs);
  });

  it('knows the headers of sheets from European partners', () => {
    const pairs: Array<[string, string]> = [
      ['Firma', 'companyName'],
      ['Empresa', 'companyName'],
      ['Société', 'companyName'],
      ['Ansprechpartner', 'contactName'],
      ['Teléfono', 'phone'],
      ['Adresse', 'address'],
      ['País', 'country'],
      ['Webseite', 'website'],
    ];
    expect(pairs.map(([h]) => [h, fieldOf(h)])).toEqual(pairs);
  });

  it('ignores case, punctuation, spaces and full-width forms', () => {
    expect(fieldOf('ＥＭＡＩＬ')).toBe('email');
    expect(fieldOf(' e-Mail: ')).toBe('email');
    expect(fieldOf('公司名称：')).toBe('companyName');
    expect(fieldOf('Company_Name')).toBe('companyName');
    expect(fieldOf('电话（必填）')).toBe('phone');
  });

  it('reads compound headers by their last word, with lower confidence', () => {
    expect(recognizeHeader('联系人邮箱')).toEqual({ field: 'email', confidence: 0.5, basis: 'partial' });
    expect(recognizeHeader('Contact Email Address')?.field).toBe('email');
    expect(recognizeHeader('客户手机号码')?.field).toBe('mobile');
    expect(recognizeHeader('公司')).toEqual({ field: 'companyName', confidence: 1, basis: 'exact' });
    expect(recognizeHeader('生日')).toBeNull();
  });
});

describe('suggesting a mapping', () => {
  it('maps known columns, offers unknown ones as custom fields and skips empty headers and row numbers', () => {
    const suggestion = suggestMapping(headers('公司名称', '联系人', '邮箱', '年采购额', '', '序号', 'No.'));
    expect(suggestion.map((s) => [s.letter, s.target, s.confidence, s.basis])).toEqual([
      ['A', { kind: 'field', field: 'companyName' }, 1, 'exact'],
      ['B', { kind: 'field', field: 'contactName' }, 1, 'exact'],
      ['C', { kind: 'field', field: 'email' }, 1, 'exact'],
      ['D', { kind: 'custom', label: '年采购额' }, 0, 'none'],
      ['E', { kind: 'skip' }, 0, 'none'],
      ['F', { kind: 'skip' }, 1, 'exact'],
      ['G', { kind: 'skip' }, 1, 'exact'],
    ]);
  });

  it('reads our own export back: the customer code column is skipped and the company name is the name', () => {
    for (const columns of [enExports.exports.columns, zhExports.exports.columns]) {
      const suggestion = suggestMapping(headers(columns.code, columns.companyName, columns.contactName, columns.email, columns.lastContact, columns.created, columns.primary));
      expect(suggestion.map((s) => s.target)).toEqual([
        { kind: 'skip' },
        { kind: 'field', field: 'companyName' },
        { kind: 'field', field: 'contactName' },
        { kind: 'field', field: 'email' },
        // Derived by the app: read back they would only be custom fields nothing keeps current.
        { kind: 'skip' },
        { kind: 'skip' },
        { kind: 'skip' },
      ]);
    }
  });

  it('offers a header longer than a custom field label holds as a custom field by its first 60 characters', () => {
    const long = `年采购额${'（含税，按美元计）'.repeat(8)}`;
    expect(suggestMapping(headers(long))[0]!.target).toEqual({ kind: 'custom', label: long.slice(0, 60) });
  });

  it('prefers a mapping the user saved for the same header, however it is written', () => {
    const first = headers('客户', 'Remark', '年采购额');
    const saved = rememberMapping(first, [{ kind: 'field', field: 'companyName' }, { kind: 'field', field: 'contactNotes' }, { kind: 'skip' }]);
    const next = suggestMapping(headers('ＲＥＭＡＲＫ', '年采购额', '客户'), saved);
    expect(next.map((s) => [s.target, s.basis])).toEqual([
      [{ kind: 'field', field: 'contactNotes' }, 'saved'],
      [{ kind: 'skip' }, 'saved'],
      [{ kind: 'field', field: 'companyName' }, 'saved'],
    ]);
  });
});
