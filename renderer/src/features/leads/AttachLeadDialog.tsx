import { Form, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import type { Lead } from '../../../../shared/contract/search.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { CustomerPicker, type PickedCustomer } from '../../ui/CustomerPicker.tsx';

/**
 * "Attach to existing": the lead's addresses become contacts of a chosen customer, or (for a
 * company domain) the domain becomes that customer's website. Either way the mail files at once.
 */
export function AttachLeadDialog({ lead, onClose }: { lead: Lead; onClose(done: CallOutput<'leads.attach'> | null): void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const attach = useMutationCall('leads.attach');
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [mode, setMode] = useState<'contacts' | 'website'>('contacts');

  async function submit(): Promise<void> {
    if (!customer) return;
    try {
      onClose(await attach.mutateAsync({ key: lead.key, customerId: customer.id, mode }));
    } catch (err) {
      showError(err);
    }
  }

  return (
    <Modal
      open
      title={t('leads.attachDialog.title', { key: lead.key })}
      okText={t('leads.attach')}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !customer, loading: attach.isPending, 'data-testid': 'lead-attach-ok' }}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('leads.attachDialog.customer')} required>
          <CustomerPicker value={customer} onChange={setCustomer} placeholder={t('leads.attachDialog.customerPlaceholder')} testId="lead-attach-customer" />
        </Form.Item>
        {lead.kind === 'domain' && (
          <Form.Item label={t('leads.attachDialog.mode')}>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'contacts' | 'website')} data-testid="lead-attach-mode">
              <Radio value="contacts">{t('leads.attachDialog.asContacts')}</Radio>
              <Radio value="website">{t('leads.attachDialog.asWebsite', { domain: lead.domain })}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
