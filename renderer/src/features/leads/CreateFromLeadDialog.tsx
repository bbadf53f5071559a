import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import type { Lead } from '../../../../shared/contract/search.contract.ts';
import { GRADES, type Grade } from '../../../../shared/domain/customer-enums.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { useLanguage } from '../../ui/time-format.ts';
import { suggestedCompanyName, suggestedContactName } from './lead-names.ts';
import { useFeedback } from '../../app/feedback.ts';

interface Values {
  name: string;
  regionCode: string;
  grade: Grade;
  website?: string;
  picked: Record<string, boolean>;
  names: Record<string, string>;
}

/**
 * "Create customer" from a lead: the company (name, region, grade, website) and one contact per
 * picked address. The service files the lead's mail under the new customer in the same step.
 */
export function CreateFromLeadDialog({ lead, onClose }: { lead: Lead; onClose(created: CallOutput<'leads.createCustomer'> | null): void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const language = useLanguage();
  const [form] = Form.useForm<Values>();
  const regions = useCall('regions.list', {});
  const create = useMutationCall('leads.createCustomer');
  const labelOf = useCallback(
    (path: string): string | undefined => {
      if (path === 'customer.name') return t('leads.createDialog.name');
      if (path === 'customer.regionCode') return t('leads.createDialog.region');
      if (path === 'customer.website') return t('leads.createDialog.website');
      return undefined;
    },
    [t],
  );
  const onError = useFormErrorHandler(form, labelOf);

  const initial: Values = {
    name: suggestedCompanyName(lead),
    regionCode: 'OT',
    grade: 'C',
    ...(lead.kind === 'domain' ? { website: lead.domain } : {}),
    picked: Object.fromEntries(lead.addresses.map((a) => [a.address, true])),
    names: Object.fromEntries(lead.addresses.map((a) => [a.address, suggestedContactName(a)])),
  };

  async function submit(values: Values): Promise<void> {
    const contacts = lead.addresses.filter((a) => values.picked[a.address]).map((a) => ({ address: a.address, name: values.names[a.address]?.trim() || suggestedContactName(a) }));
    if (contacts.length === 0) {
      void message.error(t('leads.createDialog.noContacts'));
      return;
    }
    try {
      const created = await create.mutateAsync({
        key: lead.key,
        customer: { name: values.name, regionCode: values.regionCode, grade: values.grade, website: values.website ?? null },
        contacts,
      });
      onClose(created);
    } catch (err) {
      onError(err);
    }
  }

  return (
    <Modal
      open
      title={t('leads.createDialog.title', { key: lead.key })}
      okText={t('leads.createCustomer')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'lead-create-ok' }}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="lead-create-form">
        <Form.Item name="name" label={t('leads.createDialog.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('leads.createDialog.name') }) }]}>
          <Input data-testid="lead-create-name" maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="regionCode" label={t('leads.createDialog.region')} style={{ flex: 1 }}>
            <Select
              data-testid="lead-create-region"
              loading={regions.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.code} · ${language === 'zh-CN' ? r.nameZh : r.nameEn}` }))}
            />
          </Form.Item>
          <Form.Item name="grade" label={t('leads.createDialog.grade')} style={{ width: 120 }}>
            <Select data-testid="lead-create-grade" options={GRADES.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
        </div>
        <Form.Item name="website" label={t('leads.createDialog.website')}>
          <Input data-testid="lead-create-website" maxLength={300} />
        </Form.Item>
        <div className="ant-form-item-label">
          <label>{t('leads.createDialog.contacts')}</label>
        </div>
        {lead.addresses.map((a) => (
          <div key={a.address} style={{ display: 'flex', gap: 8, alignItems: 'center' }} data-testid="lead-create-contact">
            <Form.Item name={['picked', a.address]} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{a.address}</Checkbox>
            </Form.Item>
            <Form.Item name={['names', a.address]} style={{ marginBottom: 8, flex: 1 }}>
              <Input aria-label={t('leads.createDialog.contactName', { address: a.address })} maxLength={100} />
            </Form.Item>
          </div>
        ))}
      </Form>
    </Modal>
  );
}
