import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';
import { oneLine, quoteWorld } from './quote-fixtures.ts';

let app: TempCore;
afterEach(async () => {
  await app?.close();
});

describe('quotes: create, read, edit', () => {
  it('saves a quote with lines and totals per currency, and lists it newest first', async () => {
    app = await createTempCore();
    const { a, contact, valve } = await quoteWorld(app);
    const quote = await app.call('quotes.create', {
      customerId: a.id,
      contactId: contact.id,
      incoterm: 'CIF',
      incotermPort: 'Hamburg',
      paymentTerms: 'T/T',
      validUntil: T0 + 30 * DAY,
      lines: [
        { productId: valve.id, model: 'BV-100', description: 'Ball valve DN15', quantity: 1000, unit: 'pcs', unitPriceE4: 32_500, currency: 'USD' },
        { productId: null, description: 'Tooling', quantity: 1, unit: 'set', unitPriceE4: 1_500_000, currency: 'USD' },
        { productId: null, description: 'Inspection', quantity: 2.5, unit: 'h', unitPriceE4: 400_000, currency: 'EUR' },
      ],
    });
    expect(quote.number).toBe('Q2026-0001');
    expect(quote.status).toBe('draft');
    expect(quote.contactName).toBe('Anna Berg');
    expect(quote.lines.map((l) => l.amountE4)).toEqual([32_500_000, 1_500_000, 1_000_000]);
    expect(quote.totals).toEqual([
      { currency: 'USD', amountE4: 34_000_000 },
      { currency: 'EUR', amountE4: 1_000_000 },
    ]);
    app.clock.advance(1000);
    const second = await app.call('quotes.create', oneLine(a.id, valve.id, 33_000));
    const page = await app.call('quotes.list', { customerId: a.id });
    expect(page.rows.map((r) => r.number)).toEqual([second.number, 'Q2026-0001']);
    expect((await app.call('quotes.list', { text: '0001' })).rows.map((r) => r.id)).toEqual([quote.id]);
    expect((await app.call('quotes.list', { statuses: ['sent'] })).total).toBe(0);
  });

  it('edits a draft, refuses to edit a sent quote, and revising keeps the old one readable', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const draft = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500));
    const edited = await app.call('quotes.update', { ...oneLine(a.id, valve.id, 31_000), id: draft.id, notes: 'Price valid for 1,000 pcs' });
    expect(edited.lines[0]!.unitPriceE4).toBe(31_000);
    expect(edited.notes).toBe('Price valid for 1,000 pcs');

    await app.call('quotes.setStatus', { id: draft.id, status: 'sent' });
    const refused = await app.fail('quotes.update', { ...oneLine(a.id, valve.id, 30_000), id: draft.id });
    expect(refused).toMatchObject({ code: 'conflict', message: 'quotes.errors.notDraft' });

    const r1 = await app.call('quotes.revise', { id: draft.id });
    expect(r1).toMatchObject({ number: 'Q2026-0001-R1', baseNumber: 'Q2026-0001', revision: 1, status: 'draft' });
    await app.call('quotes.update', { ...oneLine(a.id, valve.id, 30_000), id: r1.id });
    const old = await app.call('quotes.get', { id: draft.id });
    expect(old).toMatchObject({ supersededById: r1.id, status: 'sent' });
    expect(old.lines[0]!.unitPriceE4).toBe(31_000);
    expect(old.revisions.map((r) => r.number)).toEqual(['Q2026-0001', 'Q2026-0001-R1']);
    expect((await app.fail('quotes.revise', { id: draft.id })).message).toBe('quotes.errors.alreadyRevised');
    expect((await app.fail('quotes.revise', { id: r1.id })).message).toBe('quotes.errors.reviseDraft');
    await app.call('quotes.setStatus', { id: r1.id, status: 'sent' });
    const r2 = await app.call('quotes.revise', { id: r1.id });
    expect(r2.number).toBe('Q2026-0001-R2');
    expect((await app.fail('quotes.setStatus', { id: draft.id, status: 'accepted' })).message).toBe('quotes.errors.superseded');
    // Deleting the newest revision makes the one before it live again; its number is not reused.
    await app.call('quotes.remove', { id: r2.id });
    expect((await app.call('quotes.get', { id: r1.id })).supersededById).toBeNull();
    expect((await app.call('quotes.revise', { id: r1.id })).number).toBe('Q2026-0001-R3');
  });

  it('duplicates a quote for another customer as a new draft with a new number', async () => {
    app = await createTempCore();
    const { a, b, valve } = await quoteWorld(app);
    const original = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500, { validUntil: T0 + 30 * DAY }));
    await app.call('quotes.setStatus', { id: original.id, status: 'sent' });
    app.clock.advance(5 * DAY);
    const copy = await app.call('quotes.duplicate', { id: original.id, customerId: b.id });
    expect(copy).toMatchObject({ number: 'Q2026-0002', customerId: b.id, customerName: 'Borealis Trading', status: 'draft', revision: 0, incoterm: 'FOB', validUntil: T0 + 35 * DAY });
    expect(copy.lines.map((l) => [l.productId, l.unitPriceE4])).toEqual([[valve.id, 32_500]]);
    expect((await app.call('quotes.get', { id: original.id })).customerId).toBe(a.id);
  });
});

