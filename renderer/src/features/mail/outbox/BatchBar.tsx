import { StopOutlined } from '@ant-design/icons';
import { Button, Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../../../shared/contract/mail-send.contract.ts';
import { useShowError } from '../../../app/app-errors.ts';
import { useMutationCall } from '../../../app/useCall.ts';
import { useTimeFormat } from '../../../ui/time-format.ts';
import { batchPercent } from './outbox-format.ts';
import { useFeedback } from '../../../app/feedback.ts';

/** One personalised send: its template, pace and progress, and the button that stops the rest. */
export function BatchBar({ batch }: { batch: BatchSummary }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { modal, message } = useFeedback();
  const showError = useShowError();
  const cancel = useMutationCall('mail.cancelBatch');
  const open = batch.counts.queued + batch.counts.failed;
  const done = batch.counts.sent + batch.counts.failed;

  const confirmCancel = () =>
    modal.confirm({
      // The safe choice has the focus: Enter must not throw work away.
      autoFocusButton: 'cancel',
      title: t('mail.batch.cancelTitle'),
      content: t('mail.batch.cancelBody', { count: open }),
      okText: t('mail.batch.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'batch-cancel-ok' },
      cancelText: t('mail.outbox.keep'),
      onOk: async () => {
        try {
          const { count } = await cancel.mutateAsync({ id: batch.id });
          void message.success(t('mail.batch.canceled', { count }));
        } catch (err) {
          showError(err);
        }
      },
    });

  return (
    <div className="outbox-batch" data-testid="outbox-batch" data-batch-id={batch.id}>
      <div className="outbox-batch-title">
        <strong>{batch.templateName ?? t('mail.batch.deletedTemplate')}</strong>
        <span className="muted">
          {t('mail.batch.summary', { time: time.dateTime(batch.createdAt), rate: batch.ratePerMinute })}
        </span>
        {batch.canceledAt !== null && <Tag>{t('mail.batch.stopped')}</Tag>}
      </div>
      <Progress percent={batchPercent(batch.counts, batch.total)} size="small" status={batch.counts.failed > 0 ? 'exception' : undefined} />
      <span className="muted" data-testid="outbox-batch-progress">
        {t('mail.batch.progress', { done, total: batch.total, sent: batch.counts.sent, failed: batch.counts.failed })}
      </span>
      {open > 0 && batch.canceledAt === null && (
        <Button size="small" danger icon={<StopOutlined />} onClick={confirmCancel} data-testid="outbox-batch-cancel">
          {t('mail.batch.cancel')}
        </Button>
      )}
    </div>
  );
}
