import { Alert, Card, Progress, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../../shared/contract/exports.contract.ts';
import { onEvent } from '../../api/client.ts';
import { useFeedback } from '../../app/feedback.ts';
import { ExportCustomersForm, ExportEverythingForm, ExportMailForm } from './ExportForms.tsx';
import { withoutExport, withProgress, type ExportProgress, type RunningExports } from './export-progress.ts';


/** The latest progress of a running export; cleared when it ends. */
function ExportProgressLine({ progress }: { progress: ExportProgress }) {
  const { t } = useTranslation();
  const percent = progress.total ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return (
    <div data-testid="export-progress">
      <Typography.Text>{t(`exports.center.progress.${progress.phase}`, { done: progress.done, total: progress.total ?? '?' })}</Typography.Text>
      <Progress percent={percent} size="small" />
    </div>
  );
}

/** What the last export wrote, where. */
function ExportDone({ result }: { result: ExportResult }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      data-testid="export-done"
      title={t(`exports.center.done.${result.kind}`, { ...result, path: result.path })}
      description={result.rebuiltMessages > 0 ? t('exports.center.done.rebuilt', { count: result.rebuiltMessages }) : undefined}
    />
  );
}

/** The Import center's Export tab: customers and contacts, mail, everything. */
export function ExportTab() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  // One line per running export, by its path: an export that ends clears its own line, not another's.
  const [progress, setProgress] = useState<RunningExports>(new Map());
  const [result, setResult] = useState<ExportResult | null>(null);
  useEffect(() => onEvent('exports.progress', (p) => setProgress((running) => withProgress(running, p))), []);
  const onSettled = useCallback((target: string) => setProgress((running) => withoutExport(running, target)), []);
  const onDone = useCallback(
    (r: ExportResult) => {
      setResult(r);
      void message.success(t(`exports.center.done.${r.kind}`, { ...r, path: r.path }));
    },
    [message, t],
  );
  return (
    <div className="import-center-tab" data-testid="export-tab">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('exports.center.intro')}
      </Typography.Paragraph>
      {[...progress].map(([key, p]) => (
        <ExportProgressLine key={key} progress={p} />
      ))}
      {result && <ExportDone result={result} />}
      <Card size="small" title={t('exports.center.customers.title')}>
        <ExportCustomersForm onDone={onDone} onSettled={onSettled} />
      </Card>
      <Card size="small" title={t('exports.center.mail.title')}>
        <ExportMailForm onDone={onDone} onSettled={onSettled} />
      </Card>
      <Card size="small" title={t('exports.center.everything.title')}>
        <ExportEverythingForm onDone={onDone} onSettled={onSettled} />
      </Card>
    </div>
  );
}
