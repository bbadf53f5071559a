import { Button, Form, Input, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import type { SampleShipmentStatus } from '../../../../shared/domain/quote-terms.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { clearFormErrors, shortItems, type SampleFormValues } from './sample-form.ts';
import { SampleStatusTag } from './SampleBits.tsx';

type Shipment = CallOutput<'samples.get'>;

/** The shipment's dates so far, and when feedback is due. */
function SampleDates({ shipment }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const parts = [
    shipment.sentAt !== null && t('samples.dates.sent', { date: time.date(shipment.sentAt) }),
    shipment.deliveredAt !== null && t('samples.dates.delivered', { date: time.date(shipment.deliveredAt) }),
    shipment.feedbackAt !== null && t('samples.dates.feedback', { date: time.date(shipment.feedbackAt) }),
    shipment.followUpAt !== null && t('samples.dates.followUp', { date: time.date(shipment.followUpAt) }),
  ].filter(Boolean);
  return (
    <Typography.Text type="secondary" data-testid="sample-dates">
      {parts.join(' · ')}
    </Typography.Text>
  );
}

interface Props {
  shipment: Shipment;
  form: FormInstance<SampleFormValues>;
  /** Saves what the form holds first (a tracking number just typed), null when it could not. */
  saveFirst(): Promise<string | null>;
  onError(err: unknown): void;
}

/**
 * The step forward from where the shipment is: send (warning when stock would go below zero),
 * mark delivered, record the customer's feedback.
 */
export function SampleStatusActions({ shipment, form, saveFirst, onError }: Props) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const setStatus = useMutationCall('samples.setStatus');

  async function move(status: SampleShipmentStatus): Promise<void> {
    if (status !== 'feedback' && !(await saveFirst())) return;
    try {
      const feedback = status === 'feedback' ? ((form.getFieldValue('feedback') as string | null | undefined) ?? null) : null;
      await setStatus.mutateAsync({ id: shipment.id, status, feedback });
      clearFormErrors(form);
      void message.success(t('samples.drawer.statusChanged', { status: t(`samples.status.${status}`) }));
    } catch (err) {
      onError(err);
    }
  }

  function send(): void {
    const short = shortItems(shipment);
    if (short.length === 0) return void move('sent');
    modal.confirm({
      title: t('samples.drawer.belowZeroTitle'),
      content: t('samples.drawer.belowZeroBody', { items: short.join(', ') }),
      okText: t('samples.drawer.sendAnyway'),
      cancelText: t('common.cancel'),
      onOk: () => move('sent'),
    });
  }

  const canFeedback = shipment.status === 'delivered' || shipment.status === 'feedback' || shipment.status === 'sent';
  return (
    <div className="sample-status" data-testid="sample-status-actions" style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <SampleStatusTag status={shipment.status} />
        <SampleDates shipment={shipment} />
        {shipment.status === 'preparing' && (
          <Button type="primary" loading={setStatus.isPending} onClick={send} data-testid="sample-mark-sent">
            {t('samples.drawer.markSent')}
          </Button>
        )}
        {shipment.status === 'sent' && (
          <Button type="primary" loading={setStatus.isPending} onClick={() => void move('delivered')} data-testid="sample-mark-delivered">
            {t('samples.drawer.markDelivered')}
          </Button>
        )}
      </Space>
      {canFeedback && (
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="feedback" noStyle>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('samples.drawer.feedbackPlaceholder')} aria-label={t('samples.fields.feedback')} data-testid="sample-feedback" />
          </Form.Item>
          <Button loading={setStatus.isPending} onClick={() => void move('feedback')} data-testid="sample-record-feedback">
            {shipment.status === 'feedback' ? t('samples.drawer.saveFeedback') : t('samples.drawer.recordFeedback')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
