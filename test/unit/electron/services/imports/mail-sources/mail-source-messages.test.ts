import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../../../../shared/i18n/catalogs.ts';
import { MAIL_SOURCE_PROBLEM_CODES } from '../../../../../../electron/services/imports/mail-sources/mail-source.types.ts';

describe('mail source messages', () => {
  it('has a text naming the file for every problem code, in English and Chinese, with the same parameters', () => {
    for (const code of MAIL_SOURCE_PROBLEM_CODES) {
      const en = catalogs.en.mailSources.problems[code];
      const zh = catalogs['zh-CN'].mailSources.problems[code];
      expect(en, code).toContain('{{file}}');
      const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(params(zh), code).toEqual(params(en));
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(catalogs.en.mailSources.problems).sort()).toEqual([...MAIL_SOURCE_PROBLEM_CODES].sort());
  });
});
