import { List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';

/** How many quotes need a follow-up or expire soon (the reminders tab's badge). */
export function useQuoteReminderCount(): number {
  return useCall('quotes.reminders', {}).data?.rows.length ?? 0;
}

/** Quote follow-ups due and quotes expiring within 7 days; each row opens the quote. */
export function QuoteRemindersList() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const reminders = useCall('quotes.reminders', {});
  const rows = reminders.data?.rows ?? [];
  if (reminders.data && rows.length === 0) return <EmptyState testId="quote-reminders-empty" title={t('quotes.reminders.none')} />;
  return (
    <List
      loading={reminders.isLoading}
      dataSource={rows}
      data-testid="quote-reminders"
      renderItem={(r) => (
        <List.Item key={`${r.kind}-${r.quoteId}`} data-testid="quote-reminder" data-kind={r.kind}>
          <a href={hrefFor({ page: 'quote', id: r.quoteId })}>
            {r.kind === 'followUp' ? t('quotes.reminders.followUp', { number: r.number }) : t('quotes.reminders.expiring', { number: r.number, date: time.date(r.dueAt) })}
          </a>
          <span>
            <Tag color={r.kind === 'followUp' ? 'blue' : 'orange'}>{r.kind === 'followUp' ? time.relative(r.dueAt) : time.date(r.dueAt)}</Tag>
            <a href={hrefFor({ page: 'customer', id: r.customerId })}>{r.customerName}</a>
          </span>
        </List.Item>
      )}
    />
  );
}
