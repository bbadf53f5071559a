import { DeleteOutlined, PaperClipOutlined, RedoOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxRow } from '../../../../../shared/contract/mail-send.contract.ts';
import { useShowError } from '../../../app/app-errors.ts';
import { hrefFor } from '../../../app/router.ts';
import { useMutationCall } from '../../../app/useCall.ts';
import { useTimeFormat } from '../../../ui/time-format.ts';
import { recipientsLine, STATUS_COLORS } from './outbox-format.ts';
import { useFeedback } from '../../../app/feedback.ts';

/** One outgoing mail: status, to whom, what, how it went, and what the user can do about it. */
export function OutboxItem({ row }: { row: OutboxRow }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { modal, message } = useFeedback();
  const showError = useShowError();
  const retry = useMutationCall('mail.retryOutbox');
  const cancel = useMutationCall('mail.cancelOutbox');
  const recipients = recipientsLine(row);

  const confirmCancel = () =>
    modal.confirm({
      // The safe choice has the focus: Enter must not throw work away.
      autoFocusButton: 'cancel',
      title: t('mail.outbox.cancelTitle'),
      content: t('mail.outbox.cancelBody', { subject: row.subject || t('mail.list.noSubject') }),
      okText: t('mail.outbox.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'outbox-cancel-ok' },
      cancelText: t('mail.outbox.keep'),
      onOk: async () => {
        try {
          await cancel.mutateAsync({ id: row.id });
          void message.success(t('mail.outbox.canceled'));
        } catch (err) {
          showError(err);
        }
      },
    });

  const when =
    row.status === 'sent' && row.sentAt !== null
      ? t('mail.outbox.sentAt', { time: time.dateTime(row.sentAt) })
      : row.status === 'queued' && row.attempts > 0
        ? t('mail.outbox.nextAttempt', { time: time.relative(row.nextAttemptAt) })
        : t('mail.outbox.createdAt', { time: time.relative(row.createdAt) });

  return (
    <div className="outbox-item" data-testid="outbox-row" data-id={row.id} data-status={row.status}>
      <div className="outbox-item-line">
        <Tag color={STATUS_COLORS[row.status]} icon={row.status === 'sending' ? <SyncOutlined spin /> : undefined} data-testid="outbox-status">
          {t(`mail.outbox.status.${row.status}`)}
        </Tag>
        <span className="outbox-item-to cell" title={recipients.text}>
          {recipients.text}
          {recipients.more > 0 && <span className="muted"> {t('mail.outbox.moreRecipients', { count: recipients.more })}</span>}
        </span>
        <span className="muted outbox-item-when">{when}</span>
      </div>
      <div className="outbox-item-line">
        <strong className="cell" data-testid="outbox-subject">
          {row.subject || t('mail.list.noSubject')}
        </strong>
        {row.attachments.some((a) => !a.inline) && <PaperClipOutlined className="muted" title={t('mail.list.hasAttachments')} />}
        {row.customerId && (
          <a href={hrefFor({ page: 'customer', id: row.customerId })} className="outbox-item-customer">
            {t('mail.outbox.customer')}
          </a>
        )}
        <span className="muted" data-testid="outbox-attempts">
          {t('mail.outbox.attempts', { count: row.attempts })}
        </span>
      </div>
      {row.lastError && (
        <div className={`outbox-error${row.status === 'failed' ? '' : ' warning'}`} data-testid="outbox-error" data-reason={row.lastError.reason}>
          <div data-testid="outbox-error-message">{t(row.lastError.message)}</div>
          {row.lastError.recipients.length > 0 && <div>{t('mail.outbox.refused', { recipients: row.lastError.recipients.join(', ') })}</div>}
          {row.lastError.detail && (
            <Typography.Text type="secondary" className="outbox-error-detail" data-testid="outbox-error-detail">
              {t('mail.outbox.serverSaid')} <code>{row.lastError.detail}</code>
            </Typography.Text>
          )}
        </div>
      )}
      {(row.canRetry || row.canCancel) && (
        <Space className="outbox-item-actions">
          {row.canRetry && (
            <Tooltip title={row.status === 'failed' ? undefined : t('mail.outbox.sendNowHelp')}>
              <Button
                size="small"
                icon={<RedoOutlined />}
                loading={retry.isPending}
                onClick={() => retry.mutate({ id: row.id }, { onError: showError })}
                data-testid="outbox-retry"
              >
                {row.status === 'failed' ? t('mail.outbox.retry') : t('mail.outbox.sendNow')}
              </Button>
            </Tooltip>
          )}
          {row.canCancel && (
            <Button size="small" danger icon={<DeleteOutlined />} onClick={confirmCancel} data-testid="outbox-cancel">
              {t('mail.outbox.cancel')}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}
