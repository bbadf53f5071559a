import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { mailCalls } from '../../../../../shared/contract/mail.contract.ts';
import type { AppFailure } from '../../../../../shared/contract/result.ts';
import type { EventPayload } from '../../../../../shared/contract/contract.ts';
import { createMailService, type MailCallKey, type MailService } from '../../../../../electron/services/mail/mail.service.ts';
import type { SyncProgress } from '../../../../../electron/services/mail/sync/imap-sync.ts';
import { createAesGcmCipher, createJsonSecretStore, SECRETS_FILE } from '../../../../../electron/services/platform/secret-store.ts';
import { silentLogger } from '../../../../../electron/services/core/logger.ts';
import { freePort, startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../../../../helpers/mail-servers.ts';
import { openMailDb, rfc822, withAttachment, type MailDb } from '../../../../helpers/mail-test-kit.ts';

const USER = 'svc@example.com';
const PASSWORD = 'auth-code-7f3a9c';

let dovecot: Dovecot;
let sink: SmtpSink;
let m: MailDb;
let service: MailService;
const progress: SyncProgress[] = [];
const changed: string[] = [];

/** Parses the input as the dispatcher would, then calls the handler. */
async function call<K extends MailCallKey>(key: K, input: z.input<(typeof mailCalls)[K]['input']>): Promise<z.output<(typeof mailCalls)[K]['output']>> {
  const parsed = mailCalls[key].input.parse(input) as Parameters<MailService['handlers'][K]>[0];
  const handler = service.handlers[key] as (i: typeof parsed) => Promise<z.output<(typeof mailCalls)[K]['output']>>;
  const out = await handler(parsed);
  return mailCalls[key].output.parse(out) as z.output<(typeof mailCalls)[K]['output']>;
}

const settings = (overrides: { imapPort?: number; smtpPort?: number; imapHost?: string; imapSecurity?: 'tls' | 'none'; password?: string } = {}) => ({
  name: 'Work',
  email: USER,
  imap: { host: overrides.imapHost ?? '127.0.0.1', port: overrides.imapPort ?? dovecot.imapPort, security: overrides.imapSecurity ?? ('none' as const), user: USER },
  smtp: { host: '127.0.0.1', port: overrides.smtpPort ?? sink.port, security: 'none' as const, user: USER },
  password: overrides.password ?? PASSWORD,
});

beforeAll(async () => {
  [dovecot, sink, m] = await Promise.all([
    startDovecot({ users: [{ user: USER, password: PASSWORD }] }),
    startSmtpSink({ auth: { user: USER, pass: PASSWORD } }),
    openMailDb(),
  ]);
  const key = crypto.randomBytes(32);
  service = createMailService({
    db: m.db,
    clock: { now: () => Date.now() },
    log: silentLogger,
    dataDir: m.dataDir,
    secrets: createJsonSecretStore(m.dataDir, createAesGcmCipher('test-aes-gcm', () => key)),
    emit: (event, payload) => {
      if (event === 'data.changed') changed.push(...(payload as EventPayload<'data.changed'>).entities);
      if (event === 'mail.syncProgress') progress.push(payload as SyncProgress);
    },
    clientInfo: { name: 'TradeFolio', version: 'test' },
  });
});
afterAll(async () => {
  await service?.close();
  await Promise.all([dovecot?.stop(), sink?.stop(), m?.close()]);
});

describe('mail service', () => {
  it('adds an account with its password sealed outside the database and tests each connection step', async () => {
    const account = await call('mail.addAccount', settings());
    expect(account).toMatchObject({ email: USER, hasPassword: true, syncWindowDays: 365, imap: { port: dovecot.imapPort, security: 'none' } });
    const dbBytes = fs.readFileSync(path.join(m.dataDir, 'tradefolio.sqlite'));
    expect(dbBytes.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(fs.readFileSync(path.join(m.dataDir, SECRETS_FILE), 'utf8')).not.toContain(PASSWORD);

    const duplicate = await call('mail.addAccount', settings()).catch((e: unknown) => e);
    expect((duplicate as AppFailure).error).toMatchObject({ code: 'conflict', message: 'errors.mailAccountExists' });

    const good = await call('mail.testAccount', { id: account.id });
    expect(good.ok).toBe(true);
    expect(good.steps.map((s) => s.step)).toEqual(['dns', 'connect', 'login', 'folders', 'smtpConnect', 'smtpLogin']);
    expect(good.folders.map((f) => f.specialUse).sort()).toEqual(['archive', 'drafts', 'inbox', 'junk', 'sent', 'trash']);

    const failedStep = (r: z.output<(typeof mailCalls)['mail.testAccount']['output']>) => r.steps.filter((s) => !s.ok).map((s) => [s.step, s.message]);
    expect(failedStep(await call('mail.testAccount', settings({ password: 'wrong' })))).toEqual([
      ['login', 'mail.test.loginRejected'],
      ['smtpLogin', 'mail.test.smtpLoginRejected'],
    ]);
    const closed = await freePort();
    expect(failedStep(await call('mail.testAccount', settings({ imapPort: closed, smtpPort: closed })))).toEqual([
      ['connect', 'mail.test.connectFailed'],
      ['smtpConnect', 'mail.test.smtpConnectFailed'],
    ]);
    expect(failedStep(await call('mail.testAccount', settings({ imapSecurity: 'tls' })))[0]).toEqual(['tls', 'mail.test.tlsFailed']);
    expect(failedStep(await call('mail.testAccount', settings({ imapHost: 'imap.nonexistent.invalid', imapSecurity: 'tls' })))[0]).toEqual(['dns', 'mail.test.dnsFailed']);
    // Cleartext to anything but this computer is refused before any connection is tried.
    expect(mailCalls['mail.testAccount'].input.safeParse(settings({ imapHost: 'imap.example.com' })).success).toBe(false);
  });

  it('syncs in the background, reports per-folder status, and reads messages', async () => {
    await dovecot.deliver(rfc822({ from: 'Anna <anna@hamburg-trade.de>', to: USER, cc: 'Bob <bob@hamburg-trade.de>', subject: 'Inquiry', body: 'Please quote 500 pcs.', messageId: 'inq@hamburg-trade.de', date: new Date(Date.now() - 3_600_000) }), USER);
    await dovecot.deliver(withAttachment({ from: 'anna@hamburg-trade.de', to: USER, subject: 'Drawing', filename: 'drawing.pdf', content: Buffer.from('%PDF-1.4 drawing'), messageId: 'drw@hamburg-trade.de', date: new Date(Date.now() - 600_000) }), USER);
    const [account] = await call('mail.listAccounts', {});
    const { started } = await call('mail.syncNow', {});
    expect(started).toEqual([account!.id]);
    expect((await call('mail.syncStatus', {}))[0]!.state).toBe('syncing');
    expect((await call('mail.syncNow', {})).started).toEqual([]);
    await service.whenIdle();

    const [status] = await call('mail.syncStatus', {});
    expect(status).toMatchObject({ state: 'idle', lastSyncError: null });
    const inbox = status!.folders.find((f) => f.specialUse === 'inbox')!;
    expect(inbox).toMatchObject({ localCount: 2, serverCount: 2, serverRangeCount: 2, unread: 2, windowComplete: true });
    expect(inbox.verifiedAt).not.toBeNull();
    expect(progress.at(-1)).toMatchObject({ phase: 'done' });
    expect(changed).toContain('mailMessages');

    const list = await call('mail.listMessages', { folderId: inbox.id });
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.subject)).toEqual(['Drawing', 'Inquiry']);
    expect(list.rows[0]).toMatchObject({ hasAttachments: true, direction: 'inbound', seen: false, customers: [] });
    expect((await call('mail.listMessages', { unfiledOnly: true })).total).toBe(2);

    const detail = await call('mail.getMessage', { id: list.rows[1]!.id });
    expect(detail).toMatchObject({
      from: { name: 'Anna', address: 'anna@hamburg-trade.de' },
      to: [{ name: null, address: USER }],
      cc: [{ name: 'Bob', address: 'bob@hamburg-trade.de' }],
      messageId: 'inq@hamburg-trade.de',
      // Delivered with no Authentication-Results from the receiving server: not verified.
      senderAuth: 'none',
      remoteContent: null,
      parseWarnings: [],
    });
    expect(detail.text).toContain('Please quote 500 pcs.');
    const drawing = await call('mail.getMessage', { id: list.rows[0]!.id });
    expect(drawing.attachments).toMatchObject([{ filename: 'drawing.pdf', contentType: 'application/pdf', inline: false }]);

    await call('mail.allowRemoteContent', { messageId: detail.id, scope: 'message' });
    expect((await call('mail.getMessage', { id: detail.id })).remoteContent).toBe('message');
  });

  it('keeps the stored password on edit and removes everything with the account', async () => {
    const [account] = await call('mail.listAccounts', {});
    const { password: _password, ...rest } = settings();
    const edited = await call('mail.editAccount', { ...rest, id: account!.id, name: 'Sales mailbox', syncWindowDays: null });
    expect(edited).toMatchObject({ name: 'Sales mailbox', hasPassword: true, syncWindowDays: null });
    expect((await call('mail.testAccount', { id: account!.id })).ok).toBe(true);

    // Removed while a pass runs and another waits behind it: neither runs on afterwards.
    const running = service.runSync(account!.id);
    const waiting = service.runSync(account!.id);
    expect(await call('mail.removeAccount', { id: account!.id })).toEqual({ count: 1 });
    const changesAtRemoval = changed.length;
    expect(await Promise.all([running, waiting])).toEqual([null, null]);
    await service.whenIdle();
    expect(changed.length).toBe(changesAtRemoval);
    expect(await call('mail.listAccounts', {})).toEqual([]);
    expect((await call('mail.listMessages', {})).total).toBe(0);
    expect(fs.readFileSync(path.join(m.dataDir, SECRETS_FILE), 'utf8')).not.toContain(account!.id);
    const missing = await call('mail.getMessage', { id: 'nope' }).catch((e: unknown) => e);
    expect((missing as AppFailure).error.code).toBe('notFound');
  });
});
