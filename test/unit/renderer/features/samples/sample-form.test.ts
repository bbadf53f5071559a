import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../../../shared/contract/contract.ts';
import { COURIERS, FREIGHT_PAYERS, SAMPLE_SHIPMENT_STATUSES } from '../../../../../shared/domain/quote-terms.ts';
import { catalogs } from '../../../../../shared/i18n/catalogs.ts';
import { formValues, shortItems, toInput } from '../../../../../renderer/src/features/samples/sample-form.ts';

type Shipment = CallOutput<'samples.get'>;

const t = i18next.createInstance();
await t.init({ lng: 'en', resources: { en: { translation: catalogs.en } }, interpolation: { escapeValue: false } });

function shipment(items: Shipment['items']): Shipment {
  return {
    id: 's1',
    customerId: 'c1',
    customerCode: 'EU-0001',
    customerName: 'Acme',
    ownerId: null,
    ownerName: null,
    courier: 'dhl',
    courierName: null,
    trackingNumber: '123',
    status: 'preparing',
    itemsSummary: '',
    sampleCostE4: 12_500,
    freightCostE4: null,
    currency: 'USD',
    sentAt: null,
    deliveredAt: null,
    feedbackAt: null,
    followUpAt: null,
    createdAt: 0,
    contactId: null,
    freightPayer: 'collect',
    feedback: null,
    notes: null,
    items,
    updatedAt: 0,
    deletedAt: null,
  };
}

describe('the sample shipment form', () => {
  it('warns about product items whose sending takes the stock below zero, adding up repeated products', () => {
    const items = [
      { seq: 1, productId: 'p1', model: 'BV-100', description: 'BV-100 valve', quantity: 2, onHand: 3 },
      { seq: 2, productId: 'p1', model: 'BV-100', description: 'BV-100 valve, red', quantity: 2, onHand: 3 },
      { seq: 3, productId: 'p2', model: 'GV-200', description: 'GV-200', quantity: 1, onHand: 1 },
      { seq: 4, productId: null, model: null, description: 'Catalogue', quantity: 50, onHand: null },
    ];
    expect(shortItems(shipment(items))).toEqual(['BV-100 (3)']);
    expect(shortItems(shipment(items.slice(2)))).toEqual([]);
  });

  it('turns typed money into e4 and names the field of money it cannot read', () => {
    const values = formValues(shipment([]), null);
    expect(values.sampleCostE4).toBe('1.25');
    const ok = toInput(t.t, { ...values, freightCostE4: '1,234.5' });
    expect('input' in ok && ok.input).toMatchObject({ customerId: 'c1', sampleCostE4: 12_500, freightCostE4: 12_345_000, currency: 'USD', freightPayer: 'collect' });
    expect(toInput(t.t, { ...values, sampleCostE4: '-3', freightCostE4: 'abc' })).toEqual({
      errors: [
        { name: 'sampleCostE4', errors: ['Sample cost must be a number.'] },
        { name: 'freightCostE4', errors: ['Freight cost must be a number.'] },
      ],
    });
  });

  it('starts a new shipment for the given customer with one item', () => {
    expect(formValues(undefined, { id: 'c9', name: 'Beta', code: 'EU-0009' })).toMatchObject({ customerId: { id: 'c9' }, courier: 'dhl', items: [{ quantity: 1 }] });
  });
});

describe('message catalogs used by the sample screens', () => {
  const dir = path.resolve(import.meta.dirname, '../../../../../renderer/src/features/samples');
  const literal = new Set<string>();
  for (const file of fs.readdirSync(dir)) {
    for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) literal.add(m[1]!);
  }
  const has = (catalog: unknown, key: string) =>
    [key, `${key}_other`].some((k) => typeof k.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), catalog) === 'string');

  for (const language of ['en', 'zh-CN'] as const) {
    it(`has every key the screens use, and a name for every status, courier and payer, in ${language}`, () => {
      expect(literal.size).toBeGreaterThan(40);
      const enums = [
        ...SAMPLE_SHIPMENT_STATUSES.map((s) => `samples.status.${s}`),
        ...COURIERS.map((c) => `samples.couriers.${c}`),
        ...FREIGHT_PAYERS.map((p) => `samples.freightPayers.${p}`),
        ...['in', 'out', 'returned', 'adjust'].map((k) => `samples.stock.kinds.${k}`),
      ];
      expect([...literal, ...enums].filter((key) => !has(catalogs[language], key))).toEqual([]);
    });
  }
});
