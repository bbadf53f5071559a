import { UndoOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/contract/customers.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { GradeTag } from '../../ui/GradeTag.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { useFeedback } from '../../app/feedback.ts';
import { TrashedTasks } from '../tasks/TrashedTasks.tsx';

const PAGE_SIZE = 50;

/** Soft-deleted customers, newest deletion first; restoring brings back the whole folder. */
export function TrashPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = useFeedback();
  const showError = useShowError();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const list = useCall('customers.listTrash', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { placeholderData: (previous) => previous });
  const restore = useMutationCall('customers.restore');
  const total = list.data?.total ?? 0;

  async function restoreIds(ids: string[]): Promise<void> {
    try {
      const { count } = await restore.mutateAsync({ ids });
      void message.success(t('trash.restored', { count }));
      setSelected((current) => current.filter((id) => !ids.includes(id)));
    } catch (err) {
      showError(err);
    }
  }

  const columns: TableColumnsType<CustomerRow> = [
    { key: 'code', title: t('trash.columns.code'), dataIndex: 'code', width: 130 },
    {
      key: 'name',
      title: t('trash.columns.name'),
      render: (_, row) => (
        <span data-testid="trash-name">
          {row.name}
          {row.localName ? <span className="muted"> · {row.localName}</span> : null}
        </span>
      ),
    },
    { key: 'grade', title: t('trash.columns.grade'), width: 70, render: (_, row) => <GradeTag grade={row.grade} /> },
    {
      key: 'owner',
      title: t('trash.columns.owner'),
      width: 160,
      render: (_, row) => row.ownerName ?? <span className="muted">{t('trash.noOwner')}</span>,
    },
    { key: 'contact', title: t('trash.columns.contact'), render: (_, row) => [row.primaryContact, row.primaryEmail].filter(Boolean).join(' · ') },
    {
      key: 'deletedAt',
      title: t('trash.columns.deletedAt'),
      width: 150,
      render: (_, row) => (row.deletedAt === null ? null : <Tooltip title={time.dateTime(row.deletedAt)}>{time.relative(row.deletedAt)}</Tooltip>),
    },
    {
      key: 'actions',
      width: 110,
      render: (_, row) => (
        <Button size="small" icon={<UndoOutlined />} onClick={() => void restoreIds([row.id])} data-testid="trash-restore-one">
          {t('trash.restore')}
        </Button>
      ),
    },
  ];

  return (
    <div className="page" data-testid="trash-page">
      <ListPageHeader
        title={t('trash.title')}
        count={list.data ? t('trash.total', { count: total }) : null}
        countTestId="trash-total"
        intro={t('trash.intro')}
      >
        <Button
          type="primary"
          icon={<UndoOutlined />}
          disabled={selected.length === 0}
          loading={restore.isPending}
          onClick={() => void restoreIds(selected)}
          data-testid="trash-restore-selected"
        >
          {selected.length > 0 ? t('trash.restoreSelected', { count: selected.length }) : t('trash.restore')}
        </Button>
      </ListPageHeader>
      <Table<CustomerRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), preserveSelectedRowKeys: true }}
        onRow={(row) => ({ className: 'trash-row', 'data-testid': 'trash-row', 'data-id': row.id })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, hideOnSinglePage: true, onChange: (p) => setPage(p) }}
        locale={{ emptyText: list.isLoading ? ' ' : <EmptyState title={t('trash.empty')} testId="trash-empty" /> }}
      />
      <TrashedTasks />
    </div>
  );
}
