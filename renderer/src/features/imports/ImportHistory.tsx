import { FileSearchOutlined, PlayCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useLanguage, useTimeFormat } from '../../ui/time-format.ts';
import { archiveName, canResume, canUndo } from './import-format.ts';
import type { LiveImport } from './useImportProgress.ts';
import { useImportActions } from './useImportActions.tsx';

const STATUS_COLORS: Record<ImportBatch['status'], string> = {
  running: 'processing',
  interrupted: 'warning',
  cancelled: 'default',
  done: 'success',
  failed: 'error',
  undone: 'default',
};

const SOURCE_KINDS = new Set(['mbox', 'maildir', 'eml', 'msg', 'pst', 'folder', 'xlsx', 'csv', 'vcard']);

/** The history table's columns; the actions confirm what they do (useImportActions). */
function useHistoryColumns(onReport: (batch: ImportBatch) => void): TableColumnsType<LiveImport> {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = useTimeFormat();
  const number = new Intl.NumberFormat(language);
  const owners = useCall('owners.list', {});
  const ownerName = new Map((owners.data ?? []).map((o) => [o.id, o.name]));
  const actions = useImportActions();

  return [
    {
      key: 'source',
      title: t('imports.center.history.columns.source'),
      // The other columns have widths of their own; without one the name is squeezed a character a line.
      minWidth: 160,
      ellipsis: true,
      render: (_, b) => (
        <Tooltip title={b.sourcePath}>
          <span data-testid="import-row-source">{archiveName(b.sourcePath)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'kind',
      title: t('imports.center.history.columns.kind'),
      width: 110,
      render: (_, b) => t(`imports.center.history.kind.${SOURCE_KINDS.has(b.sourceKind) ? b.sourceKind : 'unknown'}`),
    },
    {
      key: 'owner',
      title: t('imports.center.history.columns.owner'),
      width: 140,
      ellipsis: true,
      render: (_, b) => (b.ownerId && ownerName.get(b.ownerId)) || <span className="muted">{t('imports.center.history.noOwner')}</span>,
    },
    {
      key: 'status',
      title: t('imports.center.history.columns.status'),
      width: 100,
      render: (_, b) => (
        <Tag color={STATUS_COLORS[b.status]} data-testid="import-row-status" data-status={b.status}>
          {t(`imports.center.history.status.${b.status}`)}
        </Tag>
      ),
    },
    {
      key: 'counts',
      title: t('imports.center.history.columns.counts'),
      width: 190,
      render: (_, b) => (
        // A contact sheet's figures (customers and contacts made, rows merged and skipped) say more than the three shared ones.
        <Tooltip title={b.contacts ? t('contactImport.center.reportSummary', { customers: b.contacts.customersCreated, contacts: b.contacts.contactsCreated, merged: b.contacts.rowsMerged, skipped: b.contacts.rowsSkipped, problems: b.problems }) : undefined}>
          <span data-testid="import-row-counts" data-imported={b.imported} data-duplicates={b.duplicates} data-problems={b.problems}>
            {number.format(b.imported)} / {number.format(b.duplicates)} / {b.problems > 0 ? <Typography.Text type="warning">{number.format(b.problems)}</Typography.Text> : 0}
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'date',
      title: t('imports.center.history.columns.date'),
      width: 150,
      render: (_, b) => <Tooltip title={time.dateTime(b.startedAt)}>{time.relative(b.startedAt)}</Tooltip>,
    },
    {
      key: 'actions',
      title: t('imports.center.history.columns.actions'),
      width: 250,
      render: (_, b) => (
        <Space size={4} wrap>
          <Button size="small" icon={<FileSearchOutlined />} onClick={() => onReport(b)} data-testid="import-report-open">
            {t('imports.center.history.report')}
          </Button>
          {canResume(b) && (
            <Button size="small" icon={<PlayCircleOutlined />} loading={actions.resuming === b.id} onClick={() => void actions.resumeImport(b)} data-testid="import-resume">
              {t('imports.center.history.resume')}
            </Button>
          )}
          {canUndo(b) && (
            <Button size="small" danger icon={<UndoOutlined />} onClick={() => actions.confirmUndo(b)} data-testid="import-undo">
              {t('imports.center.history.undo')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

/**
 * Every import, newest first (as imports.list gives them): source, kind, salesperson, status,
 * counts and date, with the report, Resume for one that stopped part-way, and Undo.
 */
export function ImportHistory({ imports, loading, onReport, emptyText }: { imports: readonly LiveImport[]; loading: boolean; onReport(batch: ImportBatch): void; emptyText?: string }) {
  const { t } = useTranslation();
  const columns = useHistoryColumns(onReport);
  return (
    <Table<LiveImport>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={[...imports]}
      pagination={imports.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      onRow={(b) => ({ className: 'import-row', 'data-testid': 'import-row', 'data-id': b.id, 'data-source': archiveName(b.sourcePath) })}
      locale={{ emptyText: loading ? ' ' : <EmptyState title={emptyText ?? t('imports.center.history.empty')} testId="imports-empty" /> }}
    />
  );
}
