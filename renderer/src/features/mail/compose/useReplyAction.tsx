import { ArrowRightOutlined, DownOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../../shared/contract/contract.ts';
import type { ComposeKind } from '../../../../../shared/domain/mail-enums.ts';
import { useComposer } from './useComposer.tsx';

type MessageDetail = CallOutput<'mail.getMessage'>;
type ReplyKind = Exclude<ComposeKind, 'new'>;

export interface ReplyAction {
  open(messageId: string, kind: ReplyKind): void;
  /** Reply (with reply all and forward beside it) for a reading pane's header. */
  buttons(message: MessageDetail): ReactNode;
  /** The compose drawer while one is open; render it once in the screen. */
  drawer: ReactNode;
}

/** Reply, reply all and forward for any screen that shows a message. */
export function useReplyAction(): ReplyAction {
  const { t } = useTranslation();
  const composer = useComposer();
  const open = (messageId: string, kind: ReplyKind) => composer.open({ kind, messageId });
  return {
    open,
    buttons: (message) => (
      <Space.Compact size="small">
        <Button icon={<RollbackOutlined />} onClick={() => open(message.id, 'reply')} data-testid="mail-reply">
          {t('mail.composer.title.reply')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'replyAll', icon: <RollbackOutlined />, label: <span data-testid="mail-reply-all">{t('mail.composer.title.replyAll')}</span> },
              { key: 'forward', icon: <ArrowRightOutlined />, label: <span data-testid="mail-forward">{t('mail.composer.title.forward')}</span> },
            ],
            onClick: ({ key }) => open(message.id, key as ReplyKind),
          }}
        >
          <Button icon={<DownOutlined />} aria-label={t('mail.composer.more')} data-testid="mail-reply-more" />
        </Dropdown>
      </Space.Compact>
    ),
    drawer: composer.element,
  };
}
