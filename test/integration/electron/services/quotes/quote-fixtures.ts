import type { CallInput } from '../../../../../shared/contract/contract.ts';
import type { TempCore } from '../../../../helpers/temp-core.ts';

/** Two customers, a contact of the first, and two products: what most quote tests start from. */
export async function quoteWorld(app: TempCore) {
  const a = await app.call('customers.create', { name: 'Acme Imports Ltd', regionCode: 'EU', country: 'DE' });
  const b = await app.call('customers.create', { name: 'Borealis Trading', regionCode: 'EU', country: 'FR' });
  const contact = await app.call('contacts.create', { customerId: a.id, name: 'Anna Berg' });
  const valve = await app.call('products.create', { model: 'BV-100', nameEn: 'Ball valve DN15', unit: 'pcs', listPriceE4: 32_500, listCurrency: 'USD' });
  const pump = await app.call('products.create', { model: 'CP-20', nameEn: 'Circulation pump', unit: 'sets' });
  return { a, b, contact, valve, pump };
}

/** A quote of one line of `productId` at `priceE4` USD, FOB Ningbo unless told otherwise. */
export function oneLine(customerId: string, productId: string | null, priceE4: number, extra: Partial<CallInput<'quotes.create'>> = {}): CallInput<'quotes.create'> {
  return {
    customerId,
    incoterm: 'FOB',
    incotermPort: 'Ningbo',
    lines: [{ productId, description: 'Ball valve DN15', quantity: 1000, unit: 'pcs', unitPriceE4: priceE4, currency: 'USD' }],
    ...extra,
  };
}
