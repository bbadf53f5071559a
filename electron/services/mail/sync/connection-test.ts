import dns from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import type { IdInfoObject } from 'imapflow';
import type { MailSecurity, SpecialUse } from '../../../../shared/domain/mail-enums.ts';
import type { CONNECTION_STEPS } from '../../../../shared/contract/mail.contract.ts';
import { createImapClient } from './imap-connection.ts';
import { specialUseOf } from './folder-list.ts';
import { smtpTransport } from '../send/smtp-client.ts';
import { openPop3, Pop3Error } from './pop3-client.ts';

export type ConnectionStep = (typeof CONNECTION_STEPS)[number];

export interface StepResult {
  step: ConnectionStep;
  ok: boolean;
  /** i18n key of the failure, e.g. `mail.test.loginRejected`. */
  message: string | null;
  /** The server's or the system's own words. */
  detail: string | null;
  ms: number;
}

export interface ConnectionSettings {
  imap: { host: string; port: number; security: MailSecurity; user: string };
  smtp: { host: string; port: number; security: MailSecurity; user: string };
  password: string;
  smtpPassword?: string | null;
  /** 'pop3': the incoming server (`imap`) speaks POP3; its login and UIDL are tested instead of IMAP's. */
  incoming?: 'imap' | 'pop3';
}

export interface ConnectionTestOutcome {
  ok: boolean;
  steps: StepResult[];
  folders: Array<{ path: string; specialUse: SpecialUse | null }>;
}


function detailOf(err: unknown): string {
  if (err instanceof Error) {
    const e = err as Error & { code?: string; responseText?: string; response?: string };
    return [e.responseText ?? e.response ?? e.message, e.code].filter(Boolean).join(' | ');
  }
  return String(err);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Tries an account's servers step by step — DNS, TCP connect, TLS, IMAP login (with the ID
 * command), folder list, then SMTP connect and login — and says which step failed and what
 * the server said. IMAP stops at its first failure; SMTP is tried either way, being another
 * server. Nothing is stored.
 */
export async function testMailConnection(
  settings: ConnectionSettings,
  options: { clientInfo?: IdInfoObject; timeoutMs?: number } = {},
): Promise<ConnectionTestOutcome> {
  const timeout = options.timeoutMs ?? 15_000;
  const steps: StepResult[] = [];
  const folders: ConnectionTestOutcome['folders'] = [];

  async function step(name: ConnectionStep, failKey: string, run: () => Promise<void>): Promise<boolean> {
    const started = performance.now();
    try {
      await run();
      steps.push({ step: name, ok: true, message: null, detail: null, ms: Math.round(performance.now() - started) });
      return true;
    } catch (err) {
      const key = err instanceof StepFailure ? err.key : failKey;
      steps.push({ step: name, ok: false, message: key, detail: detailOf(err instanceof StepFailure && err.cause ? err.cause : err), ms: Math.round(performance.now() - started) });
      return false;
    }
  }

  const { imap, smtp } = settings;
  const imapOk =
    (await step('dns', 'mail.test.dnsFailed', async () => {
      if (net.isIP(imap.host.replace(/^\[|\]$/g, ''))) return;
      await withTimeout(dns.lookup(imap.host), timeout, 'DNS lookup');
    })) &&
    (await step('connect', 'mail.test.connectFailed', () => tcpProbe(imap.host, imap.port, timeout))) &&
    (imap.security !== 'tls' || (await step('tls', 'mail.test.tlsFailed', () => tlsProbe(imap.host, imap.port, timeout)))) &&
    (settings.incoming === 'pop3' ? await pop3Steps() : await imapSteps());

  /** POP3: the login, then UIDL in place of the folder list (without UIDL the sync cannot tell new mail from old). */
  async function pop3Steps(): Promise<boolean> {
    let session: Awaited<ReturnType<typeof openPop3>> | null = null;
    const loggedIn = await step('login', 'mail.test.pop3Failed', async () => {
      try {
        session = await openPop3(imap, settings.password, { timeoutMs: timeout });
      } catch (err) {
        if (err instanceof Pop3Error && err.kind === 'login') throw new StepFailure('mail.test.loginRejected', err);
        if (err instanceof Pop3Error && err.kind === 'tls') throw new StepFailure('mail.test.tlsFailed', err);
        throw err;
      }
    });
    if (!loggedIn || !session) return false;
    const open: Awaited<ReturnType<typeof openPop3>> = session;
    try {
      return await step('folders', 'mail.test.pop3NoUidl', async () => {
        await open.uidl();
        folders.push({ path: 'INBOX', specialUse: 'inbox' });
      });
    } finally {
      await open.quit();
    }
  }

  async function imapSteps(): Promise<boolean> {
    // The same client the sync uses; failures are reported by the steps, not logged.
    const client = await createImapClient(imap, settings.password, {
      ...(options.clientInfo ? { clientInfo: options.clientInfo } : {}),
      connectTimeoutMs: timeout,
    });
    try {
      const loggedIn = await step('login', 'mail.test.imapFailed', async () => {
        try {
          await client.connect();
        } catch (err) {
          const e = err as { authenticationFailed?: boolean; message?: string };
          if (e.authenticationFailed) throw new StepFailure('mail.test.loginRejected', err);
          if (imap.security === 'starttls' && /STARTTLS|TLS|certificate|SSL/i.test(e.message ?? '')) throw new StepFailure('mail.test.tlsFailed', err);
          throw err;
        }
      });
      if (!loggedIn) return false;
      return await step('folders', 'mail.test.folderListFailed', async () => {
        const listed = await client.list();
        for (const f of listed) {
          folders.push({ path: f.path, specialUse: specialUseOf(f) });
        }
      });
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  const transport = smtpTransport(
    { ...smtp, password: settings.smtpPassword ?? settings.password },
    { connectTimeoutMs: timeout, socketTimeoutMs: timeout },
  );
  let smtpError: unknown = null;
  const smtpStarted = performance.now();
  try {
    await transport.verify();
  } catch (err) {
    smtpError = err;
  } finally {
    transport.close();
  }
  const smtpMs = Math.round(performance.now() - smtpStarted);
  const smtpCode = (smtpError as { code?: string } | null)?.code;
  const loginFailed = smtpCode === 'EAUTH' || smtpCode === 'ENOAUTH';
  const smtpConnected = smtpError === null || loginFailed;
  steps.push({
    step: 'smtpConnect',
    ok: smtpConnected,
    message: smtpConnected ? null : smtpCode === 'EDNS' ? 'mail.test.dnsFailed' : smtpCode === 'ETLS' ? 'mail.test.tlsFailed' : 'mail.test.smtpConnectFailed',
    detail: smtpConnected ? null : detailOf(smtpError),
    ms: smtpMs,
  });
  if (smtpConnected) {
    steps.push({ step: 'smtpLogin', ok: !loginFailed, message: loginFailed ? 'mail.test.smtpLoginRejected' : null, detail: loginFailed ? detailOf(smtpError) : null, ms: smtpMs });
  }

  return { ok: imapOk && steps.every((s) => s.ok), steps, folders };
}

class StepFailure extends Error {
  readonly key: string;
  constructor(key: string, cause: unknown) {
    super(key, { cause });
    this.key = key;
  }
}

function tcpProbe(host: string, port: number, timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, timeout });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error(`no answer from ${host}:${port}`), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', reject);
  });
}

function tlsProbe(host: string, port: number, timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, timeout });
    socket.once('secureConnect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error(`TLS handshake with ${host}:${port} timed out`), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', reject);
  });
}
