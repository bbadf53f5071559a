import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_KEYS, EVENT_KEYS } from '../../../../../shared/contract/contract.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
beforeAll(async () => {
  app = await createTempCore();
});
afterAll(async () => {
  await app.close();
});

describe('the contract', () => {
  it('names every call area.verbNoun and every event area.whatHappened', () => {
    for (const key of CALL_KEYS) expect(key).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    for (const key of EVENT_KEYS) expect(key).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
  });

  it('has a handler behind every key, and the dispatcher validates every input', async () => {
    for (const key of CALL_KEYS) {
      const result = await app.core.dispatch(key, { id: 123, ids: 'x', limit: -1, name: 42 });
      // Either the input is rejected as data, or a real handler ran: never "unknown" or a crash.
      if (!result.ok) {
        expect(['validation', 'notFound', 'conflict', 'backupInvalid'], `${key}: ${JSON.stringify(result.error)}`).toContain(result.error.code);
      }
    }
  });

  it('rejects non-object and oversized input as a validation error naming the field', async () => {
    expect(await app.core.dispatch('customers.get', 'oops')).toMatchObject({ ok: false, error: { code: 'validation' } });
    const res = await app.core.dispatch('customers.create', { name: 'x'.repeat(201), regionCode: 'EU' });
    expect(res).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: [{ path: 'name', message: 'validation.tooLong', params: { max: 200 } }] } });
  });
});
