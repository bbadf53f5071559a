import { Alert, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallOutput } from '../../../../shared/contract/contract.ts';
import { hrefFor } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import { REASON_COLORS } from './duplicate-reasons.ts';

type Match = CallOutput<'customers.checkDuplicates'>[number];

const DEBOUNCE_MS = 400;

interface Candidate {
  excludeId?: string | null;
  name: string;
  website?: string | null;
  emails: string[];
}

/**
 * The candidate is reduced to a string before debouncing: the form hands a new object on every
 * render, and only a change of content should restart the wait.
 */
function candidateKey(c: Candidate): string {
  return JSON.stringify({
    excludeId: c.excludeId ?? null,
    name: c.name.trim(),
    website: c.website?.trim() || null,
    emails: c.emails.map((e) => e.trim()).filter((e) => e.includes('@')),
  });
}

/** One line per customer, with every reason it matched (the same customer can share an email and a domain). */
function byCustomer(matches: Match[]): Array<{ customer: Match['customer']; reasons: Array<Pick<Match, 'reason' | 'key'>> }> {
  const out = new Map<string, { customer: Match['customer']; reasons: Array<Pick<Match, 'reason' | 'key'>> }>();
  for (const m of matches) {
    const entry = out.get(m.customer.id) ?? { customer: m.customer, reasons: [] };
    if (!entry.reasons.some((r) => r.reason === m.reason && r.key === m.key)) entry.reasons.push({ reason: m.reason, key: m.key });
    out.set(m.customer.id, entry);
  }
  return [...out.values()];
}

/** Shown while a customer is created or edited: existing customers that look like the same company. */
export function DuplicateWarning(props: { candidate: Candidate; onOpenCustomer(id: string): void }) {
  const { t } = useTranslation();
  const key = useDebouncedValue(candidateKey(props.candidate), DEBOUNCE_MS);
  const input = useMemo(() => JSON.parse(key) as CallInput<'customers.checkDuplicates'>, [key]);
  const worthAsking = (input.name?.length ?? 0) >= 2 || Boolean(input.website) || (input.emails?.length ?? 0) > 0;
  const matches = useCall('customers.checkDuplicates', input, { enabled: worthAsking, placeholderData: (previous) => previous });
  const rows = worthAsking ? byCustomer(matches.data ?? []) : [];
  if (rows.length === 0) return null;

  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      title={t('duplicates.warning.title')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {rows.map(({ customer, reasons }) => (
            <li key={customer.id} data-testid="duplicate-warning-match" data-id={customer.id}>
              <a
                href={hrefFor({ page: 'customer', id: customer.id })}
                onClick={(e) => {
                  e.preventDefault();
                  props.onOpenCustomer(customer.id);
                }}
              >
                {customer.code} {customer.name}
              </a>
              {customer.ownerName ? <span className="muted"> · {customer.ownerName}</span> : null}{' '}
              {reasons.map((r) => (
                <Tag key={`${r.reason}:${r.key}`} color={REASON_COLORS[r.reason]} style={{ marginInlineStart: 4 }}>
                  {t(`duplicates.reasonShort.${r.reason}`, { key: r.key })}
                </Tag>
              ))}
            </li>
          ))}
        </ul>
      }
    />
  );
}
