import type { MailAddress } from '../../../../shared/contract/mail.contract.ts';
import type { z } from 'zod';

type Address = z.infer<typeof MailAddress>;

/**
 * A list's date column as mail programs show it: the time for today's mail, day and month for
 * this year's, the full date for older mail. `now` is passed in so tests fix it.
 */
export function listDate(ms: number, now: number, language: string, timeZone?: string): string {
  const zone = timeZone ? { timeZone } : {};
  const day = (t: number) => new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  const year = (t: number) => new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric' }).format(t);
  if (day(ms) === day(now)) return new Intl.DateTimeFormat(language, { ...zone, hour: '2-digit', minute: '2-digit' }).format(ms);
  if (year(ms) === year(now)) return new Intl.DateTimeFormat(language, { ...zone, month: 'short', day: 'numeric' }).format(ms);
  return new Intl.DateTimeFormat(language, { ...zone, dateStyle: 'medium' }).format(ms);
}

/** The name people know a correspondent by, else the address. */
export function addressLabel(address: Address | null | undefined): string {
  if (!address) return '';
  return address.name?.trim() || address.address;
}

/** "Anna Schulz <anna@hamburg-trade.de>", or the bare address when there is no name. */
export function addressFull(address: Address): string {
  const name = address.name?.trim();
  return name && name.toLowerCase() !== address.address.toLowerCase() ? `${name} <${address.address}>` : address.address;
}

/** The part after @, with the @, as the remote-content allowlist stores whole domains. */
export function senderDomain(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? address.slice(at).toLowerCase() : null;
}
