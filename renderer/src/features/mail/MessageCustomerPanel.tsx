import { Skeleton, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { hrefFor } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { CustomerFacts } from '../../ui/CustomerFacts.tsx';
import { CustomerDeals } from './MessageDeals.tsx';

type MessageCustomer = CallOutput<'mail.getMessage'>['customers'][number];

/** More than this is a mail to a whole trade fair list: the folders are linked, not described. */
const DESCRIBED = 3;

/**
 * Who the mail is from or to, as a salesperson needs it while answering: each customer it is
 * filed under with its code, name, grade, stage, owner, last contact and the next contact due
 * (overdue shown as such), read from the customer itself so it is current; then its last quote and
 * the sample shipments still waiting for feedback.
 */
export function MessageCustomerPanel({ customers }: { customers: readonly MessageCustomer[] }) {
  const { t } = useTranslation();
  if (customers.length === 0) return null;
  return (
    <div className="mail-customer-panel" data-testid="mail-customer-panel" aria-label={t('mail.reader.customers')}>
      {customers.map((c, i) => (
        <div key={c.id} className="mail-customer-card" data-testid="mail-customer-card">
          <Tooltip title={t(`mail.filing.${c.match}`)}>
            <a href={hrefFor({ page: 'customer', id: c.id })} data-testid="mail-reader-customer">
              <Tag color="geekblue">{c.code}</Tag>
              <strong>{c.name}</strong>
            </a>
          </Tooltip>
          {i < DESCRIBED && <Facts id={c.id} />}
        </div>
      ))}
    </div>
  );
}

function Facts({ id }: { id: string }) {
  const customer = useCall('customers.get', { id });
  if (!customer.data) return customer.isError ? null : <Skeleton active paragraph={false} title={{ width: '60%' }} />;
  return (
    <>
      <CustomerFacts customer={customer.data} />
      <CustomerDeals customerId={id} />
    </>
  );
}
