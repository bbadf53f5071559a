import { ExportOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Dropdown, Result, Skeleton, Space, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { PARSE_WARNINGS, type ParseWarning } from '../../../../shared/domain/mail-message.ts';
import { toAppError, translateError } from '../../app/app-errors.ts';
import { useCall } from '../../app/useCall.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { addressFull, addressLabel } from './mail-format.ts';
import { mailHref } from './mail-route.ts';
import { MessageBody } from './MessageBody.tsx';
import { MessageCustomerPanel } from './MessageCustomerPanel.tsx';
import { MessageQuotes } from './MessageDeals.tsx';
import { MessageFlagActions } from './MessageFlagActions.tsx';
import { FollowUpButton } from '../tasks/FollowUpButton.tsx';
import { useAutoMarkRead, useSetFlags } from './useMessageFlags.ts';
import { useMessageKeys } from './useMessageKeys.ts';
import type { MailLink } from './sanitize-mail-html.ts';
import { useMailDocument } from './useMailDocument.ts';
import './mail.css';
import { PageTitle } from '../../ui/PageTitle.tsx';

type MessageDetail = CallOutput<'mail.getMessage'>;

interface Props {
  messageId: string;
  /** Buttons of the surrounding screen (reply…), shown in the header. */
  actions?: (message: MessageDetail) => ReactNode;
  /** Outside the Mail page (a customer's folder), a link to the message there. */
  showOpenInMail?: boolean;
  /** u (read / unread) and s (star) for this message; the Mail page's list has the keyboard. */
  shortcuts?: boolean;
}

/** One message: who, when, for which customer, its body shown safely, and its files. */
export function ReadingPane({ messageId, actions, showOpenInMail = false, shortcuts = false }: Props) {
  const { t } = useTranslation();
  const detail = useCall('mail.getMessage', { id: messageId });
  // "Show the whole message" holds for the message it was asked on; the next opens short again.
  const [wholeId, setWholeId] = useState<string | null>(null);
  const whole = wholeId === messageId;
  const doc = useMailDocument(detail.data, whole);
  const setFlags = useSetFlags();
  // Opening an unread message reads it after a moment; "Mark unread" keeps it unread.
  const autoRead = useAutoMarkRead(detail.data, setFlags);
  const current = detail.data;
  const toggleRead = () => {
    if (!current) return;
    autoRead.handled(current.id);
    setFlags([current.id], { seen: !current.seen });
  };
  const toggleStar = () => {
    if (current) setFlags([current.id], { flagged: !current.flagged });
  };
  useMessageKeys({ toggleRead, toggleStar }, shortcuts);

  if (detail.isLoading) {
    return (
      <div className="mail-reader-inner" data-testid="mail-reader-loading">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (!detail.data) {
    const error = detail.error ? toAppError(detail.error) : null;
    return <Result status="warning" title={error ? translateError(t, error) : t('errors.mailMessageNotFound')} data-testid="mail-reader-error" />;
  }
  const message = detail.data;
  return (
    <div className="mail-reader-inner" data-testid="mail-reader" data-message-id={message.id}>
      <MessageHeader
        message={message}
        links={doc.links}
        actions={
          <>
            <MessageFlagActions seen={message.seen} flagged={message.flagged} onToggleRead={toggleRead} onToggleStar={toggleStar} />
            <FollowUpButton messageId={message.id} subject={message.subject} />
            {actions?.(message)}
          </>
        }
        showOpenInMail={showOpenInMail}
      />
      <ParseWarningAlert message={message} />
      <AttachmentList attachments={message.attachments} />
      <MessageBody message={message} doc={doc} whole={whole} onShowWhole={() => setWholeId(message.id)} />
    </div>
  );
}

function MessageHeader({ message, links, actions, showOpenInMail }: { message: MessageDetail; links: MailLink[]; actions: ReactNode; showOpenInMail: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const recipients = (label: string, list: MessageDetail['to'], testId: string) =>
    list.length > 0 && (
      <div className="mail-header-line">
        <span className="label">{label}</span>
        <span data-testid={testId}>{list.map(addressFull).join(', ')}</span>
      </div>
    );
  return (
    <div className="mail-header">
      <div className="mail-header-title">
        <PageTitle level={4} data-testid="mail-reader-subject">
          {message.subject || t('mail.list.noSubject')}
        </PageTitle>
        <span style={{ flex: 1 }} />
        <Space wrap>
          {actions}
          <LinksMenu links={links} />
          {showOpenInMail && (
            <Button size="small" icon={<ExportOutlined />} href={mailHref({ folderId: message.folderId, messageId: message.id })} data-testid="mail-open-in-mail">
              {t('mail.reader.openInMail')}
            </Button>
          )}
        </Space>
      </div>
      <div className="mail-header-line">
        <span className="label">{t('mail.reader.from')}</span>
        <strong data-testid="mail-reader-from" title={message.from?.address}>
          {message.from ? addressFull(message.from) : t('mail.list.unknownSender')}
        </strong>
        <span style={{ flex: 1 }} />
        <span className="muted" title={time.dateTime(message.dateAt)}>
          {time.dateTime(message.dateAt)}
        </span>
      </div>
      {recipients(t('mail.reader.to'), message.to, 'mail-reader-to')}
      {recipients(t('mail.reader.cc'), message.cc, 'mail-reader-cc')}
      <MessageCustomerPanel customers={message.customers} />
      <MessageQuotes messageId={message.id} />
      {message.replyTo.length > 0 && message.replyTo.some((r) => r.address !== message.from?.address) && (
        <div className="mail-header-line muted">
          <span className="label">{t('mail.reader.replyTo')}</span>
          {message.replyTo.map(addressLabel).join(', ')}
        </div>
      )}
    </div>
  );
}

/** Links are inert in the frame; here they open in the system browser (the app's window-open rule). */
function LinksMenu({ links }: { links: MailLink[] }) {
  const { t } = useTranslation();
  const web = links.filter((l) => /^https?:/i.test(l.url));
  const unique = [...new Map(web.map((l) => [l.url, l])).values()];
  if (unique.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        style: { maxHeight: 360, overflow: 'auto', maxWidth: 520 },
        items: unique.slice(0, 100).map((l, i) => ({
          key: String(i),
          label: (
            <span className="mail-link-item">
              <span>{l.text || l.url}</span>
              <span className="muted">{l.url}</span>
            </span>
          ),
        })),
        onClick: ({ key }) => {
          const link = unique[Number(key)];
          if (link) window.open(link.url, '_blank', 'noopener,noreferrer');
        },
      }}
    >
      <Button size="small" icon={<LinkOutlined />} title={t('mail.reader.linksHelp')} data-testid="mail-links">
        {t('mail.reader.links', { count: unique.length })}
      </Button>
    </Dropdown>
  );
}

function isParseWarning(key: string): key is ParseWarning {
  return key in PARSE_WARNINGS;
}

/** What the parser repaired or could not read, in words; notices (a guessed charset that decoded cleanly) stay quiet. */
function ParseWarningAlert({ message }: { message: MessageDetail }) {
  const { t } = useTranslation();
  if (message.parseStatus === 'ok') return null;
  const shown = message.parseWarnings.filter((w) => !isParseWarning(w) || PARSE_WARNINGS[w] !== 'notice');
  return (
    <Alert
      type={message.parseStatus === 'failed' ? 'error' : 'warning'}
      showIcon
      className="mail-alert"
      data-testid="mail-parse-warning"
      title={message.parseStatus === 'failed' ? t('mail.reader.parseFailedTitle') : t('mail.reader.parseWarningTitle')}
      description={
        shown.length > 0 && (
          <ul className="mail-warning-list">
            {shown.map((w) => (
              <li key={w}>{isParseWarning(w) ? t(`mail.reader.warnings.${w}`) : w}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
