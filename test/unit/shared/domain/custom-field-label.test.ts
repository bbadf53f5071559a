import { describe, expect, it } from 'vitest';
import { customFieldLabelKey } from '../../../../shared/domain/custom-field-label.ts';

describe('custom field labels', () => {
  it('are one label whatever their width, case and spacing', () => {
    expect(customFieldLabelKey('ＴＲＡＤＥ\u3000ＦＡＩＲ')).toBe('trade fair');
    expect(customFieldLabelKey('  Trade \t Fair ')).toBe('trade fair');
    expect(customFieldLabelKey('微信号')).toBe('微信号');
    expect(customFieldLabelKey('Trade fairs')).not.toBe('trade fair');
  });
});
