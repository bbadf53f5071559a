import { DisconnectOutlined } from '@ant-design/icons';
import { Button, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { MessageDrawer } from '../mail/MessageDrawer.tsx';
import { addressLabel } from '../mail/mail-format.ts';

/**
 * The mail about a quote and its revisions: mail naming its number or PI number (linked as it
 * arrives) and mail linked by hand; a click reads it, and a wrong link can be removed.
 */
export function QuoteMailPanel({ quoteId }: { quoteId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const showError = useShowError();
  const mail = useCall('quotes.mail', { quoteId });
  const unlink = useMutationCall('quotes.unlinkMessage');
  const [open, setOpen] = useState<string | null>(null);
  const rows = mail.data?.rows ?? [];
  if (!mail.isLoading && rows.length === 0) return <EmptyState testId="quote-mail-empty" title={t('quoteMail.panel.empty')} />;
  return (
    <>
      <List
        size="small"
        loading={mail.isLoading}
        dataSource={rows}
        data-testid="quote-mail-list"
        renderItem={(m) => (
          <List.Item
            data-testid="quote-mail-row"
            actions={[
              <Popconfirm
                key="unlink"
                title={t('quoteMail.panel.unlinkTitle')}
                okText={t('quoteMail.panel.unlink')}
                cancelText={t('common.cancel')}
                onConfirm={() => unlink.mutateAsync({ quoteId, messageId: m.id }).catch(showError)}
              >
                <Button size="small" type="text" icon={<DisconnectOutlined />} aria-label={t('quoteMail.panel.unlink')} data-testid="quote-mail-unlink" />
              </Popconfirm>,
            ]}
          >
            <div role="link" tabIndex={0} style={{ cursor: 'pointer', minWidth: 0 }} onClick={() => setOpen(m.id)} onKeyDown={(e) => e.key === 'Enter' && setOpen(m.id)}>
              <Typography.Text strong={!m.seen}>{m.subject || t('mail.list.noSubject')}</Typography.Text>{' '}
              <span className="muted">
                {addressLabel(m.from)} · {time.date(m.dateAt)}
              </span>{' '}
              <Tag>{m.quoteNumber}</Tag>
              {m.linkedBy === 'user' && <Tag color="blue">{t('quoteMail.panel.byHand')}</Tag>}
            </div>
          </List.Item>
        )}
      />
      {open && <MessageDrawer messageId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
