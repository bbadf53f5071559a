import { describe, expect, it } from 'vitest';
import { toNamePath } from '../../../../renderer/src/app/field-errors.ts';
import { languageOfAcceptLanguage, resolveLanguage } from '../../../../renderer/src/app/language.ts';
import { areasFor } from '../../../../renderer/src/app/query-invalidation.ts';
import { hrefFor, parseRoute, type Route } from '../../../../renderer/src/app/routes.ts';

describe('hash routes', () => {
  it('parses every screen and falls back to Today, the home screen', () => {
    expect(parseRoute('')).toEqual({ page: 'today' });
    expect(parseRoute('#/')).toEqual({ page: 'today' });
    expect(parseRoute('#/today')).toEqual({ page: 'today' });
    expect(parseRoute('#/customers')).toEqual({ page: 'customers' });
    expect(parseRoute('#/customers/01abc')).toEqual({ page: 'customer', id: '01abc' });
    expect(parseRoute('#/not-contacted')).toEqual({ page: 'notContacted' });
    expect(parseRoute('#/duplicates')).toEqual({ page: 'duplicates' });
    expect(parseRoute('#/trash')).toEqual({ page: 'trash' });
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' });
    expect(parseRoute('#/nonsense/1')).toEqual({ page: 'today' });
  });

  it('round-trips through hrefFor', () => {
    const routes: Route[] = [
      { page: 'customers' },
      { page: 'customer', id: 'a/b c' },
      { page: 'notContacted' },
      { page: 'duplicates' },
      { page: 'trash' },
      { page: 'settings' },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});

describe('data.changed → query areas', () => {
  it('refreshes what shows customer data when customers change', () => {
    const areas = areasFor(['customers']);
    expect(areas).not.toBe('all');
    expect([...(areas as Set<string>)].sort()).toEqual(['customers', 'leads', 'mail', 'owners', 'payments', 'regions', 'reminders', 'reports', 'scores', 'search', 'tags', 'today']);
  });

  it('refreshes the timeline and the list when activities change', () => {
    const areas = areasFor(['activities']) as Set<string>;
    expect(areas.has('activities') && areas.has('customers') && areas.has('reminders')).toBe(true);
    expect(areas.has('settings')).toBe(false);
  });

  it("treats 'all' (a restored backup) as everything", () => {
    expect(areasFor(['customers', 'all'])).toBe('all');
  });
});

describe('field error paths', () => {
  it('turns contract paths into antd name paths', () => {
    expect(toNamePath('name')).toEqual(['name']);
    expect(toNamePath('channels.2.value')).toEqual(['channels', 2, 'value']);
    expect(toNamePath('customFields.0192abc')).toEqual(['customFields', '0192abc']);
  });
});

describe('UI language', () => {
  it('follows the system until Settings picks one', () => {
    expect(resolveLanguage('system', 'zh-CN')).toBe('zh-CN');
    expect(resolveLanguage(undefined, 'en')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en')).toBe('zh-CN');
    // The host renders the first screen in the request's first preference, as the browser's navigator.languages[0].
    expect(languageOfAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(languageOfAcceptLanguage('zh-TW')).toBe('zh-CN');
    expect(languageOfAcceptLanguage('en-US,zh-CN;q=0.9')).toBe('en');
    expect(languageOfAcceptLanguage('')).toBe('en');
  });
});
