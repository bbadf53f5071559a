import { Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../shared/contract/customers.contract.ts';
import { countryName } from './country-names.ts';
import { GradeTag } from './GradeTag.tsx';
import { useLanguage, useTimeFormat } from './time-format.ts';

/**
 * Who this customer is, in one line of facts: grade, stage, owner, country, last contact and
 * the next contact due (overdue in red). The customer folder's header and the reading pane's
 * customer panel show the same facts, so they read the same everywhere.
 */
export function CustomerFacts({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = useTimeFormat();
  // When the facts were first shown: overdue is a day-scale fact, it need not tick.
  const [now] = useState(() => Date.now());
  const country = countryName(customer.country, language);
  const overdue = customer.dueAt !== null && customer.dueAt <= now;
  return (
    <div className="folder-meta">
      <span>
        <span className="label">{t('customer.grade')}</span>
        <GradeTag grade={customer.grade} /> {t(`grades.${customer.grade}`)}
      </span>
      <span>
        <span className="label">{t('customer.stage')}</span>
        <span data-testid="customer-stage">{t(`stages.${customer.stage}`)}</span>
      </span>
      <span>
        <span className="label">{t('customer.owner')}</span>
        <span data-testid="customer-owner">{customer.ownerName ?? t('customers.list.noOwner')}</span>
      </span>
      {country && (
        <span>
          <span className="label">{t('customer.country')}</span>
          {country}
        </span>
      )}
      <span>
        <span className="label">{t('customer.lastContact')}</span>
        <Tooltip title={customer.lastContactedAt === null ? undefined : time.dateTime(customer.lastContactedAt)}>
          <span data-testid="customer-last-contact">
            {customer.lastContactedAt === null ? t('customers.list.never') : time.relative(customer.lastContactedAt)}
          </span>
        </Tooltip>
      </span>
      {customer.dueAt !== null && (
        <span data-testid="customer-due" className={overdue ? 'customer-due-overdue' : undefined}>
          <span className="label">{t(overdue ? 'folder.contactOverdue' : 'folder.nextContactDue')}</span>
          {time.date(customer.dueAt)}
        </span>
      )}
    </div>
  );
}
