import { afterEach, describe, expect, it } from 'vitest';
import { createDailyReminderNotice } from '../../../../electron/hosts/daily-reminder-notice.ts';
import type { Notifier } from '../../../../electron/hosts/notifier.ts';
import { createTempCore, DAY, type TempCore } from '../../../helpers/temp-core.ts';

const HOUR = 3_600_000;

describe('daily reminder notice', () => {
  let temp: TempCore | undefined;
  afterEach(async () => {
    await temp?.close();
  });

  it('notifies at most once per local day, and not on a day with nothing overdue', async () => {
    // 08:00 local time, so advancing by hours stays on the same calendar day.
    temp = await createTempCore({ now: new Date(2026, 5, 1, 8, 0).getTime() });
    const { core, clock, dataDir } = temp;
    const shown: { title: string; body: string }[] = [];
    const notifier: Notifier = { notify: (n) => shown.push(n) };
    const dispatch = core.dispatch;
    const notice = createDailyReminderNotice({ dataDir, dispatch, notifier, clock, language: () => 'en' });

    await temp.call('customers.create', { name: 'Lyon Tableware SA', regionCode: 'EU', country: 'FR', grade: 'A' });
    expect(await notice.runIfDue()).toBe(false);

    // Grade A is due after 30 days; a day later (still before noon) it is overdue.
    clock.advance(31 * DAY);
    expect(await notice.runIfDue()).toBe(true);
    expect(shown).toEqual([{ title: 'Not contacted', body: '1 customer overdue for contact' }]);
    clock.advance(HOUR);
    expect(await notice.runIfDue()).toBe(false);

    // A restart the same day remembers, through the file in the data folder.
    const again = createDailyReminderNotice({ dataDir, dispatch, notifier, clock, language: () => 'zh-CN' });
    expect(await again.runIfDue()).toBe(false);
    clock.advance(DAY);
    expect(await again.runIfDue()).toBe(true);
    expect(shown[1]).toEqual({ title: '未联系客户', body: '1 个客户超期未联系' });
  });
});
