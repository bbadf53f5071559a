import { isFreeMailDomain } from './free-mail-domains.ts';

/**
 * The domains a correspondent's address can file a message under, most specific first:
 * `sales.eu.acme.com` → sales.eu.acme.com, eu.acme.com, acme.com. None for a free-mail
 * domain (gmail.com, qq.com, 163.com…): such an address says nothing about the company.
 */
export function filingDomains(domain: string): string[] {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  if (!d || isFreeMailDomain(d)) return [];
  const labels = d.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) {
    const candidate = labels.slice(i).join('.');
    if (isFreeMailDomain(candidate)) break;
    out.push(candidate);
  }
  return out;
}
