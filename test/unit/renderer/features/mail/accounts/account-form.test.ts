import { describe, expect, it } from 'vitest';
import {
  accountFormFrom,
  ALL_MAIL,
  CUSTOM_PROVIDER,
  emptyAccountForm,
  followEmail,
  passwordAtHand,
  NEVER_DELETE,
  presetByKey,
  presetServers,
  passwordKindOf,
  portForKind,
  portForSecurity,
  serversChanged,
  toAddInput,
  TEST_STEPS,
  toEditInput,
} from '../../../../../../renderer/src/features/mail/accounts/account-form.ts';
import { CONNECTION_STEPS, MailAccountEdit, MailAccountInput, type MailAccount } from '../../../../../../shared/contract/mail.contract.ts';

const saved: MailAccount = {
  id: '01J00000000000000000000000',
  kind: 'imap',
  name: 'Sales',
  email: 'sales@mytrade.cn',
  displayName: 'Li Na',
  aliases: ['lina@mytrade.cn'],
  provider: 'exmail',
  imap: { host: 'imap.exmail.qq.com', port: 993, security: 'tls', user: 'sales@mytrade.cn' },
  smtp: { host: 'smtp.exmail.qq.com', port: 465, security: 'tls', user: 'sales@mytrade.cn' },
  pop3: null,
  ownerId: null,
  signatureText: 'Li Na',
  signatureHtml: null,
  syncWindowDays: 365,
  syncEnabled: true,
  hasPassword: true,
  passwordKept: 'keychain',
  lastSyncAt: null,
  lastSyncError: null,
  createdAt: 0,
  updatedAt: 0,
};

