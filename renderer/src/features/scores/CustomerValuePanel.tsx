import { Alert, Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { MAX_F, MAX_M, MAX_R } from '../../../../shared/domain/value-score.ts';
import { useCall } from '../../app/useCall.ts';
import { ListScoreTag } from '../../ui/ListScoreTag.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { useSuggestionDecision } from './useSuggestionDecision.ts';

/**
 * The customer folder's value score: the 0–100 score beside the manual grade, its R, F and M with
 * what they come from, and the pending stage suggestions to confirm or dismiss.
 */
export function CustomerValuePanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const score = useCall('scores.get', { customerId });
  const { decide, pending } = useSuggestionDecision();
  if (!score.data) return null;
  const s = score.data;
  const part = (key: 'recency' | 'frequency' | 'monetary', value: number, max: number) => (
    <span data-testid={`score-part-${key}`}>
      {t(`scores.parts.${key}`)} {t('scores.partOf', { value, max })}
    </span>
  );
  return (
    <div className="customer-value" data-testid="customer-value">
      <Space wrap size="middle">
        <Tooltip title={t('scores.explain')}>
          <Typography.Text strong>{t('scores.title')}</Typography.Text>
        </Tooltip>
        <ListScoreTag score={s.score} />
        {part('recency', s.r, MAX_R)}
        {part('frequency', s.f, MAX_F)}
        {part('monetary', s.m, MAX_M)}
        <Typography.Text type="secondary">
          {s.recencyAt === null ? t('scores.neverActive') : t('scores.lastActivity', { when: time.date(s.recencyAt) })}
          {' · '}
          {t('scores.orders', { count: s.orders })}
          {' · '}
          {s.money.length === 0
            ? t('scores.noOrders')
            : s.money.map((m) => t('scores.quartile', { amount: formatMoneyE4(m.totalE4), currency: m.currency, quartile: m.quartile })).join(' · ')}
        </Typography.Text>
      </Space>
      {s.suggestions.map((sug) => (
        <Alert
          key={sug.id}
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="stage-suggestion"
          message={`${t('scores.suggestions.title')}: ${t('scores.suggestions.move', { from: t(`stages.${sug.fromStage}`), to: t(`stages.${sug.toStage}`) })}`}
          description={t(`scores.suggestions.reasons.${sug.reason}`)}
          action={
            <Space>
              <Button size="small" type="primary" disabled={pending} onClick={() => decide(sug, 'confirm')} data-testid="suggestion-confirm">
                {t('scores.suggestions.confirm')}
              </Button>
              <Button size="small" disabled={pending} onClick={() => decide(sug, 'dismiss')} data-testid="suggestion-dismiss">
                {t('scores.suggestions.dismiss')}
              </Button>
            </Space>
          }
        />
      ))}
    </div>
  );
}
