import { Card, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall } from '../../app/useCall.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ExportTab } from './ExportTab.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportReportDialog } from './ImportReportDialog.tsx';
import { archiveName } from './import-format.ts';
import { ContactImportTab } from './ContactImportTab.tsx';
import { MailImportForm } from './MailImportForm.tsx';
import { RunningImports } from './RunningImports.tsx';
import { useImportProgress, type ImportProgress } from './useImportProgress.ts';
import './imports.css';

/** Mail archives: the form, what runs now, and the history with each import's report. */
function MailArchivesTab() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const list = useCall('imports.list', {});
  const [report, setReport] = useState<ImportBatch | null>(null);
  const onFinished = useCallback(
    (batch: ImportProgress) => {
      // A contact sheet's outcome is shown in its own tab, in its own words.
      if (batch.status !== 'done' || batch.kind !== 'mail') return;
      void message.success(
        t('imports.center.running.finished', { name: archiveName(batch.sourcePath), imported: batch.imported, duplicates: batch.duplicates, problems: batch.problems }),
      );
    },
    [message, t],
  );
  const imports = useImportProgress(list.data, onFinished);

  return (
    <div className="import-center-tab">
      <Card size="small" title={t('imports.center.form.title')}>
        <MailImportForm />
      </Card>
      <RunningImports imports={imports} />
      <Card size="small" title={t('imports.center.history.title')} data-testid="imports-history">
        <ImportHistory imports={imports} loading={list.isLoading} onReport={setReport} />
      </Card>
      {/* The report shows the batch as it is now, so a report opened mid-import keeps counting. */}
      {report && <ImportReportDialog batch={imports.find((b) => b.id === report.id) ?? report} onClose={() => setReport(null)} />}
    </div>
  );
}

/** The Import center: mail archives, and contact sheets (ContactImportTab). */
export function ImportCenterPage() {
  const { t } = useTranslation();
  return (
    <div className="page import-center-page" data-testid="import-center">
      <PageTitle>{t('imports.center.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('imports.center.intro')}
      </Typography.Paragraph>
      <Tabs
        defaultActiveKey="mail"
        items={[
          { key: 'mail', label: <span data-testid="import-tab-mail">{t('imports.center.tabs.mail')}</span>, children: <MailArchivesTab /> },
          { key: 'contacts', label: <span data-testid="import-tab-contacts">{t('contactImport.center.tab')}</span>, children: <ContactImportTab /> },
          { key: 'export', label: <span data-testid="import-tab-export">{t('exports.center.tab')}</span>, children: <ExportTab /> },
        ]}
      />
    </div>
  );
}
