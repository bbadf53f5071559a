import type { Lead } from '../../../../shared/contract/search.contract.ts';

/**
 * A company name to start from: the domain's first label in words ("fresh-buyer.com" →
 * "Fresh Buyer"); for a free-mail sender, the name they sign with. The user edits it anyway.
 */
export function suggestedCompanyName(lead: Lead): string {
  if (lead.kind === 'address') return lead.addresses[0]?.name || lead.key.slice(0, lead.key.indexOf('@'));
  const label = lead.domain.split('.')[0] ?? lead.domain;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** A contact name for an address: its display name, else the part before the @. */
export function suggestedContactName(address: { address: string; name: string | null }): string {
  return address.name || address.address.slice(0, address.address.indexOf('@'));
}
