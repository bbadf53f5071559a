import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../../helpers/temp-folders.ts';

/** Quote documents of quotes made through the quotes service (quotes.create, quotes.revise), not written by hand. */
const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
const folder = tempFolders('tf-quote-docs-stored-');

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('documents of quotes saved by the quotes service', () => {
  it('prints a created quote and its revision, each under its own number, in the quote’s language', async () => {
    const app = await createTempCore();
    cores.push(app);
    const customer = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE' });
    const quote = await app.call('quotes.create', {
      customerId: customer.id,
      language: 'zh-CN',
      incoterm: 'FOB',
      incotermPort: 'Ningbo',
      paymentTerms: 'T/T',
      lines: [
        { description: '不锈钢保温杯 Vacuum flask', spec: '500ml', quantity: 1000, unit: 'pcs', unitPriceE4: 32_500, currency: 'USD' },
        { description: 'Gift box', quantity: 1000, unit: 'pcs', unitPriceE4: 1_500, currency: 'EUR' },
      ],
    });
    const dir = folder();
    const first = await app.call('quotes.exportPdf', { id: quote.number, path: path.join(dir, 'first.pdf') });
    const text = pdfText(first.path);
    for (const expected of ['报价单', quote.number, '德国', 'FOB Ningbo', '不锈钢保温杯 Vacuum flask', '3,250.00', '合计 USD 3,250.00', 'EUR 150.00']) expect(text).toContain(expected);

    // Only a sent quote is revised.
    await app.call('quotes.setStatus', { id: quote.id, status: 'sent' });
    const revised = await app.call('quotes.revise', { id: quote.id });
    const second = await app.call('quotes.exportPdf', { id: revised.number, path: path.join(dir, 'second.pdf') });
    expect(second.number).toBe(revised.number);
    expect(revised.number).not.toBe(quote.number);
    expect(pdfText(second.path)).toContain(`报价单号 ${revised.number}`);
  });
});
