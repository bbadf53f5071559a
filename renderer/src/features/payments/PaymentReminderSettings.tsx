import { Button, Card, Form, InputNumber } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REMINDER_DAYS } from '../../../../shared/domain/payment-deadlines.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';

interface Values {
  paymentReminderDays: number;
  letterOfCreditReminderDays: number;
}

/** Settings › Reminders: how many days ahead a payment's due date, and an L/C's expiry and latest shipment date, become reminders. */
export function PaymentReminderSettings() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const settings = useCall('settings.get', {});
  const update = useMutationCall('settings.update');
  const labelOf = useCallback((path: string) => (path === 'paymentReminderDays' ? t('payments.settings.paymentDays') : path === 'letterOfCreditReminderDays' ? t('payments.settings.lcDays') : undefined), [t]);
  const onError = useFormErrorHandler(form, labelOf);
  if (!settings.data) return null;
  const days = (name: keyof Values, label: string, testId: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, type: 'integer', min: 1, max: MAX_REMINDER_DAYS, message: t('validation.tooBig', { field: label, max: MAX_REMINDER_DAYS }) }]}
    >
      <InputNumber min={1} max={MAX_REMINDER_DAYS} precision={0} style={{ width: 160 }} suffix={t('payments.settings.daysSuffix')} data-testid={testId} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('payments.settings.title')} style={{ maxWidth: 640, marginTop: 24 }} data-testid="payment-reminder-settings">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ paymentReminderDays: settings.data.paymentReminderDays, letterOfCreditReminderDays: settings.data.letterOfCreditReminderDays }}
        onFinish={async (values) => {
          try {
            await update.mutateAsync(values);
            void message.success(t('payments.settings.saved'));
          } catch (err) {
            onError(err);
          }
        }}
      >
        {days('paymentReminderDays', t('payments.settings.paymentDays'), 'payment-reminder-days')}
        {days('letterOfCreditReminderDays', t('payments.settings.lcDays'), 'lc-reminder-days')}
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="payment-reminder-settings-save">{t('payments.settings.save')}</Button>
      </Form>
    </Card>
  );
}
