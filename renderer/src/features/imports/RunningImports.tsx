import { StopOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../ui/time-format.ts';
import { formatSize } from '../../ui/format-size.ts';
import { archiveName, etaText, progressPercent } from './import-format.ts';
import type { LiveImport } from './useImportProgress.ts';
import { useImportActions } from './useImportActions.tsx';

/** One running import: how far (bytes when the archive's size is known, else items), its counts, rate and time left. */
function RunningImport({ batch, onCancel }: { batch: LiveImport; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = new Intl.NumberFormat(language);
  const percent = progressPercent(batch);
  const size = (bytes: number) => formatSize(t, bytes, language);
  return (
    <div className="import-running" data-testid="import-running" data-id={batch.id}>
      <div className="import-running-head">
        <Typography.Text strong ellipsis={{ tooltip: batch.sourcePath }} className="import-running-name">
          {archiveName(batch.sourcePath)}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="import-running-amount">
          {batch.bytesTotal !== null ? t('imports.center.running.bytes', { done: size(batch.bytesDone), total: size(batch.bytesTotal) }) : t('imports.center.running.items', { count: batch.itemsDone })}
        </Typography.Text>
        <Button size="small" danger icon={<StopOutlined />} onClick={onCancel} data-testid="import-cancel">
          {t('imports.center.running.cancel')}
        </Button>
      </div>
      {/* Without a known size there is no fraction to draw: the bar runs, and the items read say how far. */}
      <Progress percent={percent ?? 100} status="active" showInfo={percent !== null} strokeColor={percent === null ? '#bfbfbf' : undefined} data-testid="import-progress" />
      <div className="import-running-facts">
        <Statistic title={t('imports.center.running.imported')} value={number.format(batch.imported)} data-testid="import-running-imported" />
        <Statistic title={t('imports.center.running.duplicates')} value={number.format(batch.duplicates)} data-testid="import-running-duplicates" />
        <Statistic title={t('imports.center.running.problems')} value={number.format(batch.problems)} data-testid="import-running-problems" />
        <div className="import-running-rate">
          {batch.ratePerSecond !== null && <div>{t('imports.center.running.rate', { rate: number.format(Math.round(batch.ratePerSecond)) })}</div>}
          <Typography.Text type="secondary" data-testid="import-running-eta">
            {etaText(t, batch.etaSeconds)}
          </Typography.Text>
        </div>
      </div>
    </div>
  );
}

/** The imports that run now, each with a Cancel (confirmed); nothing when none runs. */
export function RunningImports({ imports }: { imports: readonly LiveImport[] }) {
  const { t } = useTranslation();
  const actions = useImportActions();
  const running = imports.filter((b) => b.status === 'running');
  if (running.length === 0) return null;
  return (
    <Card size="small" title={t('imports.center.running.title')} data-testid="imports-running">
      {running.map((batch) => (
        <RunningImport key={batch.id} batch={batch} onCancel={() => actions.confirmCancel(batch)} />
      ))}
    </Card>
  );
}
