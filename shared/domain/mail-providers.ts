import type { MailSecurity } from './mail-enums.ts';

/** What the account form says to use instead of the web password. */
export type PasswordKind = 'password' | 'authCode' | 'appPassword';

export interface MailServerPreset {
  host: string;
  port: number;
  security: MailSecurity;
}

export interface MailProviderPreset {
  key: string;
  /** Shown as is: these are brand names. */
  name: string;
  imap: MailServerPreset;
  smtp: MailServerPreset;
  /** The provider's POP3 server (POP3 over implicit TLS on 995), for an account set to POP3. */
  pop3: MailServerPreset;
  /**
   * QQ Mail, Tencent Exmail (with secure login on) and NetEase need an authorization code
   * (授权码 / 客户端专用密码) generated in their web settings; Gmail and Outlook.com need an
   * app password. The form explains this.
   */
  passwordKind: PasswordKind;
  /** Address domains that suggest this preset when the user types their address. */
  domains: readonly string[];
}

/**
 * Server facts of the providers our users have (PRODUCT.md job 2). All IMAP over implicit
 * TLS on 993. The IMAP ID command is always sent (NetEase refuses logins without it), so no
 * preset needs a flag for it.
 */
export const MAIL_PROVIDERS: readonly MailProviderPreset[] = [
  {
    key: 'exmail',
    name: 'Tencent Exmail 腾讯企业邮',
    imap: { host: 'imap.exmail.qq.com', port: 993, security: 'tls' },
    pop3: { host: 'pop.exmail.qq.com', port: 995, security: 'tls' },
    smtp: { host: 'smtp.exmail.qq.com', port: 465, security: 'tls' },
    passwordKind: 'authCode',
    domains: [],
  },
  {
    key: 'qq',
    name: 'QQ Mail QQ邮箱',
    imap: { host: 'imap.qq.com', port: 993, security: 'tls' },
    pop3: { host: 'pop.qq.com', port: 995, security: 'tls' },
    smtp: { host: 'smtp.qq.com', port: 465, security: 'tls' },
    passwordKind: 'authCode',
    domains: ['qq.com', 'vip.qq.com', 'foxmail.com'],
  },
  {
    key: 'netease163',
    name: 'NetEase 163 网易邮箱',
    imap: { host: 'imap.163.com', port: 993, security: 'tls' },
    pop3: { host: 'pop.163.com', port: 995, security: 'tls' },
    smtp: { host: 'smtp.163.com', port: 465, security: 'tls' },
    passwordKind: 'authCode',
    domains: ['163.com'],
  },
  {
    key: 'netease126',
    name: 'NetEase 126 网易邮箱',
    imap: { host: 'imap.126.com', port: 993, security: 'tls' },
    pop3: { host: 'pop.126.com', port: 995, security: 'tls' },
    smtp: { host: 'smtp.126.com', port: 465, security: 'tls' },
    passwordKind: 'authCode',
    domains: ['126.com'],
  },
  {
    key: 'aliyun',
    name: 'Alibaba Mail 阿里邮箱',
    imap: { host: 'imap.qiye.aliyun.com', port: 993, security: 'tls' },
    pop3: { host: 'pop.qiye.aliyun.com', port: 995, security: 'tls' },
    smtp: { host: 'smtp.qiye.aliyun.com', port: 465, security: 'tls' },
    passwordKind: 'password',
    domains: ['aliyun.com'],
  },
  {
    key: 'gmail',
    name: 'Gmail',
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    pop3: { host: 'pop.gmail.com', port: 995, security: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    passwordKind: 'appPassword',
    domains: ['gmail.com', 'googlemail.com'],
  },
  {
    key: 'outlook',
    name: 'Outlook.com',
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    pop3: { host: 'outlook.office365.com', port: 995, security: 'tls' },
    smtp: { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
    passwordKind: 'appPassword',
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'],
  },
];

export function providerForAddress(email: string): MailProviderPreset | null {
  const domain = email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
  return MAIL_PROVIDERS.find((p) => p.domains.includes(domain)) ?? null;
}

/** Cleartext (security 'none') is only for a server on this computer (tests, local bridges). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
