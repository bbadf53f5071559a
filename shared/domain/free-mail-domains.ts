/**
 * Free-mail providers: an address at one of these says nothing about the company, so they are
 * never used to match or file by domain.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'vip.163.com',
  'vip.qq.com', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', '139.com', '189.cn', 'tom.com',
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'hotmail.co.uk', 'outlook.fr', 'hotmail.fr',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.co.in', 'yahoo.com.br', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de',
  'mail.com', 'mail.ru', 'yandex.ru', 'yandex.com', 'protonmail.com', 'proton.me', 'zoho.com', 'naver.com',
  'daum.net', 'rediffmail.com', 'libero.it', 'orange.fr', 'free.fr', 'laposte.net', 'wp.pl', 'o2.pl',
  'seznam.cz', 'bol.com.br', 'uol.com.br', 'terra.com.br',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.trim().toLowerCase());
}

/** The domain part of an address, lower-cased; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return domain.length > 0 ? domain : null;
}

/** The host of a website as a company domain: `https://www.acme.de/x` → `acme.de`. */
export function websiteDomain(website: string): string | null {
  const trimmed = website.trim().toLowerCase();
  if (!trimmed) return null;
  const withoutScheme = trimmed.replace(/^[a-z]+:\/\//, '');
  const host = withoutScheme.split(/[/?#:]/)[0]?.replace(/^www\./, '') ?? '';
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : null;
}

/** Company domains a customer is known by: website host plus non-free-mail contact domains. */
export function companyDomains(website: string | null | undefined, emails: Iterable<string>): string[] {
  const out = new Set<string>();
  const fromSite = website ? websiteDomain(website) : null;
  if (fromSite && !isFreeMailDomain(fromSite)) out.add(fromSite);
  for (const email of emails) {
    const d = emailDomain(email);
    if (d && !isFreeMailDomain(d)) out.add(d);
  }
  return [...out];
}
