import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CONTACT_IMPORT_FIELDS, CsvDelimiterChoice, TextEncodingChoice } from '../../../../../shared/contract/imports.contract.ts';
import { catalogs, type Language } from '../../../../../shared/i18n/catalogs.ts';
import {
  actionCounts,
  allowedActions,
  decisionList,
  DELIMITER_NAMES,
  mappingComplete,
  problemText,
  rowAction,
  sameTarget,
  sampleValues,
  targetFromValue,
  targetValue,
  type PreviewRow,
  type PreviewSheet,
} from '../../../../../renderer/src/features/imports/contact-import-format.ts';

function tFor(language: Language) {
  const instance = i18next.createInstance();
  void instance.init({ resources: { [language]: { translation: catalogs[language] } }, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
  return instance.t;
}

/** A preview row as imports.previewContacts gives it, with what a test needs set. */
function row(rowNumber: number, over: Partial<PreviewRow> = {}): PreviewRow {
  return {
    rowNumber,
    cells: [],
    contact: {
      company: { name: null, localName: null, country: null, website: null, address: null, grade: null, stage: null, source: null, notes: null, tags: [], ownerName: null },
      contact: { name: null, title: null, notes: null, channels: [] },
      customFields: [],
      unresolved: [],
    },
    problems: [],
    match: null,
    action: 'create',
    ...over,
  };
}

const match = { by: 'email' as const, value: 'anna@hamburg-trade.de', customerId: 'c1', customerCode: 'EU-001', customerName: 'Hamburg Trade GmbH', contactId: null, contactName: null };
const error = { code: 'noNameOrCompany', severity: 'error' as const, message: 'contactImport.problems.noNameOrCompany', params: { sheet: '客户名单.csv', row: 7 } };
const warning = { code: 'invalidEmail', severity: 'warning' as const, message: 'contactImport.problems.invalidEmail', params: { sheet: '客户名单.csv', row: 5, column: 'C', header: '邮箱', value: 'li.na(at)szdz.cn' } };

describe('contact sheet import helpers', () => {
  it('turns a column target into one Select value and back; Custom field takes the header as its label, cut to the contract’s 60', () => {
    const column = { header: '负责区域', letter: 'F', target: { kind: 'skip' as const } };
    for (const target of [{ kind: 'field' as const, field: 'email' as const }, { kind: 'skip' as const }]) expect(targetFromValue(targetValue(target), column)).toEqual(target);
    expect(targetFromValue('custom', column)).toEqual({ kind: 'custom', label: '负责区域' });
    expect(targetFromValue('custom', { ...column, header: '  ' })).toEqual({ kind: 'custom', label: 'F' });
    expect(targetFromValue('custom', { ...column, header: 'x'.repeat(80) })).toEqual({ kind: 'custom', label: 'x'.repeat(60) });
    // A custom column chosen again keeps the label the user gave it.
    expect(targetFromValue('custom', { ...column, target: { kind: 'custom', label: 'Region' } })).toEqual({ kind: 'custom', label: 'Region' });
    expect(sameTarget({ kind: 'custom', label: 'A' }, { kind: 'custom', label: 'B' })).toBe(false);
    expect(sameTarget({ kind: 'field', field: 'tags' }, { kind: 'field', field: 'tags' })).toBe(true);
    expect(mappingComplete([{ kind: 'custom', label: ' ' }])).toBe(false);
    expect(mappingComplete([{ kind: 'custom', label: 'Region' }, { kind: 'skip' }])).toBe(true);
  });

  it('offers merge only for a match, and only skip for a row that cannot be imported; a choice no longer allowed gives way to the proposal', () => {
    const matched = row(4, { match, action: 'merge' });
    const fresh = row(5, { problems: [warning] });
    const broken = row(7, { problems: [error], action: 'skip' });
    expect(allowedActions(matched)).toEqual(['merge', 'create', 'skip']);
    expect(allowedActions(fresh)).toEqual(['create', 'skip']);
    expect(allowedActions(broken)).toEqual(['skip']);
    const decisions = new Map([
      [4, 'create' as const],
      [5, 'merge' as const],
      [7, 'create' as const],
    ]);
    expect([matched, fresh, broken].map((r) => rowAction(r, decisions))).toEqual(['create', 'create', 'skip']);
    // Only what differs from the proposal goes to imports.applyContacts.
    expect(decisionList([matched, fresh, broken], decisions)).toEqual([{ rowNumber: 4, action: 'create' }]);
    expect(decisionList([matched, fresh, broken], new Map([[5, 'skip' as const]]))).toEqual([{ rowNumber: 5, action: 'skip' }]);
    expect(actionCounts([matched, fresh, broken], new Map([[5, 'skip' as const]]))).toEqual({ merge: 1, create: 0, skip: 2 });
  });

  it('samples a column’s first distinct values, skipping empty cells', () => {
    const sheet = { rows: [row(2, { cells: ['杭州丝绸', ''] }), row(3, { cells: ['', 'x'] }), row(4, { cells: ['杭州丝绸'] }), row(5, { cells: ['宁波五金'] })] } as Pick<PreviewSheet, 'rows'> as PreviewSheet;
    expect(sampleValues(sheet, 0)).toEqual(['杭州丝绸', '宁波五金']);
    expect(sampleValues(sheet, 3)).toEqual([]);
  });

  it('says a row’s problem in either language, and has a label for every field, encoding, separator and basis', () => {
    expect(problemText(tFor('en'), warning)).toBe('Sheet “客户名单.csv”, row 5, column C (邮箱): “li.na(at)szdz.cn” is not an email address.');
    expect(problemText(tFor('zh-CN'), warning)).toBe('工作表“客户名单.csv”第 5 行第 C 列（邮箱）：“li.na(at)szdz.cn”不是邮箱地址。');
    expect(problemText(tFor('en'), { message: 'contactImport.problems.fromTheFuture', params: {} })).toBe('contactImport.problems.fromTheFuture');
    for (const language of ['en', 'zh-CN'] as const) {
      const t = tFor(language);
      const keys = [
        ...CONTACT_IMPORT_FIELDS.map((f) => `contactImport.fields.${f}`),
        ...TextEncodingChoice.options.map((e) => `contactImport.center.columns.encodings.${e}`),
        ...CsvDelimiterChoice.options.map((d) => `contactImport.center.columns.delimiters.${DELIMITER_NAMES[d]}`),
        ...['given', 'saved', 'exact', 'partial', 'none'].map((b) => `contactImport.center.columns.basis.${b}`),
        ...['email', 'domain', 'name'].map((b) => `contactImport.center.rows.matchBy.${b}`),
      ];
      for (const key of keys) expect(t(key), `${language}: ${key}`).not.toBe(key);
    }
  });
});
