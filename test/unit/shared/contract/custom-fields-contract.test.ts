import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract/contract.ts';
import { MAX_CUSTOM_FIELDS, MAX_CUSTOM_FIELD_TEXT } from '../../../../shared/contract/customers.contract.ts';
import type { FieldError } from '../../../../shared/contract/result.ts';
import { toFieldErrors } from '../../../../shared/contract/validation.ts';
import { translate } from '../../../../electron/hosts/translate.ts';

/** What the dispatcher answers for this input: the field errors, or none when it is valid. */
function fieldErrorsOf(customFields: Record<string, unknown>): FieldError[] {
  const parsed = contract['customers.create'].input.safeParse({ name: 'Acme', regionCode: 'EU', customFields });
  return parsed.success ? [] : toFieldErrors(parsed.error);
}

function fields(count: number, value: string | number | null = 'x'): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`01890a5d-ac96-774b-bcce-b302099a${String(i).padStart(4, '0')}`, value]));
}

/** The message under the field, as the renderer builds it (the field's label as `field`). */
function shown(error: FieldError, field: string): { en: string; zh: string } {
  return { en: translate('en', error.message, { field, ...error.params }), zh: translate('zh-CN', error.message, { field, ...error.params }) };
}

describe('customer custom fields in the contract', () => {
  it(`takes up to ${MAX_CUSTOM_FIELDS} values and refuses more, naming the limit in both languages`, () => {
    expect(fieldErrorsOf(fields(MAX_CUSTOM_FIELDS))).toEqual([]);
    const errors = fieldErrorsOf(fields(MAX_CUSTOM_FIELDS + 1));
    expect(errors).toEqual([{ path: 'customFields', message: 'validation.tooManyEntries', params: { max: MAX_CUSTOM_FIELDS } }]);
    expect(shown(errors[0]!, 'Custom fields').en).toBe(`Custom fields can hold at most ${MAX_CUSTOM_FIELDS} entries.`);
    expect(shown(errors[0]!, '自定义字段').zh).toBe(`自定义字段最多只能有 ${MAX_CUSTOM_FIELDS} 项。`);
  });

  it('refuses an over-long field id without echoing it back as the error path', () => {
    const longKey = 'k'.repeat(10_000);
    const errors = fieldErrorsOf({ [longKey]: 'x' });
    expect(errors).toEqual([{ path: 'customFields', message: 'validation.keyTooLong', params: { max: 64 } }]);
    expect(shown(errors[0]!, 'Custom fields').en).toBe('Custom fields has a name longer than 64 characters.');
    expect(shown(errors[0]!, '自定义字段').zh).toBe('自定义字段中有名称超过 64 个字符。');
    expect(fieldErrorsOf({ '': 'x' })).toEqual([{ path: 'customFields', message: 'validation.invalidKey' }]);
  });

  it(`limits a text value to ${MAX_CUSTOM_FIELD_TEXT} characters, under that field`, () => {
    const ok = fields(1, 'x'.repeat(MAX_CUSTOM_FIELD_TEXT));
    expect(fieldErrorsOf(ok)).toEqual([]);
    const [id] = Object.keys(ok);
    const errors = fieldErrorsOf({ [id!]: 'x'.repeat(MAX_CUSTOM_FIELD_TEXT + 1) });
    expect(errors).toEqual([{ path: `customFields.${id}`, message: 'validation.tooLong', params: { max: MAX_CUSTOM_FIELD_TEXT } }]);
    expect(shown(errors[0]!, '销售地区').zh).toBe(`销售地区不能超过 ${MAX_CUSTOM_FIELD_TEXT} 个字符。`);
  });

  it('reports too many values even when some of them are also too long', () => {
    const many = fields(MAX_CUSTOM_FIELDS + 1, 'x'.repeat(MAX_CUSTOM_FIELD_TEXT + 1));
    const errors = fieldErrorsOf(many);
    expect(errors).toContainEqual({ path: 'customFields', message: 'validation.tooManyEntries', params: { max: MAX_CUSTOM_FIELDS } });
  });
});