describe('quotes: change events', () => {
  it('every write tells the screens that quotes changed; reads and refused writes do not', async () => {
    app = await createTempCore();
    const { a, b, valve } = await quoteWorld(app);
    const events: string[][] = [];
    app.core.subscribe((event, payload) => {
      if (event === 'data.changed') events.push([...(payload as { entities: string[] }).entities]);
    });
    const q = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500));
    await app.call('quotes.update', { ...oneLine(a.id, valve.id, 32_000), id: q.id });
    await app.call('quotes.setStatus', { id: q.id, status: 'sent' });
    const r1 = await app.call('quotes.revise', { id: q.id });
    const copy = await app.call('quotes.duplicate', { id: q.id, customerId: b.id });
    await app.call('quotes.remove', { id: copy.id });
    expect(events).toEqual(Array(6).fill(['quotes']));
    await app.call('quotes.get', { id: r1.id });
    await app.call('quotes.list', {});
    await app.fail('quotes.update', { ...oneLine(a.id, valve.id, 1), id: q.id });
    expect(await app.call('quotes.remove', { id: copy.id })).toEqual({ count: 0 });
    expect(events).toHaveLength(6);
  });
});

describe('quotes: status', () => {
  it('draft → sent sets sent_at and the follow-up; accepted keeps a PI number; wrong moves are refused', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    await app.call('settings.update', { quoteFollowUpDays: 10 });
    const q = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500));
    expect((await app.fail('quotes.setStatus', { id: q.id, status: 'accepted' })).message).toBe('quotes.errors.badTransition');
    const sent = await app.call('quotes.setStatus', { id: q.id, status: 'sent' });
    expect(sent).toMatchObject({ status: 'sent', sentAt: T0, followUpAt: T0 + 10 * DAY });
    app.clock.advance(DAY);
    const accepted = await app.call('quotes.setStatus', { id: q.id, status: 'accepted', piNumber: 'PI-2026-007' });
    expect(accepted).toMatchObject({ status: 'accepted', decidedAt: T0 + DAY, piNumber: 'PI-2026-007', followUpAt: null });
    expect((await app.fail('quotes.setStatus', { id: q.id, status: 'sent' })).message).toBe('quotes.errors.badTransition');
    expect((await app.fail('quotes.setStatus', { id: q.id, status: 'rejected' })).code).toBe('conflict');
  });

  it('a sent quote past its validity reads expired at once and is stored expired by the hourly run', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const q = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500, { validUntil: T0 + 10 * DAY }));
    const keep = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500, { validUntil: T0 + 10 * DAY }));
    await app.call('quotes.setStatus', { id: q.id, status: 'sent' });
    app.clock.set(T0 + 10 * DAY);
    expect((await app.call('quotes.get', { id: q.id })).status).toBe('sent');
    app.clock.set(T0 + 10 * DAY + 1);
    expect(await app.call('quotes.get', { id: q.id })).toMatchObject({ status: 'expired', decidedAt: T0 + 10 * DAY });
    expect((await app.call('quotes.list', { statuses: ['expired'] })).rows.map((r) => r.id)).toEqual([q.id]);
    const stored = () => app.core.database().sqlite.prepare('SELECT status, decided_at FROM quotes WHERE id = ?').get(q.id);
    expect(stored()).toEqual({ status: 'sent', decided_at: null });

    app.clock.set(T0 + 11 * DAY);
    expect(await app.call('quotes.expireDue', {})).toEqual({ count: 1 });
    expect(stored()).toEqual({ status: 'expired', decided_at: T0 + 10 * DAY });
    expect((await app.call('quotes.get', { id: keep.id })).status).toBe('draft');
    expect(await app.call('quotes.expireDue', {})).toEqual({ count: 0 });
    // A buyer answering late can still accept it.
    expect((await app.call('quotes.setStatus', { id: q.id, status: 'accepted' })).status).toBe('accepted');
  });

  it('reminders: follow-ups due and quotes expiring within 7 days, each once it is due', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const followed = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500));
    const expiring = await app.call('quotes.create', oneLine(a.id, valve.id, 32_500, { validUntil: T0 + 20 * DAY }));
    await app.call('quotes.setStatus', { id: followed.id, status: 'sent' });
    await app.call('quotes.setStatus', { id: expiring.id, status: 'sent' });
    expect((await app.call('quotes.reminders', {})).rows).toEqual([]);
    app.clock.set(T0 + 7 * DAY);
    const due = (await app.call('quotes.reminders', {})).rows;
    expect(due.filter((r) => r.kind === 'followUp').map((r) => r.quoteId).sort()).toEqual([followed.id, expiring.id].sort());
    expect(due.filter((r) => r.kind === 'expiring')).toEqual([]);
    app.clock.set(T0 + 14 * DAY);
    expect((await app.call('quotes.reminders', {})).rows.filter((r) => r.kind === 'expiring')).toMatchObject([{ quoteId: expiring.id, dueAt: T0 + 20 * DAY, customerName: 'Acme Imports Ltd' }]);
    await app.call('quotes.setStatus', { id: followed.id, status: 'rejected' });
    expect((await app.call('quotes.reminders', {})).rows.map((r) => r.quoteId)).not.toContain(followed.id);
  });
});

