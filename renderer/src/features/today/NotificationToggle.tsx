import { BellOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/useCall.ts';
import { NOTIFICATIONS_ALLOWED_EVENT, notificationsSupported } from './useDesktopNotifications.ts';

/**
 * In a browser, notifications need the user's permission, asked from a click: this button asks
 * it. The Electron app needs none (its main process notifies), so the button is not there.
 */
export function NotificationToggle() {
  const { t } = useTranslation();
  const host = useCall('app.getInfo', {}, { staleTime: Infinity }).data?.host;
  const [permission, setPermission] = useState(() => (notificationsSupported() ? Notification.permission : 'denied'));
  if (host !== 'web' || !notificationsSupported() || permission === 'granted') return null;
  if (permission === 'denied') {
    return (
      <Tooltip title={t('today.notifications.blocked')}>
        <BellOutlined className="muted" data-testid="notifications-blocked" />
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('today.notifications.allowHint')}>
      <Button icon={<BellOutlined />} data-testid="notifications-allow" onClick={() =>
          void Notification.requestPermission().then((answer) => {
            setPermission(answer);
            if (answer === 'granted') window.dispatchEvent(new Event(NOTIFICATIONS_ALLOWED_EVENT));
          })
        }>
        {t('today.notifications.allow')}
      </Button>
    </Tooltip>
  );
}
