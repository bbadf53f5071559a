import {
  DeleteOutlined,
  EditOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  PlusOutlined,
  SendOutlined,
  StarFilled,
  UserOutlined,
  WechatOutlined,
  WhatsAppOutlined,
} from '@ant-design/icons';
import { Button, Card, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/contract/customers.contract.ts';
import type { ChannelKind } from '../../../../shared/domain/customer-enums.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFeedback } from '../../app/feedback.ts';

const CHANNEL_ICONS: Record<ChannelKind, ReactNode> = {
  email: <MailOutlined />,
  phone: <PhoneOutlined />,
  whatsapp: <WhatsAppOutlined />,
  wechat: <WechatOutlined />,
  skype: <MessageOutlined />,
  other: <UserOutlined />,
};

function channelHref(kind: ChannelKind, value: string): string | null {
  if (kind === 'email') return `mailto:${value}`;
  if (kind === 'phone') return `tel:${value.replace(/[^\d+]/g, '')}`;
  return null;
}

interface Props {
  contacts: Contact[];
  onAdd(): void;
  onEdit(contact: Contact): void;
  /** A new mail to this contact (shown for contacts with an email address). */
  onWrite?(contact: Contact): void;
}

export function ContactsTab({ contacts, onAdd, onEdit, onWrite }: Props) {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const showError = useShowError();
  const remove = useMutationCall('contacts.remove');

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="add-contact">
      {t('contacts.add')}
    </Button>
  );
  if (contacts.length === 0) return <EmptyState testId="contacts-empty" title={t('contacts.empty')} action={addButton} />;

  const confirmRemove = (contact: Contact) =>
    modal.confirm({
      title: t('contacts.removeTitle', { name: contact.name }),
      content: t('contacts.removeBody'),
      okText: t('common.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync({ id: contact.id }).catch(showError),
    });

  return (
    <div>
      <div style={{ marginBottom: 16 }}>{addButton}</div>
      <div className="contact-cards" data-testid="contact-list">
        {contacts.map((c) => (
          <Card
            key={c.id}
            size="small"
            data-testid="contact-card"
            title={
              <span>
                {c.isPrimary && (
                  <Tooltip title={t('contacts.fields.isPrimary')}>
                    <StarFilled style={{ color: '#faad14', marginRight: 6 }} />
                  </Tooltip>
                )}
                {c.name}
                {c.title && <span className="muted"> · {c.title}</span>}
              </span>
            }
            extra={
              <>
                {onWrite && c.channels.some((ch) => ch.kind === 'email') && (
                  <Button size="small" icon={<SendOutlined />} onClick={() => onWrite(c)} data-testid="contact-write-mail">
                    {t('mail.composer.writeMail')}
                  </Button>
                )}
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => onEdit(c)} data-testid="contact-edit" />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => confirmRemove(c)} />
              </>
            }
          >
            {c.channels.length === 0 && <span className="muted">{t('contacts.noChannels')}</span>}
            {c.channels.map((ch, i) => {
              const href = channelHref(ch.kind, ch.value);
              return (
                <div key={i} data-testid="contact-channel-value">
                  <Tooltip title={t(`channels.${ch.kind}`)}>{CHANNEL_ICONS[ch.kind]}</Tooltip>{' '}
                  {href ? <a href={href}>{ch.value}</a> : <Typography.Text copyable>{ch.value}</Typography.Text>}
                  {ch.label && <Tag style={{ marginLeft: 6 }}>{ch.label}</Tag>}
                </div>
              );
            })}
            {c.notes && <div className="muted timeline-body">{c.notes}</div>}
          </Card>
        ))}
      </div>
    </div>
  );
}
