import { Alert, Button, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { archiveName, importText } from './import-format.ts';

type Problem = CallOutput<'imports.problems'>['rows'][number];

const PAGE_SIZE = 20;

/**
 * The report of one import: its counts, why it stopped (when it failed), and every item it
 * skipped — named (file, message number and byte offset) and with the reason, in the user's
 * language — a page at a time, since a damaged archive can skip thousands.
 */
export function ImportReportDialog({ batch, onClose }: { batch: ImportBatch; onClose(): void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const problems = useCall('imports.problems', { id: batch.id, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { placeholderData: (previous) => previous });
  const total = problems.data?.total ?? 0;

  const columns: TableColumnsType<Problem> = [
    { key: 'record', title: t('imports.center.report.columns.record'), width: '34%', render: (_, p) => <span data-testid="import-problem-record">{importText(t, p.label)}</span> },
    // A sheet's rows are in no folder: the record names the sheet and the row.
    ...(batch.kind === 'mail' ? [{ key: 'folder', title: t('imports.center.report.columns.folder'), width: '16%', render: (_: unknown, p: Problem) => p.folder.join(' / ') }] : []),
    { key: 'reason', title: t('imports.center.report.columns.reason'), render: (_, p) => <span data-testid="import-problem-reason">{importText(t, p.reason)}</span> },
  ];

  return (
    <Modal
      open
      width={900}
      title={t('imports.center.report.title', { name: archiveName(batch.sourcePath) })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="import-report-close">
          {t('imports.center.report.close')}
        </Button>
      }
    >
      <div data-testid="import-report">
      <Typography.Paragraph data-testid="import-report-summary">
        <Typography.Text type="secondary" copyable={{ text: batch.sourcePath }}>
          {batch.sourcePath}
        </Typography.Text>
        <br />
        {batch.contacts
          ? t('contactImport.center.reportSummary', { customers: batch.contacts.customersCreated, contacts: batch.contacts.contactsCreated, merged: batch.contacts.rowsMerged, skipped: batch.contacts.rowsSkipped, problems: batch.problems })
          : t('imports.center.report.summary', { imported: batch.imported, duplicates: batch.duplicates, problems: batch.problems })}
      </Typography.Paragraph>
      {batch.error && <Alert type="error" showIcon title={t('imports.center.report.stopped')} description={importText(t, batch.error)} style={{ marginBottom: 12 }} data-testid="import-report-error" />}
      <Table<Problem>
        rowKey="seq"
        size="small"
        // A spinner for a page being fetched, not for each refresh while the import still runs.
        loading={problems.isLoading || problems.isPlaceholderData}
        columns={columns}
        dataSource={problems.data?.rows ?? []}
        onRow={() => ({ className: 'import-problem', 'data-testid': 'import-problem' })}
        pagination={
          total > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: setPage, showTotal: (count) => t('imports.center.report.skipped', { count }) }
            : false
        }
        locale={{ emptyText: problems.isLoading ? ' ' : <EmptyState title={t('imports.center.report.empty')} testId="import-report-empty" /> }}
      />
      </div>
    </Modal>
  );
}
