import type { Clock } from '../../../../../../electron/services/core/clock.ts';
import { parseMail, type ParsedMessage } from '../../../../../../electron/services/mail/store/mail-parse.ts';
import type { Dovecot, SmtpSink } from '../../../../../helpers/mail-servers.ts';
import { createMailTempCore, tempDir, type TempCore } from '../../../../../helpers/temp-core.ts';

/** Pieces of the sending tests: a real app core whose passwords survive a restart, and waiting. */

/** A temp core whose passwords survive reopening the same folder (the sender's crash tests). */
export type SendCore = TempCore;

export function openSendCore(clock: Clock, dataDir: string = tempDir('tf-send-')): Promise<SendCore> {
  return createMailTempCore({ dataDir, clock });
}

/** Polls until `check` returns a value (not undefined/false), or fails with the last one after `ms`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, ms = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function addSendingAccount(
  app: SendCore,
  dovecot: Dovecot,
  sink: SmtpSink,
  user: { user: string; password: string },
  extra: { displayName?: string; signatureText?: string; aliases?: string[] } = {},
): Promise<string> {
  const account = await app.call('mail.addAccount', {
    name: 'Work',
    email: user.user,
    imap: { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user: user.user },
    smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: user.user },
    password: user.password,
    ...extra,
  });
  return account.id;
}

/** Every message of a server folder, parsed, with its flags. */
export async function serverFolder(dovecot: Dovecot, user: string, path: string): Promise<Array<{ uid: number; flags: string[]; raw: Buffer; parsed: ParsedMessage }>> {
  const client = await dovecot.connect(user);
  try {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      if ((client.mailbox && typeof client.mailbox === 'object' ? client.mailbox.exists : 0) === 0) return [];
      const fetched = await client.fetchAll('1:*', { uid: true, flags: true, source: true });
      const out = [];
      for (const m of fetched) out.push({ uid: m.uid, flags: [...(m.flags ?? [])], raw: m.source!, parsed: await parseMail(m.source!) });
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
