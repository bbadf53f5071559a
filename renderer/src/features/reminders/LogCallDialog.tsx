import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useMutationCall } from '../../app/useCall.ts';

interface Values {
  direction: 'outbound' | 'inbound';
  subject?: string;
  body?: string;
}

/**
 * Logging the follow-up right from the overdue list: the call becomes a timeline entry, which
 * moves the customer's last contact and takes it off the list.
 */
export function LogCallDialog({ customer, onClose }: { customer: { id: string; name: string } | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useMutationCall('activities.create');
  const labels: Record<string, string> = {
    subject: t('reminders.logCallDialog.subject'),
    body: t('reminders.logCallDialog.body'),
    direction: t('reminders.logCallDialog.direction'),
  };
  const onError = useFormErrorHandler(form, (path) => labels[path]);

  async function save(values: Values): Promise<void> {
    if (!customer) return;
    try {
      await create.mutateAsync({
        customerId: customer.id,
        kind: 'call',
        direction: values.direction,
        subject: values.subject ?? null,
        body: values.body ?? null,
        occurredAt: Date.now(),
      });
      void message.success(t('reminders.logCallDialog.saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  }

  return (
    <Modal
      open={customer !== null}
      title={customer ? t('reminders.logCallDialog.title', { name: customer.name }) : ''}
      okText={t('reminders.logCallDialog.save')}
      okButtonProps={{ 'data-testid': 'log-call-save' }}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ direction: 'outbound' }} onFinish={(v) => void save(v)} preserve={false}>
        <Form.Item name="direction" label={labels.direction}>
          <Radio.Group
            options={[
              { value: 'outbound', label: t('reminders.logCallDialog.outbound') },
              { value: 'inbound', label: t('reminders.logCallDialog.inbound') },
            ]}
          />
        </Form.Item>
        <Form.Item name="subject" label={labels.subject}>
          <Input maxLength={300} placeholder={t('reminders.logCallDialog.subjectPlaceholder')} data-testid="log-call-subject" />
        </Form.Item>
        <Form.Item name="body" label={labels.body}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
