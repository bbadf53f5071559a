import type { CallInput, CallOutput } from '../../../../../shared/contract/contract.ts';
import type { MailAccount } from '../../../../../shared/contract/mail.contract.ts';
import { DEFAULT_SYNC_WINDOW_DAYS, type MailSecurity } from '../../../../../shared/domain/mail-enums.ts';
import { MAIL_PROVIDERS, providerForAddress, type MailProviderPreset, type PasswordKind } from '../../../../../shared/domain/mail-providers.ts';

/** The account form's values and their mapping to the contract; pure, for tests. */

export interface ServerValues {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
}

export type IncomingKind = 'imap' | 'pop3';

export interface AccountFormValues {
  /** How mail is fetched; the incoming server is `imap` for both (fixed once the account is saved). */
  kind: IncomingKind;
  email: string;
  name: string;
  displayName: string;
  /** A preset key, or CUSTOM_PROVIDER when the servers are typed in. */
  provider: string;
  /** Empty when editing means "keep the stored one". */
  password: string;
  smtpPassword: string;
  imap: ServerValues;
  smtp: ServerValues;
  /** Days of mail fetched first; ALL_MAIL = everything at once. */
  syncWindowDays: number;
  syncEnabled: boolean;
  /** POP3: keep a copy of each message on the server (on by default). */
  leaveOnServer: boolean;
  /** POP3 with leaveOnServer: delete from the server this many days after the download; NEVER_DELETE = never. */
  deleteAfterDays: number;
}

/** The contract's CONNECTION_STEPS in order, repeated so the screens do not bundle zod (a unit test keeps them equal). */
export const TEST_STEPS: readonly CallOutput<'mail.testAccount'>['steps'][number]['step'][] = ['dns', 'connect', 'tls', 'login', 'folders', 'smtpConnect', 'smtpLogin'];

export const CUSTOM_PROVIDER = 'custom';
export const ALL_MAIL = 0;
/** 3, 6, 12 and 24 months, or everything. */
export const SYNC_WINDOWS = [90, 180, 365, 730, ALL_MAIL] as const;
export const NEVER_DELETE = 0;
/** "Delete from the server after": a week, two, a month, a quarter, or never. */
export const DELETE_AFTER_DAYS = [7, 14, 30, 90, NEVER_DELETE] as const;

type PortKind = 'imap' | 'smtp' | 'pop3';
const DEFAULT_PORTS: Record<PortKind, Record<MailSecurity, number>> = {
  imap: { tls: 993, starttls: 143, none: 143 },
  smtp: { tls: 465, starttls: 587, none: 25 },
  pop3: { tls: 995, starttls: 110, none: 110 },
};

export function presetByKey(key: string | null | undefined): MailProviderPreset | null {
  return MAIL_PROVIDERS.find((p) => p.key === key) ?? null;
}

/** What the form asks for instead of the web password (授权码, app password, or the password). */
export function passwordKindOf(provider: string | null | undefined): PasswordKind {
  return presetByKey(provider)?.passwordKind ?? 'password';
}

export function emptyAccountForm(): AccountFormValues {
  return {
    kind: 'imap',
    email: '',
    name: '',
    displayName: '',
    provider: CUSTOM_PROVIDER,
    password: '',
    smtpPassword: '',
    imap: { host: '', port: DEFAULT_PORTS.imap.tls, security: 'tls', user: '' },
    smtp: { host: '', port: DEFAULT_PORTS.smtp.tls, security: 'tls', user: '' },
    syncWindowDays: DEFAULT_SYNC_WINDOW_DAYS,
    syncEnabled: true,
    leaveOnServer: true,
    deleteAfterDays: NEVER_DELETE,
  };
}

export function accountFormFrom(account: MailAccount): AccountFormValues {
  const blank = emptyAccountForm();
  return {
    kind: account.kind === 'pop3' ? 'pop3' : 'imap',
    email: account.email,
    name: account.name,
    displayName: account.displayName ?? '',
    provider: presetByKey(account.provider) ? account.provider! : CUSTOM_PROVIDER,
    password: '',
    smtpPassword: '',
    imap: account.imap ?? blank.imap,
    smtp: account.smtp ?? blank.smtp,
    syncWindowDays: account.syncWindowDays ?? ALL_MAIL,
    syncEnabled: account.syncEnabled,
    leaveOnServer: account.pop3?.leaveOnServer ?? true,
    deleteAfterDays: account.pop3?.deleteAfterDays ?? NEVER_DELETE,
  };
}

