import { Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { useSuggestionDecision } from './useSuggestionDecision.ts';

const PAGE = 200;

/** The drawer listing every pending stage suggestion (opened from the customer list's button). */
export function StageSuggestionsDrawer({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const page = useCall('scores.suggestions', { limit: PAGE });
  const { decide, pending } = useSuggestionDecision();
  const total = page.data?.total ?? 0;
  const setOpen = (open: boolean) => {
    if (!open) onClose();
  };
  return (
    <>
      <Drawer open onClose={onClose} title={t('scores.suggestions.open', { count: total })} size="large" destroyOnHidden>
        {total === 0 ? (
          <Empty description={t('scores.suggestions.empty')} />
        ) : (
          <List
            data-testid="stage-suggestions"
            dataSource={page.data?.rows ?? []}
            renderItem={(s) => (
              <List.Item
                key={s.id}
                data-testid="stage-suggestion-row"
                actions={[
                  <Button key="confirm" size="small" type="primary" disabled={pending} onClick={() => decide(s, 'confirm')}>
                    {t('scores.suggestions.confirm')}
                  </Button>,
                  <Button key="dismiss" size="small" disabled={pending} onClick={() => decide(s, 'dismiss')}>
                    {t('scores.suggestions.dismiss')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <a href={hrefFor({ page: 'customer', id: s.customerId })} onClick={() => setOpen(false)}>
                        {s.customerCode} · {s.customerName}
                      </a>
                      <span>{t('scores.suggestions.move', { from: t(`stages.${s.fromStage}`), to: t(`stages.${s.toStage}`) })}</span>
                    </Space>
                  }
                  description={
                    <Typography.Text type="secondary">
                      {t(`scores.suggestions.reasons.${s.reason}`)} · {time.date(s.createdAt)}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
