import { FileSearchOutlined, PlayCircleOutlined, ReloadOutlined, StopOutlined, TeamOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Progress, Result, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { navigate } from '../../app/router.ts';
import { useLanguage } from '../../ui/time-format.ts';
import { archiveName, canResume, canUndo } from './import-format.ts';
import { useImportActions } from './useImportActions.tsx';
import type { ContactImportFlow } from './useContactImport.ts';

/**
 * While the batch runs: how many rows are done (a sheet's row count is not known before it is
 * read to its end, so the bar runs without a fraction), and Stop — what is done stays, and
 * Resume in the history continues.
 */
export function ContactImportApplying({ flow }: { flow: ContactImportFlow }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const name = archiveName(flow.choice?.path ?? '');
  return (
    <div className="contact-import-step" data-testid="contact-applying">
      <Typography.Text strong>{t('contactImport.center.applying.title', { name })}</Typography.Text>
      <Progress percent={100} status="active" showInfo={false} strokeColor="#bfbfbf" />
      <div className="import-form-actions">
        <Typography.Text type="secondary" data-testid="contact-applying-rows">
          {t('contactImport.center.applying.rows', { count: flow.progress?.itemsDone ?? 0 })}
        </Typography.Text>
        <Button size="small" danger icon={<StopOutlined />} disabled={!flow.progress} onClick={() => void flow.stop().catch(showError)} data-testid="contact-applying-stop">
          {t('contactImport.center.applying.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** The outcome of the batch: its counts, its problems (the report), Undo, and the way on. */
export function ContactImportDone({ batch, onReport, onRestart }: { batch: ImportBatch; onReport(): void; onRestart(): void }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(useLanguage());
  const actions = useImportActions();
  const counts = batch.contacts ?? { customersCreated: 0, contactsCreated: 0, rowsMerged: 0, rowsSkipped: 0 };
  const name = archiveName(batch.sourcePath);
  const stat = (key: string, value: number, testId: string) => <Statistic title={t(`contactImport.center.done.${key}`)} value={number.format(value)} data-testid={testId} />;
  return (
    <div className="contact-import-step" data-testid="contact-done" data-status={batch.status} data-id={batch.id}>
      <Result
        status={batch.status === 'done' ? 'success' : 'warning'}
        title={t(batch.status === 'done' ? 'contactImport.center.done.title' : 'contactImport.center.done.titleStopped', { name })}
        subTitle={batch.sourcePath}
        extra={
          <Space wrap>
            <Button icon={<FileSearchOutlined />} onClick={onReport} data-testid="contact-done-report">
              {t('contactImport.center.done.report')}
            </Button>
            <Button icon={<TeamOutlined />} onClick={() => navigate({ page: 'customers' })} data-testid="contact-done-customers">
              {t('contactImport.center.done.customers')}
            </Button>
            {canResume(batch) && (
              <Button icon={<PlayCircleOutlined />} loading={actions.resuming === batch.id} onClick={() => void actions.resumeImport(batch)} data-testid="contact-done-resume">
                {t('imports.center.history.resume')}
              </Button>
            )}
            {canUndo(batch) && (
              <Button danger icon={<UndoOutlined />} onClick={() => actions.confirmUndo(batch)} data-testid="contact-done-undo">
                {t('contactImport.center.done.undo')}
              </Button>
            )}
            <Button type="primary" icon={<ReloadOutlined />} onClick={onRestart} data-testid="contact-done-another">
              {t('contactImport.center.done.another')}
            </Button>
          </Space>
        }
      >
        <div className="contact-import-counts">
          {stat('customersCreated', counts.customersCreated, 'contact-done-customers-created')}
          {stat('contactsCreated', counts.contactsCreated, 'contact-done-contacts-created')}
          {stat('rowsMerged', counts.rowsMerged, 'contact-done-merged')}
          {stat('rowsSkipped', counts.rowsSkipped, 'contact-done-skipped')}
          {stat('problems', batch.problems, 'contact-done-problems')}
        </div>
      </Result>
    </div>
  );
}
