import { CloudUploadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mailViewHref, type MailView } from './mail-route.ts';
import { outboxAttention } from './outbox/outbox-format.ts';
import { useOutboxCounts } from './outbox/useOutboxCounts.ts';

/** "Outbox" (with what still waits or failed) and "Templates", above the accounts' folders. */
export function MailViewLinks({ view }: { view: MailView | null }) {
  const { t } = useTranslation();
  const counts = useOutboxCounts();
  const attention = outboxAttention(counts);
  const failed = counts?.failed ?? 0;
  const link = (target: MailView, icon: ReactNode, label: string, badge?: ReactNode) => (
    <button
      type="button"
      className={`mail-folder${view === target ? ' selected' : ''}`}
      // replace: moving between panels should not fill the back button.
      onClick={() => window.location.replace(mailViewHref(target))}
      aria-current={view === target ? 'true' : undefined}
      data-testid={`mail-view-${target}`}
    >
      <span className="mail-folder-icon">{icon}</span>
      <span className="mail-folder-name cell">{label}</span>
      {badge}
    </button>
  );
  return (
    <nav className="mail-view-links">
      {link(
        'outbox',
        <CloudUploadOutlined />,
        t('mail.outbox.title'),
        attention > 0 && (
          <Badge
            count={attention}
            overflowCount={999}
            size="small"
            color={failed > 0 ? '#cf1322' : '#1d6fb8'}
            title={failed > 0 ? t('mail.outbox.badgeFailed', { count: failed }) : t('mail.outbox.badgeWaiting', { count: attention })}
            data-testid="mail-outbox-badge"
          />
        ),
      )}
      {link('templates', <FileTextOutlined />, t('mail.templates.title'))}
    </nav>
  );
}
