import { Button, Card, Checkbox, Form, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';

interface Values {
  enabled: boolean;
  quiet: boolean;
  quietFrom: Dayjs | null;
  quietTo: Dayjs | null;
}

const CLOCK = 'HH:mm';

/** Settings › Reminders: desktop notifications of what comes due, and the hours they keep quiet. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const settings = useCall('settings.get', {});
  const update = useMutationCall('settings.update');
  const labelOf = useCallback(
    (path: string) => (path.endsWith('from') ? t('settings.notifications.quietFrom') : path.endsWith('to') ? t('settings.notifications.quietTo') : undefined),
    [t],
  );
  const onError = useFormErrorHandler(form, labelOf);
  const enabled = Form.useWatch('enabled', form) ?? settings.data?.notifications.enabled;
  const quiet = Form.useWatch('quiet', form) ?? settings.data?.notifications.quietHours !== null;
  if (!settings.data) return null;
  const { notifications } = settings.data;
  return (
    <Card size="small" title={t('settings.notifications.title')} style={{ maxWidth: 760, marginTop: 16 }} data-testid="notification-settings">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          enabled: notifications.enabled,
          quiet: notifications.quietHours !== null,
          quietFrom: dayjs(notifications.quietHours?.from ?? '22:00', CLOCK),
          quietTo: dayjs(notifications.quietHours?.to ?? '08:00', CLOCK),
        }}
        onFinish={async (values) => {
          const quietHours = values.quiet && values.quietFrom && values.quietTo ? { from: values.quietFrom.format(CLOCK), to: values.quietTo.format(CLOCK) } : null;
          try {
            await update.mutateAsync({ notifications: { enabled: values.enabled, quietHours } });
            void message.success(t('settings.notifications.saved'));
          } catch (err) {
            onError(err);
          }
        }}
      >
        <Form.Item name="enabled" label={t('settings.notifications.enabled')} valuePropName="checked" extra={t('settings.notifications.enabledHelp')}>
          <Switch data-testid="notifications-enabled" />
        </Form.Item>
        <Form.Item name="quiet" valuePropName="checked">
          <Checkbox disabled={!enabled} data-testid="notifications-quiet">
            {t('settings.notifications.quiet')}
          </Checkbox>
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="quietFrom" label={t('settings.notifications.quietFrom')}>
            <TimePicker format={CLOCK} minuteStep={5} disabled={!enabled || !quiet} allowClear={false} data-testid="notifications-quiet-from" />
          </Form.Item>
          <Form.Item name="quietTo" label={t('settings.notifications.quietTo')}>
            <TimePicker format={CLOCK} minuteStep={5} disabled={!enabled || !quiet} allowClear={false} data-testid="notifications-quiet-to" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="notification-settings-save">
          {t('settings.notifications.save')}
        </Button>
      </Form>
    </Card>
  );
}
