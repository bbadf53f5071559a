import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../../electron/services/core/app-core.ts';
import { systemClock } from '../../../../../electron/services/core/clock.ts';
import { startWebHostChild } from '../../../../helpers/child-hosts.ts';
import { createTempCore, DAY, tempDir } from '../../../../helpers/temp-core.ts';
import { oneLine, quoteWorld } from './quote-fixtures.ts';

/**
 * The host's hourly work (run at start, then every hour) stores 'expired' on a sent quote whose
 * validity has ended: a real web host in its own process, on the real clock.
 */
it('a real web host stores expiry of sent quotes past their validity when it starts its hourly work', { timeout: 30_000 }, async () => {
  const dataDir = tempDir();
  const seed = await createTempCore({ dataDir, clock: systemClock });
  const { a } = await quoteWorld(seed);
  const past = await seed.call('quotes.create', oneLine(a.id, null, 100, { validUntil: Date.now() - DAY }));
  const open = await seed.call('quotes.create', oneLine(a.id, null, 100, { validUntil: Date.now() + 30 * DAY }));
  await seed.call('quotes.setStatus', { id: past.id, status: 'sent' });
  await seed.call('quotes.setStatus', { id: open.id, status: 'sent' });
  const stored = (core: typeof seed, id: string) => core.core.database().sqlite.prepare('SELECT status, decided_at FROM quotes WHERE id = ?').get(id);
  expect(stored(seed, past.id)).toEqual({ status: 'sent', decided_at: null });
  await seed.close();

  const host = await startWebHostChild(dataDir);
  // Read beside the host, from the file: the stored status, not the one reads work out.
  const file = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    await expect.poll(() => file.prepare('SELECT status FROM quotes WHERE id = ?').pluck().get(past.id), { timeout: 10_000 }).toBe('expired');
  } finally {
    file.close();
    await host.kill('SIGTERM');
  }
  const after = await createTempCore({ dataDir, clock: systemClock });
  try {
    expect(stored(after, past.id)).toMatchObject({ status: 'expired', decided_at: expect.any(Number) });
    expect(stored(after, open.id)).toEqual({ status: 'sent', decided_at: null });
  } finally {
    await after.close();
  }
});
