import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../../app/useCall.ts';
import { mailViewHref } from '../mail-route.ts';

const SHOWN = 3;

/** In a customer's folder: mail to them that was refused, so it is not mistaken for sent. */
export function CustomerOutboxAlert({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const failed = useCall('mail.listOutbox', { customerId, statuses: ['failed'], limit: SHOWN });
  const total = failed.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="customer-outbox-alert"
      data-testid="customer-outbox-failed"
      title={t('mail.outbox.customerFailed', { count: total })}
      description={
        <ul className="customer-outbox-list">
          {failed.data!.rows.map((row) => (
            <li key={row.id}>
              <strong>{row.subject || t('mail.list.noSubject')}</strong>
              {row.lastError && <span className="muted"> — {t(row.lastError.message)}</span>}
            </li>
          ))}
        </ul>
      }
      action={
        <Button size="small" href={mailViewHref('outbox', { customerId })} data-testid="customer-outbox-open">
          {t('mail.outbox.open')}
        </Button>
      }
    />
  );
}
