import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { isFreeMailDomain } from '../../../../shared/domain/free-mail-domains.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { senderDomain } from './mail-format.ts';
import type { MailDocument } from './useMailDocument.ts';
import { PlainMailText, plainTextTruncated } from './PlainMailText.tsx';
import { ShowWholeMessage } from './ShowWholeMessage.tsx';
import { useFeedback } from '../../app/feedback.ts';

type MessageDetail = CallOutput<'mail.getMessage'>;

interface Props {
  message: MessageDetail;
  doc: MailDocument;
  /** Whether the whole of a huge body is asked for; the first view holds its beginning. */
  whole: boolean;
  onShowWhole: () => void;
}

/**
 * The body of a message: HTML in a sandboxed frame (see mail-frame.ts for why it cannot run or
 * fetch anything), or the plain text as it was written (line breaks kept, nothing linkified).
 * Of a huge body only the beginning is laid out until the whole is asked for (mail-body-limits.ts).
 */
export function MessageBody({ message, doc, whole, onShowWhole }: Props) {
  const { t } = useTranslation();
  if (doc.srcdoc !== null) {
    return (
      <>
        {doc.blockedRemote > 0 && <RemoteContentBanner message={message} count={doc.blockedRemote} />}
        {message.remoteContent !== null && doc.remoteImages > 0 && (
          <Typography.Text type="secondary" className="mail-remote-allowed" data-testid={`remote-allowed-${message.remoteContent}`}>
            {t(message.remoteContent === 'sender' ? 'mail.reader.remoteAllowedSender' : 'mail.reader.remoteAllowedMessage')}
          </Typography.Text>
        )}
        {doc.loadingRemote && (
          <Space className="muted" data-testid="remote-loading">
            <Spin size="small" /> {t('mail.reader.remoteLoading')}
          </Space>
        )}
        {doc.failedRemote > 0 && (
          <Typography.Text type="secondary" data-testid="remote-failed">
            {t('mail.reader.remoteFailed', { count: doc.failedRemote })}
            {/* The service's reasons (mail.remote.*): "points into your own network" is worth knowing. */}
            {doc.remoteErrors.map((key) => ` ${t(key)}`).join('')}
          </Typography.Text>
        )}
        {/* sandbox="" : no scripts, no same origin, no forms, no popups, no top navigation. */}
        <iframe className="mail-frame" sandbox="" srcDoc={doc.srcdoc} title={message.subject ?? t('mail.list.noSubject')} referrerPolicy="no-referrer" data-testid="mail-frame" />
        {doc.truncated && <ShowWholeMessage onShow={onShowWhole} />}
      </>
    );
  }
  if (message.text) {
    return (
      <>
        <PlainMailText text={message.text} whole={whole} />
        {!whole && plainTextTruncated(message.text) && <ShowWholeMessage onShow={onShowWhole} />}
      </>
    );
  }
  return (
    <Typography.Text type="secondary" data-testid="mail-no-body">
      {t('mail.reader.noBody')}
    </Typography.Text>
  );
}

/**
 * "Remote content blocked". A sender verified by the user's mail server can be allowed for all
 * its mail (its address, or everyone at a company domain); any other sender only for this one
 * message, since anyone can write that From address.
 */
function RemoteContentBanner({ message: mail, count }: { message: MessageDetail; count: number }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showError = useShowError();
  const allow = useMutationCall('mail.allowRemoteContent');
  const sender = mail.from?.address ?? null;
  const verified = sender !== null && mail.senderAuth === 'pass';
  const domain = sender ? senderDomain(sender) : null;
  const companyDomain = verified && domain && !isFreeMailDomain(domain.slice(1)) ? domain : null;

  async function allowFor(scope: 'sender' | 'domain' | 'message'): Promise<void> {
    try {
      const done = await allow.mutateAsync({ messageId: mail.id, scope });
      void message.success(done.sender ? t('mail.reader.allowed', { sender: done.sender }) : t('mail.reader.allowedMessage'));
    } catch (err) {
      showError(err);
    }
  }

  return (
    <Alert
      type="info"
      showIcon
      className="mail-alert"
      data-testid="remote-blocked"
      title={
        <>
          <span title={t('mail.reader.remoteBlockedWhy')}>{t('mail.reader.remoteBlocked', { count })}</span>
          <Space size={4} wrap className="mail-alert-actions">
            {verified ? (
              <>
                <Button size="small" type="primary" loading={allow.isPending} onClick={() => void allowFor('sender')} data-testid="remote-allow-sender">
                  {t('mail.reader.allowSender')}
                </Button>
                {companyDomain && (
                  <Button size="small" type="link" onClick={() => void allowFor('domain')} data-testid="remote-allow-domain">
                    {t('mail.reader.allowDomain', { domain: companyDomain.slice(1) })}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => void allowFor('message')} data-testid="remote-allow-message">
                  {t('mail.reader.allowMessage')}
                </Button>
              </>
            ) : (
              <Button
                size="small"
                type="primary"
                loading={allow.isPending}
                onClick={() => void allowFor('message')}
                title={t('mail.reader.remoteUnverifiedWhy', { sender: sender ?? '' })}
                data-testid="remote-allow-message"
              >
                {t('mail.reader.allowMessage')}
              </Button>
            )}
          </Space>
        </>
      }
    />
  );
}
