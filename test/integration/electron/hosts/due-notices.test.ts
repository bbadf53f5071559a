import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDueNotices } from '../../../../electron/hosts/due-notices.ts';
import { createTempCore, DAY, type TempCore } from '../../../helpers/temp-core.ts';

let app: TempCore;
beforeEach(async () => {
  app = await createTempCore();
  await app.call('settings.update', { notifications: { enabled: true, quietHours: null } });
});
afterEach(async () => {
  await app.close();
});

describe('the Electron app’s due notices', () => {
  it('words each due item in the user’s language, once, and tells a flood as "more"', async () => {
    const customer = await app.call('customers.create', { name: 'Lumen Trading', regionCode: 'EU' });
    const sent = async () => {
      const q = await app.call('quotes.create', { customerId: customer.id, lines: [{ productId: null, description: 'Lamp', quantity: 1, unit: 'pcs', unitPriceE4: 10_000, currency: 'USD' }] });
      await app.call('quotes.setStatus', { id: q.id, status: 'sent' });
      return q.number;
    };
    const first = await sent();
    app.clock.advance(8 * DAY);
    const shown: { title: string; body: string }[] = [];
    const notices = createDueNotices({ dispatch: (key, input) => app.core.dispatch(key, input), notifier: { notify: (n) => shown.push(n) }, language: () => 'zh-CN' });
    expect(await notices.runOnce()).toBe(1);
    expect(shown).toEqual([{ title: '报价跟进', body: `${first} · Lumen Trading` }]);
    expect(await notices.runOnce()).toBe(0);

    for (let i = 0; i < 7; i++) await sent();
    app.clock.advance(8 * DAY);
    shown.length = 0;
    expect(await notices.runOnce()).toBe(5);
    expect(shown.at(-1)).toEqual({ title: 'TradeFolio：现在到期', body: '今日中还有 2 项' });
  });
});
