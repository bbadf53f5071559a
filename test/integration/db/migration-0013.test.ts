import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database.ts';
import { sharedEmails, sharedEmailsQuery } from '../../../electron/services/customers/duplicates.queries.ts';
import { databaseAt } from '../../helpers/old-database.ts';
import { queryPlan } from '../../helpers/query-plan.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0013-shared-email-owners', () => {
  it('finds the customers sharing an email address from indexes only, live contacts only', async () => {
    const { dir, file, sqlite, old } = await databaseAt('0012-imports', 'tf-upgrade-0013-');
    dirs.push(dir);
    sqlite.exec(`
      INSERT INTO customers (id, code, region_code, seq, name, grade, stage, created_at, updated_at) VALUES
        ('c1', 'EU-1', 'EU', 1, 'Zephyr Lamps', 'C', 'potential', 0, 0),
        ('c2', 'EU-2', 'EU', 2, 'Lampenhaus Nord', 'C', 'potential', 0, 0),
        ('c3', 'EU-3', 'EU', 3, 'Quiet Harbour', 'C', 'potential', 0, 0);
      INSERT INTO contacts (id, customer_id, name, created_at, updated_at, deleted_at) VALUES
        ('k1', 'c1', 'Buyer', 0, 0, NULL), ('k2', 'c2', 'Buyer', 0, 0, NULL), ('k3', 'c3', 'Gone', 0, 0, 5), ('k4', 'c1', 'Second', 0, 0, NULL);
      INSERT INTO contact_channels (id, contact_id, kind, value, value_normalized) VALUES
        ('h1', 'k1', 'email', 'buyer@zephyr.de', 'buyer@zephyr.de'), ('h2', 'k2', 'email', 'Buyer@zephyr.de', 'buyer@zephyr.de'),
        ('h3', 'k3', 'email', 'buyer@zephyr.de', 'buyer@zephyr.de'), ('h4', 'k1', 'email', 'own@zephyr.de', 'own@zephyr.de'),
        ('h5', 'k4', 'email', 'own@zephyr.de', 'own@zephyr.de'), ('h6', 'k2', 'phone', '+49 1', '+491');
    `);
    await old.destroy();

    const upgraded = await openDatabase(file);
    try {
      const { sql, parameters } = sharedEmailsQuery().compile(upgraded.db);
      const plan = queryPlan(upgraded.sqlite, sql, ...parameters);
      expect(plan).toContain('SEARCH ch USING COVERING INDEX contact_channels_email_owners (value_normalized=?)');
      expect(plan).toContain('SEARCH ct USING INDEX contacts_live_customer (id=?)');
      // The deleted contact's customer is left out; an address on two contacts of one customer is no group.
      expect(await sharedEmails(upgraded.db)).toEqual([{ key: 'buyer@zephyr.de', ids: expect.stringMatching(/^(c1,c2|c2,c1)$/) }]);
      expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM contact_channels').get()).toEqual({ n: 6 });
    } finally {
      await upgraded.close();
    }
  });
});
