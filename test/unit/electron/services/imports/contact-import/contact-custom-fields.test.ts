import { describe, expect, it } from 'vitest';
import { fieldValue, rowFieldValues, type ImportField } from '../../../../../../electron/services/imports/contact-import/contact-custom-fields.ts';
import type { ParsedContact } from '../../../../../../electron/services/imports/contacts/contact-row.ts';
import { MAX_CUSTOM_FIELD_TEXT } from '../../../../../../shared/contract/customers.contract.ts';

const text: ImportField = { id: 'f-text', type: 'text', options: [] };
const number: ImportField = { id: 'f-number', type: 'number', options: [] };
const date: ImportField = { id: 'f-date', type: 'date', options: [] };
const select: ImportField = { id: 'f-select', type: 'select', options: ['Small', 'Large'] };

function row(customFields: ParsedContact['customFields']): ParsedContact {
  return {
    company: { name: 'Acme', localName: null, country: null, website: null, address: null, grade: null, stage: null, source: null, notes: null, tags: [], ownerName: null },
    contact: { name: null, title: null, notes: null, channels: [] },
    customFields,
    unresolved: [],
  };
}

describe('a cell as a custom field value', () => {
  it('keeps text as written, up to what a field holds', () => {
    expect(fieldValue(text, ' =SUM(1,2) ')).toBe(' =SUM(1,2) ');
    expect(fieldValue(text, 'x'.repeat(MAX_CUSTOM_FIELD_TEXT))).toHaveLength(MAX_CUSTOM_FIELD_TEXT);
    expect(fieldValue(text, 'x'.repeat(MAX_CUSTOM_FIELD_TEXT + 1))).toBeNull();
  });

  it('reads numbers with thousands separators and full-width digits, and nothing else', () => {
    expect(fieldValue(number, '1,200')).toBe(1200);
    expect(fieldValue(number, '１２００')).toBe(1200);
    expect(fieldValue(number, '-3.5')).toBe(-3.5);
    expect(fieldValue(number, '12,00')).toBeNull();
    expect(fieldValue(number, 'about 50')).toBeNull();
    expect(fieldValue(number, '')).toBeNull();
  });

  it('reads days written with - / or . as the form stores them, refusing days that do not exist', () => {
    expect(fieldValue(date, '2019/3/7')).toBe('2019-03-07');
    expect(fieldValue(date, '２０２４．１２．３１')).toBe('2024-12-31');
    expect(fieldValue(date, '2019-02-29')).toBeNull();
    expect(fieldValue(date, '7/3/2019')).toBeNull();
    expect(fieldValue(date, '2019-03-07 10:30')).toBeNull();
  });

  it('takes a select choice in any case or width, as the field spells it', () => {
    expect(fieldValue(select, 'ＬＡＲＧＥ')).toBe('Large');
    expect(fieldValue(select, 'Huge')).toBeNull();
  });
});

describe("a row's custom columns", () => {
  it('become values by field; what fits no field, or repeats a field with another value, becomes notes lines', () => {
    const fields = new Map<string, ImportField | null>([
      ['微信号', text],
      ['employees', number],
      ['booth', null],
    ]);
    const { values, notes } = rowFieldValues(
      row([
        { label: '微信号', value: 'wx_anna' },
        { label: 'Employees', value: 'about 50' },
        { label: 'Booth', value: 'B-12' },
        { label: 'WeChat', value: 'no field' },
        { label: '微信号', value: 'wx_anna' },
        { label: '微信号', value: 'wx_other' },
      ]),
      fields,
    );
    expect([...values]).toEqual([['f-text', { value: 'wx_anna', json: '"wx_anna"', line: '微信号: wx_anna' }]]);
    expect(notes).toEqual(['Employees: about 50', 'Booth: B-12', 'WeChat: no field', '微信号: wx_other']);
  });
});
