import { WarningOutlined } from '@ant-design/icons';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchCustomer } from '../../../../../shared/contract/mail-send.contract.ts';
import { defaultContactId } from './batch-helpers.ts';

interface Props {
  customers: readonly BatchCustomer[];
  choices: ReadonlyMap<string, string>;
  onChoose(customerId: string, contactId: string): void;
}

/** Per customer, who gets the mail: the primary contact unless the user picks another one with an email. */
export function BatchRecipientList({ customers, choices, onChoose }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="batch-recipients" data-testid="batch-recipients">
      {customers.map((customer) => {
        const chosen = choices.get(customer.customerId) ?? defaultContactId(customer.contacts);
        return (
          <li key={customer.customerId} data-testid="batch-recipient" data-customer-id={customer.customerId} data-skipped={chosen === null}>
            <span className="cell">
              <Tag color="geekblue">{customer.code}</Tag>
              {customer.name}
            </span>
            {chosen === null ? (
              <span className="batch-recipient-skipped" data-testid="batch-recipient-skipped">
                <WarningOutlined /> {customer.contacts.length === 0 ? t('mail.batch.noContacts') : t('mail.batch.noEmail')}
              </span>
            ) : (
              <Select<string>
                size="small"
                className="batch-recipient-select"
                value={chosen}
                onChange={(id) => onChoose(customer.customerId, id)}
                aria-label={t('mail.batch.contactFor', { name: customer.name })}
                data-testid="batch-recipient-contact"
                options={customer.contacts.map((c) => ({
                  value: c.id,
                  disabled: !c.email,
                  label: c.email ? `${c.name} <${c.email}>` : `${c.name} (${t('mail.batch.noEmailShort')})`,
                }))}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