describe('quotes: bad input names the field', () => {
  it('a negative or zero quantity, a negative price, an unknown currency, a missing port', async () => {
    app = await createTempCore();
    const { a, valve } = await quoteWorld(app);
    const line = oneLine(a.id, valve.id, 32_500).lines![0]!;
    const negative = await app.fail('quotes.create', { ...oneLine(a.id, valve.id, 0), lines: [{ ...line, quantity: -5 }] });
    expect(negative.fieldErrors).toEqual([{ path: 'lines.0.quantity', message: 'validation.mustBePositive' }]);
    const zero = await app.fail('quotes.create', { ...oneLine(a.id, valve.id, 0), lines: [line, { ...line, quantity: 0 }] });
    expect(zero.fieldErrors).toEqual([{ path: 'lines.1.quantity', message: 'validation.mustBePositive' }]);
    const price = await app.fail('quotes.create', { ...oneLine(a.id, valve.id, 0), lines: [{ ...line, unitPriceE4: -1 }] });
    expect(price.fieldErrors).toEqual([{ path: 'lines.0.unitPriceE4', message: 'validation.tooSmall', params: { min: 0 } }]);
    const currency = await app.fail('quotes.create', { ...oneLine(a.id, valve.id, 0), lines: [{ ...line, currency: 'XYZ' }] });
    expect(currency.fieldErrors).toEqual([{ path: 'lines.0.currency', message: 'validation.invalidChoice' }]);
    const port = await app.fail('quotes.create', { ...oneLine(a.id, valve.id, 32_500), incotermPort: '  ' });
    expect(port.fieldErrors).toEqual([{ path: 'incotermPort', message: 'validation.required' }]);
    const incoterm = await app.fail('quotes.create', { ...oneLine(a.id, valve.id, 32_500), incoterm: 'FOO' });
    expect(incoterm.fieldErrors).toEqual([{ path: 'incoterm', message: 'validation.invalidChoice' }]);
    // EXW needs no port.
    expect((await app.call('quotes.create', { ...oneLine(a.id, valve.id, 32_500), incoterm: 'EXW', incotermPort: null })).incoterm).toBe('EXW');
  });

  it('a product deleted while quoted: the save is refused naming the line, the old quote still reads', async () => {
    app = await createTempCore();
    const { a, valve, pump } = await quoteWorld(app);
    const draft = await app.call('quotes.create', { ...oneLine(a.id, pump.id, 10_000), lines: [{ productId: pump.id, description: 'Pump', quantity: 2, unit: 'sets', unitPriceE4: 1_000_000, currency: 'USD' }, oneLine(a.id, valve.id, 32_500).lines![0]!] });
    await app.call('products.remove', { id: valve.id });
    const read = await app.call('quotes.get', { id: draft.id });
    expect(read.lines.map((l) => l.productDeleted)).toEqual([false, true]);
    const refused = await app.fail('quotes.update', { ...oneLine(a.id, null, 0), id: draft.id, lines: read.lines.map((l) => ({ ...l, currency: 'USD' as const })) });
    expect(refused).toMatchObject({ code: 'validation', message: 'quotes.errors.productDeleted', params: { line: 2, model: 'BV-100' } });
    expect(refused.fieldErrors).toEqual([{ path: 'lines.1.productId', message: 'quotes.errors.productDeleted', params: { line: 2, model: 'BV-100' } }]);
    expect((await app.fail('quotes.create', oneLine(a.id, valve.id, 32_500))).fieldErrors?.[0]?.path).toBe('lines.0.productId');
    const missing = await app.fail('quotes.create', oneLine('no-such-customer', null, 32_500));
    expect(missing.fieldErrors).toEqual([{ path: 'customerId', message: 'errors.customerNotFound' }]);
  });
});
