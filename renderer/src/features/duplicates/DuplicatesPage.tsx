import { MergeCellsOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Radio, Spin, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import type { CustomerRow } from '../../../../shared/contract/customers.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { GradeTag } from '../../ui/GradeTag.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { REASON_COLORS } from './duplicate-reasons.ts';
import { useFeedback } from '../../app/feedback.ts';

type Group = CallOutput<'customers.findDuplicates'>[number];

function groupKey(group: Group): string {
  return `${group.reason}:${group.key}:${group.customers.map((c) => c.id).join(',')}`;
}

/** The oldest customer is the usual original, so it is kept unless the user picks another. */
function defaultKeep(group: Group): string {
  return [...group.customers].sort((a, b) => a.createdAt - b.createdAt)[0]?.id ?? '';
}

function DuplicateGroupCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { modal, message } = useFeedback();
  const showError = useShowError();
  const merge = useMutationCall('customers.merge');
  const [keepId, setKeepId] = useState(() => defaultKeep(group));
  // Unticked customers stay apart: near-same names in particular can be two real companies.
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const target = group.customers.find((c) => c.id === keepId) ?? group.customers[0]!;
  const sources = group.customers.filter((c) => c.id !== target.id && !skipped.has(c.id));

  function confirmMerge(): void {
    if (sources.length === 0) {
      void message.warning(t('duplicates.mergeNothing'));
      return;
    }
    const names = sources.map((c) => `${c.code} ${c.name}`).join(', ');
    modal.confirm({
      title: t('duplicates.confirm.title', { name: target.name }),
      icon: <MergeCellsOutlined />,
      width: 520,
      content: (
        <div data-testid="merge-confirm">
          <p>{t('duplicates.confirm.body', { count: sources.length, names, name: target.name, code: target.code })}</p>
          <p>{t('duplicates.confirm.keeps', { name: target.name })}</p>
          <p className="muted">{t('duplicates.confirm.trash')}</p>
        </div>
      ),
      okText: t('duplicates.confirm.ok'),
      okButtonProps: { 'data-testid': 'merge-confirm-ok' },
      onOk: async () => {
        try {
          const merged = await merge.mutateAsync({ targetId: target.id, sourceIds: sources.map((c) => c.id) });
          void message.success(t('duplicates.merged', { name: merged.name }));
          navigate({ page: 'customer', id: merged.id });
        } catch (err) {
          showError(err);
        }
      },
    });
  }

  const columns: TableColumnsType<CustomerRow> = [
    {
      key: 'keep',
      title: t('duplicates.keep'),
      width: 70,
      render: (_, row) => (
        <Radio checked={row.id === target.id} onChange={() => setKeepId(row.id)} aria-label={`${t('duplicates.keep')} ${row.name}`} data-testid="duplicate-keep" />
      ),
    },
    {
      key: 'include',
      title: t('duplicates.include'),
      width: 70,
      render: (_, row) => (
        <Checkbox
          checked={row.id !== target.id && !skipped.has(row.id)}
          disabled={row.id === target.id}
          aria-label={`${t('duplicates.include')} ${row.name}`}
          data-testid="duplicate-include"
          onChange={(e) =>
            setSkipped((current) => {
              const next = new Set(current);
              if (e.target.checked) next.delete(row.id);
              else next.add(row.id);
              return next;
            })
          }
        />
      ),
    },
    { key: 'code', title: t('duplicates.columns.code'), dataIndex: 'code', width: 120 },
    {
      key: 'name',
      title: t('duplicates.columns.name'),
      render: (_, row) => (
        <a href={hrefFor({ page: 'customer', id: row.id })} data-testid="duplicate-name">
          {row.name}
          {row.localName ? <span className="muted"> · {row.localName}</span> : null}
        </a>
      ),
    },
    { key: 'grade', title: t('duplicates.columns.grade'), width: 70, render: (_, row) => <GradeTag grade={row.grade} /> },
    { key: 'owner', title: t('duplicates.columns.owner'), width: 140, render: (_, row) => row.ownerName ?? <span className="muted">{t('duplicates.noOwner')}</span> },
    { key: 'contact', title: t('duplicates.columns.contact'), render: (_, row) => [row.primaryContact, row.primaryEmail].filter(Boolean).join(' · ') },
    { key: 'createdAt', title: t('duplicates.columns.createdAt'), width: 130, render: (_, row) => time.date(row.createdAt) },
    {
      key: 'lastContact',
      title: t('duplicates.columns.lastContact'),
      width: 130,
      render: (_, row) =>
        row.lastContactedAt === null ? (
          <span className="muted">{t('duplicates.never')}</span>
        ) : (
          <Tooltip title={time.dateTime(row.lastContactedAt)}>{time.relative(row.lastContactedAt)}</Tooltip>
        ),
    },
  ];

  return (
    <Card
      size="small"
      data-testid="duplicate-group"
      data-reason={group.reason}
      title={
        <span>
          <Tag color={REASON_COLORS[group.reason]}>{t(`duplicates.reason.${group.reason}`, { key: group.key })}</Tag>
        </span>
      }
      extra={
        <Button type="primary" icon={<MergeCellsOutlined />} loading={merge.isPending} onClick={confirmMerge} disabled={sources.length === 0} data-testid="duplicate-merge">
          {t('duplicates.merge')}
        </Button>
      }
    >
      <Table<CustomerRow>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={group.customers}
        onRow={(row) => ({ className: row.id === target.id ? 'duplicate-kept' : undefined, 'data-testid': 'duplicate-row', 'data-id': row.id })}
      />
    </Card>
  );
}

/** Possible duplicates found across all customers, one card per group, each mergeable on its own. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const groups = useCall('customers.findDuplicates', {});
  const data = groups.data ?? [];

  return (
    <div className="page" data-testid="duplicates-page" style={{ overflow: 'auto' }}>
      <ListPageHeader
        title={t('duplicates.title')}
        count={groups.data ? t('duplicates.groups', { count: data.length }) : null}
        countTestId="duplicates-total"
        intro={t('duplicates.intro')}
      >
        <Button icon={<ReloadOutlined />} loading={groups.isFetching} onClick={() => void groups.refetch()} data-testid="duplicates-refresh">
          {t('duplicates.refresh')}
        </Button>
      </ListPageHeader>
      {groups.isLoading ? (
        <Spin />
      ) : data.length === 0 ? (
        <EmptyState title={t('duplicates.empty')} testId="duplicates-empty" />
      ) : (
        data.map((group) => <DuplicateGroupCard key={groupKey(group)} group={group} />)
      )}
    </div>
  );
}
