import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mailCalls } from '../../../../../shared/contract/mail.contract.ts';
import { mailSendCalls } from '../../../../../shared/contract/mail-send.contract.ts';
import { createAppCore } from '../../../../../electron/services/core/app-core.ts';
import { silentLogger } from '../../../../../electron/services/core/logger.ts';

/**
 * The CLI asks the core for `mailCode: 'on-first-use'`: the mail services (imapflow,
 * nodemailer, mailparser — half of what the core would load) are imported by the first mail
 * call. Every mail call must still work as before, and mail() must not hand out a half-wired
 * service.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-mail-code-'));
  made.push(dir);
  return dir;
}

describe('mail code on first use', () => {
  it('answers mail calls by loading the mail services on demand, and mail() only after that', async () => {
    const core = await createAppCore({ dataDir: dataDir(), host: 'cli', version: 't', log: silentLogger, checkOutputs: true, mailCode: 'on-first-use' });
    try {
      expect(() => core.mail()).toThrow(/loadMail/);
      expect(() => core.mailSender()).toThrow(/loadMail/);
      // A non-mail call leaves it unloaded.
      expect(await core.dispatch('customers.list', {})).toMatchObject({ ok: true });
      expect(() => core.mail()).toThrow(/loadMail/);

      // Two first calls at once, one of each mail service: one load, both answered.
      const [accounts, outbox] = await Promise.all([core.dispatch('mail.listAccounts', {}), core.dispatch('mail.listOutbox', {})]);
      expect(accounts).toEqual({ ok: true, value: [] });
      expect(outbox).toMatchObject({ ok: true });
      expect(core.mail().password).toBeTypeOf('function');
      expect(core.mailSender().kick).toBeTypeOf('function');

      // Input is still validated against the contract before anything loads or runs.
      expect(await core.dispatch('mail.removeAccount', { id: 42 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    } finally {
      await core.close();
    }
  });

  it('defers every mail key of the contract, so none is missing before the code loads', async () => {
    const core = await createAppCore({ dataDir: dataDir(), host: 'cli', version: 't', log: silentLogger, mailCode: 'on-first-use' });
    try {
      for (const key of [...Object.keys(mailCalls), ...Object.keys(mailSendCalls)]) {
        const result = await core.dispatch(key, {});
        // Empty input may fail validation or the call itself; what must not happen is a missing handler.
        if (!result.ok) expect(result.error.params?.reason ?? '', key).not.toMatch(/no handler|not a function/);
      }
    } finally {
      await core.close();
    }
  });

  it('loadMail() wires mail for callers that use the service directly (mail sync in the CLI)', async () => {
    const core = await createAppCore({ dataDir: dataDir(), host: 'cli', version: 't', log: silentLogger, mailCode: 'on-first-use' });
    try {
      await core.loadMail();
      await core.loadMail();
      expect(await core.mail().runSync('no-such-account')).toBeNull();
    } finally {
      await core.close();
    }
  });

  it('at start (the default, for the app and the web host): mail() works at once', async () => {
    const core = await createAppCore({ dataDir: dataDir(), host: 'web', version: 't', log: silentLogger });
    try {
      expect(core.mail().password).toBeTypeOf('function');
      expect(await core.dispatch('mail.listAccounts', {})).toEqual({ ok: true, value: [] });
    } finally {
      await core.close();
    }
  });
});
