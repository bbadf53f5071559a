import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../../../renderer/src/app/routes.ts';
import { suggestedCompanyName, suggestedContactName } from '../../../../renderer/src/features/leads/lead-names.ts';

describe('search and leads routes', () => {
  it('keeps the search query in the hash, Chinese and punctuation included', () => {
    expect(parseRoute('#/search?q=%E6%8A%A5%E4%BB%B7')).toEqual({ page: 'search', query: '报价' });
    expect(parseRoute('#/search')).toEqual({ page: 'search', query: '' });
    for (const query of ['报价 样品', 'anna@hamburg-trade.de', 'a&b=c?']) expect(parseRoute(hrefFor({ page: 'search', query }))).toEqual({ page: 'search', query });
    expect(parseRoute('#/leads')).toEqual({ page: 'leads' });
    expect(hrefFor({ page: 'leads' })).toBe('#/leads');
  });

  it('suggests a company name from the domain and contact names from addresses', () => {
    const lead = { key: 'fresh-buyer.co.uk', kind: 'domain' as const, domain: 'fresh-buyer.co.uk', messages: 1, lastAt: 0, addresses: [], samples: [] };
    expect(suggestedCompanyName(lead)).toBe('Fresh Buyer');
    expect(suggestedCompanyName({ ...lead, key: 'li.lei@gmail.com', kind: 'address', domain: 'gmail.com', addresses: [{ address: 'li.lei@gmail.com', name: null, messages: 1 }] })).toBe('li.lei');
    expect(suggestedContactName({ address: 'ops@x.com', name: null })).toBe('ops');
    expect(suggestedContactName({ address: 'ops@x.com', name: 'Olga' })).toBe('Olga');
  });
});
