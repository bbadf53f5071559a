import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../../electron/services/core/clock.ts';
import { FAULT_POINT_ENV } from '../../../../../electron/hosts/fault-points.ts';
import { runCliChild } from '../../../../helpers/child-hosts.ts';
import { createTempCore, tempDir, type TempCore } from '../../../../helpers/temp-core.ts';
import { oneLine, quoteWorld } from './quote-fixtures.ts';

let app: TempCore | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// Mid-day local dates: the numbers' date part is the local date.
const DEC_31_2026 = new Date(2026, 11, 31, 12).getTime();
const JAN_1_2027 = new Date(2027, 0, 1, 12).getTime();

describe('quote numbers', () => {
  it('follow the configured pattern and start again in a new year', async () => {
    app = await createTempCore({ now: DEC_31_2026 });
    const { a } = await quoteWorld(app);
    const first = await app.call('quotes.create', oneLine(a.id, null, 100));
    const second = await app.call('quotes.create', oneLine(a.id, null, 100));
    expect([first.number, second.number]).toEqual(['Q2026-0001', 'Q2026-0002']);
    app.clock.set(JAN_1_2027);
    expect((await app.call('quotes.create', oneLine(a.id, null, 100))).number).toBe('Q2027-0001');

    const settings = await app.call('settings.update', { quoteNumberPattern: 'TF-{YY}{MM}/{SEQ:3}' });
    expect(settings.quoteNumberPattern).toBe('TF-{YY}{MM}/{SEQ:3}');
    expect((await app.call('quotes.create', oneLine(a.id, null, 100))).number).toBe('TF-2701/001');
    const bad = await app.fail('settings.update', { quoteNumberPattern: 'Q{YYYY}-{NUM}' });
    expect(bad.fieldErrors).toEqual([{ path: 'quoteNumberPattern', message: 'validation.invalidFormat' }]);
    expect((await app.fail('settings.update', { quoteNumberPattern: 'Q{YYYY}' })).fieldErrors?.[0]?.path).toBe('quoteNumberPattern');
  });

  it('are never reused: a deleted quote keeps its number, and a number in use is skipped', async () => {
    app = await createTempCore();
    const { a, b } = await quoteWorld(app);
    const first = await app.call('quotes.create', oneLine(a.id, null, 100));
    expect(await app.call('quotes.remove', { id: first.id })).toEqual({ count: 1 });
    expect((await app.call('quotes.list', {})).total).toBe(0);
    await app.fail('quotes.get', { id: first.id });
    expect((await app.call('quotes.create', oneLine(a.id, null, 100))).number).toBe('Q2026-0002');
    // A counter set back (a restored settings row, a hand edit) does not hand out a taken number.
    app.core.database().sqlite.prepare("UPDATE quote_number_counters SET next_seq = 1 WHERE scope = 'Q2026-{SEQ:4}'").run();
    expect((await app.call('quotes.duplicate', { id: (await app.call('quotes.list', {})).rows[0]!.id, customerId: b.id })).number).toBe('Q2026-0003');
  });

  it('are never reused after a crash (SIGKILL) between numbering and saving', async () => {
    const dataDir = tempDir();
    // The child CLI numbers by the real date, so the test's cores do too.
    const seed = await createTempCore({ dataDir, clock: systemClock });
    const { a } = await quoteWorld(seed);
    await seed.call('quotes.create', oneLine(a.id, null, 100));
    await seed.close();

    const input = JSON.stringify(oneLine(a.id, null, 200));
    const run = await runCliChild(dataDir, ['call', 'quotes.create', input], { [FAULT_POINT_ENV]: 'quote:numbered' });
    expect(run.signal).toBe('SIGKILL');

    app = await createTempCore({ dataDir, clock: systemClock });
    const year = new Date().getFullYear();
    expect((await app.call('quotes.list', {})).rows.map((r) => r.number)).toEqual([`Q${year}-0001`]);
    const sqlite = app.core.database().sqlite;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.prepare('SELECT count(*) AS n FROM quotes').get()).toEqual({ n: 1 });
    // The killed run took Q…-0002 and never saved it: the next quote is 0003, 0002 is never handed out.
    const next = await app.call('quotes.create', oneLine(a.id, null, 300));
    expect(next.number).toBe(`Q${year}-0003`);
  });
});
