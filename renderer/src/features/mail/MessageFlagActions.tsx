import { EyeInvisibleOutlined, EyeOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  seen: boolean;
  flagged: boolean;
  onToggleRead(): void;
  onToggleStar(): void;
}

/** "Mark unread" / "Mark read" and the star, in a message's header. */
export function MessageFlagActions({ seen, flagged, onToggleRead, onToggleStar }: Props) {
  const { t } = useTranslation();
  const readLabel = seen ? t('mail.reader.markUnread') : t('mail.reader.markRead');
  const starLabel = flagged ? t('mail.reader.unstar') : t('mail.reader.star');
  return (
    <>
      <Tooltip title={`${readLabel} (u)`}>
        <Button size="small" icon={seen ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={onToggleRead} data-testid="mail-toggle-read" data-seen={seen}>
          {readLabel}
        </Button>
      </Tooltip>
      <Tooltip title={`${starLabel} (s)`}>
        <Button
          size="small"
          type="text"
          icon={flagged ? <StarFilled className="mail-star on" /> : <StarOutlined className="mail-star" />}
          aria-label={starLabel}
          aria-pressed={flagged}
          onClick={onToggleStar}
          data-testid="mail-toggle-star"
        />
      </Tooltip>
    </>
  );
}
