import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../../shared/domain/search-text.ts';
import { leadGroupsQuery, leadRowsFor, loadLeadScope } from '../../../../../electron/services/leads/lead.queries.ts';
import { unansweredQuery } from '../../../../../electron/services/reminders/waiting-for-reply.query.ts';
import { activityCustomersQuery, newestActivitiesQuery } from '../../../../../electron/services/search/search-hits.queries.ts';
import { mailSearchQueries } from '../../../../../electron/services/search/mail-search.query.ts';
import { seedMailAccount, writeMail, type MailSpec } from '../../../../fixtures/mail-fixtures.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;

beforeAll(async () => {
  app = await createTempCore();
  const { db } = app.core.database();
  const customer = await app.call('customers.create', { name: 'Known GmbH', regionCode: 'EU', website: 'known.de' });
  expect(customer.domains).toEqual(['known.de']);
  const mail = await seedMailAccount(db, 'me@mytrade.cn');
  const specs: MailSpec[] = [];
  for (let i = 0; i < 600; i++) {
    const known = i % 3 === 0;
    const from = { name: `Buyer ${i}`, address: known ? `p${i}@known.de` : `p${i}@lead${i % 40}.com` };
    specs.push({ folder: 'inbox', from, to: [{ address: 'me@mytrade.cn' }], subject: `报价 quotation ${i}`, text: `样品 sample request ${i}`, date: T0 - i * DAY });
    if (i % 5 === 0) specs.push({ folder: 'sent', from: { address: 'me@mytrade.cn' }, to: [from], subject: `Re: 报价 ${i}`, text: 'Thanks', date: T0 - i * DAY + 3600_000 });
  }
  await writeMail(db, mail, specs, T0);
  // No ANALYZE: a user's database has no statistics, so the plans must be right without them.
});
afterAll(async () => {
  await app.close();
});

const plan = (query: Compilable): string[] => queryPlan(app.core.database().sqlite, query);

/** A scan of a mail table with no index named: what must never drive these queries. */
function fullScans(lines: string[]): string[] {
  return lines.filter((l) => /^SCAN (m|r|l|o|a|mail_messages|mail_message_addresses|mail_message_customers|c|customers)\b/.test(l) && !l.includes('USING'));
}

describe('query plans of search, leads and waiting-for-reply (fail on a full scan of mail)', () => {
  it('search: by the full-text matches when few, walking the date index when many', () => {
    for (const query of ['报价', 'quot', 'sample request']) {
      const fts = toFtsQuery(query)!;
      const sparse = plan(mailSearchQueries(app.core.database().db, fts, 20, false).page);
      expect(fullScans(sparse), sparse.join('\n')).toEqual([]);
      expect(sparse.join('\n')).toMatch(/SEARCH m USING INTEGER PRIMARY KEY/);
      const dense = plan(mailSearchQueries(app.core.database().db, fts, 20, true).page);
      expect(fullScans(dense), dense.join('\n')).toEqual([]);
      expect(dense[0], dense.join('\n')).toMatch(/^SCAN m USING (COVERING )?INDEX mail_messages_date/);
      expect(dense.join('\n')).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("activity hits: the matching customers' activities through the timeline index, never all activities", async () => {
    const { db } = app.core.database();
    const customer = await app.call('customers.create', { name: 'Callisto Imports', regionCode: 'EU' });
    await app.call('activities.create', { customerId: customer.id, kind: 'call', body: '客户要求先寄样品，报价 FOB Ningbo', occurredAt: T0 - DAY });
    for (const query of ['报价', 'ningbo', '寄样品 fob']) {
      const lines = plan(activityCustomersQuery(db, toFtsQuery(query)!));
      expect(fullScans(lines), lines.join('\n')).toEqual([]);
      expect(lines.join('\n')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    }
    const newest = plan(newestActivitiesQuery(db, customer.id));
    expect(newest.join('\n')).toMatch(/SEARCH activities USING INDEX activities_timeline \(customer_id=\?\)/);
    expect(newest.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('leads: unfiled mail through its partial index, a page of leads through the address and domain indexes', async () => {
    const { db } = app.core.database();
    await app.call('leads.dismiss', { key: 'lead3.com' });
    for (const since of [0, T0 - 90 * DAY]) {
      const groups = plan(leadGroupsQuery(db, await loadLeadScope(db, since), 0, 50));
      expect(fullScans(groups), groups.join('\n')).toEqual([]);
      expect(groups.join('\n')).toMatch(/SCAN m USING INDEX mail_messages_unfiled|SEARCH m USING INDEX mail_messages_unfiled/);
    }
    const own = await loadLeadScope(db);
    const groups = plan(leadGroupsQuery(db, own, 0, 50));
    expect(fullScans(groups), groups.join('\n')).toEqual([]);
    expect(groups.join('\n')).toMatch(/mail_messages_unfiled/);
    const rows = plan(leadRowsFor(db, own, ['lead1.com', 'someone@gmail.com']).select('m.id'));
    expect(fullScans(rows), rows.join('\n')).toEqual([]);
    expect(rows.join('\n')).toMatch(/mail_message_addresses_domain/);
    expect(rows.join('\n')).toMatch(/mail_message_addresses_address/);
  });

  it('waiting for reply: recent inbound links, then index probes for a later reply', () => {
    const lines = plan(unansweredQuery(app.core.database().db, T0 - 40 * DAY, T0 - 2 * DAY));
    expect(fullScans(lines), lines.join('\n')).toEqual([]);
    expect(lines[0], lines.join('\n')).toMatch(/^SEARCH l USING (COVERING )?INDEX mail_message_customers_inbound/);
    expect(lines.join('\n')).toMatch(/SEARCH o USING (COVERING )?INDEX mail_message_customers_outbound/);
    expect(lines.join('\n')).toMatch(/SEARCH r USING INDEX mail_messages_thread/);
  });
});