/**
 * The servers of a preset, with the address as the login (every listed provider logs in by
 * address); the incoming one is the provider's POP3 server when the account is POP3.
 */
export function presetServers(preset: MailProviderPreset, email: string, kind: IncomingKind = 'imap'): Pick<AccountFormValues, 'imap' | 'smtp'> {
  return {
    imap: { ...(kind === 'pop3' ? preset.pop3 : preset.imap), user: email },
    smtp: { ...preset.smtp, user: email },
  };
}

/**
 * The fields that follow a newly typed address: the preset its domain suggests (unless the
 * user picked one), and the account name and logins while they still equal the old address.
 */
export function followEmail(values: AccountFormValues, previousEmail: string, providerPicked: boolean): Partial<AccountFormValues> {
  const email = values.email.trim().toLowerCase();
  const follows = (current: string) => current === '' || current === previousEmail;
  const patch: Partial<AccountFormValues> = {};
  if (follows(values.name)) patch.name = email;
  const suggested = providerPicked ? null : providerForAddress(email);
  if (suggested && suggested.key !== values.provider) {
    patch.provider = suggested.key;
    Object.assign(patch, presetServers(suggested, email, values.kind));
    return patch;
  }
  if (follows(values.imap.user)) patch.imap = { ...values.imap, user: email };
  if (follows(values.smtp.user)) patch.smtp = { ...values.smtp, user: email };
  return patch;
}

/** Switching IMAP ↔ POP3 moves the incoming port along while it is still the standard one (993 ↔ 995, 143 ↔ 110). */
export function portForKind(port: number, security: MailSecurity, previous: IncomingKind, next: IncomingKind): number {
  return port === DEFAULT_PORTS[previous][security] ? DEFAULT_PORTS[next][security] : port;
}

/** Switching TLS ↔ STARTTLS moves the port along while it is still a standard one. */
export function portForSecurity(kind: PortKind, port: number, previous: MailSecurity, next: MailSecurity): number {
  const standard = Object.values(DEFAULT_PORTS[kind]);
  return standard.includes(port) && port === DEFAULT_PORTS[kind][previous] ? DEFAULT_PORTS[kind][next] : port;
}

function server(values: ServerValues): ServerValues {
  return { host: values.host.trim(), port: Number(values.port), security: values.security, user: values.user.trim() };
}

function common(values: AccountFormValues) {
  const pop3 = values.kind === 'pop3';
  return {
    kind: values.kind,
    pop3: {
      leaveOnServer: !pop3 || values.leaveOnServer,
      deleteAfterDays: pop3 && values.leaveOnServer && values.deleteAfterDays !== NEVER_DELETE ? values.deleteAfterDays : null,
    },
    name: values.name.trim() || values.email.trim(),
    email: values.email.trim(),
    displayName: values.displayName.trim() || null,
    provider: values.provider === CUSTOM_PROVIDER ? null : values.provider,
    imap: server(values.imap),
    smtp: server(values.smtp),
    syncWindowDays: values.syncWindowDays === ALL_MAIL ? null : values.syncWindowDays,
    syncEnabled: values.syncEnabled,
  };
}

export function toAddInput(values: AccountFormValues): CallInput<'mail.addAccount'> {
  return { ...common(values), password: values.password, smtpPassword: values.smtpPassword || null };
}

/** Aliases and signatures are not on this form: they are sent back as stored. */
export function toEditInput(account: MailAccount, values: AccountFormValues): CallInput<'mail.editAccount'> {
  return {
    ...common(values),
    id: account.id,
    aliases: account.aliases,
    ownerId: account.ownerId,
    signatureText: account.signatureText,
    signatureHtml: account.signatureHtml,
    password: values.password || null,
    smtpPassword: values.smtpPassword || null,
  };
}

/** Whether a saved account's test must use the form's values (so it needs the password typed again). */
export function serversChanged(account: MailAccount, values: AccountFormValues): boolean {
  const same = (a: ServerValues | null, b: ServerValues) => a !== null && a.host === b.host.trim() && a.port === Number(b.port) && a.security === b.security && a.user === b.user.trim();
  return !same(account.imap, values.imap) || !same(account.smtp, values.smtp);
}

/**
 * Whether this process can log in to the account now: a password sealed in the store, or one
 * held in memory for this session on a machine without a keychain (`hasPassword` alone says
 * only whether it outlives a restart).
 */
export function passwordAtHand(account: Pick<MailAccount, 'hasPassword' | 'passwordKept'>): boolean {
  return account.hasPassword || account.passwordKept === 'session';
}