describe('the account form', () => {
  it('suggests the provider from the address and fills its servers and logins', () => {
    const values = { ...emptyAccountForm(), email: 'Buyer@QQ.com' };
    const patch = followEmail(values, '', false);
    expect(patch.provider).toBe('qq');
    expect(patch.name).toBe('buyer@qq.com');
    expect(patch.imap).toEqual({ host: 'imap.qq.com', port: 993, security: 'tls', user: 'buyer@qq.com' });
    expect(patch.smtp).toEqual({ host: 'smtp.qq.com', port: 465, security: 'tls', user: 'buyer@qq.com' });
    expect(passwordKindOf('qq')).toBe('authCode');
    expect(passwordKindOf('gmail')).toBe('appPassword');
    expect(passwordKindOf('outlook')).toBe('appPassword');
    expect(passwordKindOf(CUSTOM_PROVIDER)).toBe('password');
  });

  it('leaves a picked provider and typed logins alone', () => {
    const values = { ...emptyAccountForm(), email: 'me@163.com', provider: 'exmail', name: 'My box', imap: { ...emptyAccountForm().imap, user: 'custom-login' } };
    const patch = followEmail(values, 'me@16', true);
    expect(patch.provider).toBeUndefined();
    expect(patch.name).toBeUndefined();
    expect(patch.imap).toBeUndefined();
    expect(patch.smtp?.user).toBe('me@163.com');
  });

  it('moves a standard port along with the security', () => {
    expect(portForSecurity('imap', 993, 'tls', 'starttls')).toBe(143);
    expect(portForSecurity('smtp', 465, 'tls', 'starttls')).toBe(587);
    expect(portForSecurity('smtp', 587, 'starttls', 'tls')).toBe(465);
    expect(portForSecurity('imap', 10993, 'tls', 'none')).toBe(10993);
  });

  it('maps to inputs the contract accepts', () => {
    const values = { ...accountFormFrom(saved), syncWindowDays: ALL_MAIL, password: 'auth-code' };
    const add = MailAccountInput.parse(toAddInput(values));
    expect(add).toMatchObject({ email: 'sales@mytrade.cn', provider: 'exmail', syncWindowDays: null, password: 'auth-code', smtpPassword: null, displayName: 'Li Na' });
    const edit = MailAccountEdit.parse(toEditInput(saved, { ...accountFormFrom(saved), password: '' }));
    // No password typed: the stored one is kept, and fields not on the form go back unchanged.
    expect(edit).toMatchObject({ id: saved.id, password: null, aliases: ['lina@mytrade.cn'], signatureText: 'Li Na', syncWindowDays: 365 });
  });

  it('maps a POP3 account with "leave a copy on the server" on by default, and moves the standard port along', () => {
    const blank = emptyAccountForm();
    expect(blank).toMatchObject({ kind: 'imap', leaveOnServer: true, deleteAfterDays: NEVER_DELETE });
    expect(portForKind(993, 'tls', 'imap', 'pop3')).toBe(995);
    expect(portForKind(110, 'none', 'pop3', 'imap')).toBe(143);
    expect(portForKind(1995, 'tls', 'imap', 'pop3')).toBe(1995);
    expect(portForSecurity('pop3', 995, 'tls', 'starttls')).toBe(110);
    // A provider's POP3 server for a POP3 account, also when the address suggests the provider.
    expect(presetServers(presetByKey('qq')!, 'me@qq.com', 'pop3').imap).toEqual({ host: 'pop.qq.com', port: 995, security: 'tls', user: 'me@qq.com' });
    expect(followEmail({ ...blank, kind: 'pop3', email: 'me@163.com' }, '', false).imap).toEqual({ host: 'pop.163.com', port: 995, security: 'tls', user: 'me@163.com' });

    const server = { host: 'pop.example.com', port: 995, security: 'tls' as const, user: 'me@example.com' };
    const values = { ...blank, kind: 'pop3' as const, email: 'me@example.com', password: 'pw', imap: server, smtp: { ...server, host: 'smtp.example.com', port: 465 } };
    expect(MailAccountInput.parse(toAddInput(values))).toMatchObject({ kind: 'pop3', pop3: { leaveOnServer: true, deleteAfterDays: null } });
    expect(MailAccountInput.parse(toAddInput({ ...values, deleteAfterDays: 30 })).pop3).toEqual({ leaveOnServer: true, deleteAfterDays: 30 });
    // Without a copy on the server there is nothing to delete later.
    expect(MailAccountInput.parse(toAddInput({ ...values, leaveOnServer: false, deleteAfterDays: 30 })).pop3).toEqual({ leaveOnServer: false, deleteAfterDays: null });
    // An IMAP account never carries POP3 choices.
    expect(MailAccountInput.parse(toAddInput({ ...values, kind: 'imap', leaveOnServer: false })).pop3).toEqual({ leaveOnServer: true, deleteAfterDays: null });

    const savedPop3: MailAccount = { ...saved, kind: 'pop3', pop3: { leaveOnServer: true, deleteAfterDays: 14 } };
    expect(accountFormFrom(savedPop3)).toMatchObject({ kind: 'pop3', leaveOnServer: true, deleteAfterDays: 14 });
    expect(MailAccountEdit.parse(toEditInput(savedPop3, accountFormFrom(savedPop3)))).toMatchObject({ kind: 'pop3', pop3: { leaveOnServer: true, deleteAfterDays: 14 } });
  });

  it('never carries a password into the form', () => {
    expect(accountFormFrom(saved).password).toBe('');
    expect(accountFormFrom(saved).smtpPassword).toBe('');
  });

  it('knows when a test must use the typed settings', () => {
    const form = accountFormFrom(saved);
    expect(serversChanged(saved, form)).toBe(false);
    expect(serversChanged(saved, { ...form, imap: { ...form.imap, port: 143 } })).toBe(true);
  });

  it('lists the connection test\'s steps as the contract does', () => {
    expect(TEST_STEPS).toEqual(CONNECTION_STEPS);
  });

  it('can sync with a password kept for this session only, and asks for one only when none is at hand', () => {
    expect(passwordAtHand(saved)).toBe(true);
    // No keychain: not durable (hasPassword false), but this process may still log in.
    expect(passwordAtHand({ hasPassword: false, passwordKept: 'session' })).toBe(true);
    expect(passwordAtHand({ hasPassword: false, passwordKept: 'none' })).toBe(false);
  });
});
