import { LinkOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { courierTrackingUrl } from '../../../../shared/domain/courier-tracking.ts';
import type { Courier, SampleShipmentStatus } from '../../../../shared/domain/quote-terms.ts';

const STATUS_COLORS: Record<SampleShipmentStatus, string> = { preparing: 'default', sent: 'blue', delivered: 'orange', feedback: 'green' };

export function SampleStatusTag({ status }: { status: SampleShipmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="sample-status" data-status={status}>
      {t(`samples.status.${status}`)}
    </Tag>
  );
}

/** The courier as the user knows it: its name, or the name typed for 'other'. */
export function useCourierLabel(): (courier: Courier, courierName: string | null) => string {
  const { t } = useTranslation();
  return (courier, courierName) => (courier === 'other' && courierName ? courierName : t(`samples.couriers.${courier}`));
}

/**
 * The tracking number, linked to the courier's tracking page. A target="_blank" link is what the
 * desktop app's window handler opens in the system browser (electron/main/window-security.ts).
 */
export function TrackingLink({ courier, trackingNumber }: { courier: Courier; trackingNumber: string | null }) {
  const { t } = useTranslation();
  if (!trackingNumber) return null;
  const url = courierTrackingUrl(courier, trackingNumber);
  if (!url) return <span data-testid="sample-tracking">{trackingNumber}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" title={t('samples.drawer.track')} data-testid="sample-tracking" onClick={(e) => e.stopPropagation()}>
      {trackingNumber} <LinkOutlined />
    </a>
  );
}
