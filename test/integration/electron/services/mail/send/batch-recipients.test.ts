import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../../helpers/temp-core.ts';

/** mail.batchRecipients: who at each customer picked in the list can get a personalised mail. */

let app: TempCore;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await createTempCore();
  const customer = async (key: string, name: string) => {
    ids[key] = (await app.call('customers.create', { name, regionCode: 'EU', country: 'DE' })).id;
  };
  await customer('hamburg', 'Hamburg Trade GmbH');
  await customer('lyon', 'Lyon Import SARL');
  await customer('empty', 'No Contacts Ltd');
  await customer('gone', 'Deleted Ltd');
  await app.call('contacts.create', { customerId: ids.hamburg!, name: 'Otto Buyer', channels: [{ kind: 'phone', value: '+49 40 123' }] });
  await app.call('contacts.create', {
    customerId: ids.hamburg!,
    name: 'Anna Schulz',
    title: 'Purchasing',
    isPrimary: true,
    channels: [
      { kind: 'email', value: 'anna@hamburg-trade.de' },
      { kind: 'email', value: 'anna.private@example.com' },
    ],
  });
  await app.call('contacts.create', { customerId: ids.lyon!, name: 'Pierre Martin', channels: [{ kind: 'email', value: 'pierre@lyon-import.fr' }] });
  await app.call('customers.remove', { ids: [ids.gone!] });
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('mail.batchRecipients', () => {
  it('lists each live customer in the order asked, primary contact first, with the first email (what a send uses)', async () => {
    const out = await app.call('mail.batchRecipients', { customerIds: [ids.lyon!, ids.gone!, ids.hamburg!, ids.empty!, ids.lyon!] });
    expect(out.map((c) => c.name)).toEqual(['Lyon Import SARL', 'Hamburg Trade GmbH', 'No Contacts Ltd']);
    expect(out[1]!.contacts.map((c) => ({ name: c.name, email: c.email, isPrimary: c.isPrimary, title: c.title }))).toEqual([
      { name: 'Anna Schulz', email: 'anna@hamburg-trade.de', isPrimary: true, title: 'Purchasing' },
      { name: 'Otto Buyer', email: null, isPrimary: false, title: null },
    ]);
    expect(out[0]!.contacts.map((c) => c.email)).toEqual(['pierre@lyon-import.fr']);
    expect(out[2]!.contacts).toEqual([]);
  });
});
