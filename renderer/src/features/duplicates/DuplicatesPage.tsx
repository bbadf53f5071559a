import { CloseCircleOutlined, MergeCellsOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Pagination, Radio, Space, Spin, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import type { CustomerRow } from '../../../../shared/contract/customers.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { afterFirstPaint } from '../../ui/after-first-paint.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { GradeTag } from '../../ui/GradeTag.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { CONFIDENCE_COLORS, REASON_COLORS, SIGNAL_AGAINST } from './duplicate-reasons.ts';
import { useFeedback } from '../../app/feedback.ts';

type Group = CallOutput<'customers.findDuplicates'>['groups'][number];

/** Groups per page: each is a small table, and a page of them draws at once (500 took ~40 s). */
export const DUPLICATES_PAGE_SIZE = 20;

/** The oldest customer is the usual original, so it is kept unless the user picks another. */
function defaultKeep(group: Group): string {
  return [...group.customers].sort((a, b) => a.createdAt - b.createdAt)[0]?.id ?? '';
}

/**
 * The `elementtiming` name of the first group's title: the browser reports when it was painted
 * (test/bench/duplicates.bench.ts and the e2e test measure "first groups visible" with it).
 */
const FIRST_GROUP_TIMING = 'duplicates-first-group';

function DuplicateGroupCard({ group, first }: { group: Group; first: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { modal, message } = useFeedback();
  const showError = useShowError();
  const merge = useMutationCall('customers.merge');
  const dismiss = useMutationCall('customers.dismissDuplicates');
  const restore = useMutationCall('customers.restoreDuplicates');
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

  async function notDuplicates(): Promise<void> {
    const ids = group.customers.map((c) => c.id);
    try {
      await dismiss.mutateAsync({ ids });
    } catch (err) {
      showError(err);
      return;
    }
    const key = `dismissed:${group.id}`;
    message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <span data-testid="duplicate-dismissed">
          {t('duplicates.dismissed', { count: ids.length })}{' '}
          <Button
            size="small"
            type="link"
            data-testid="duplicate-undo"
            onClick={() => {
              message.destroy(key);
              restore.mutateAsync({ ids }).catch(showError);
            }}
          >
            {t('duplicates.undo')}
          </Button>
        </span>
      ),
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
      data-confidence={group.confidence}
      data-group-id={group.id}
      title={
        <span className="duplicate-group-title">
          <Tooltip title={t('duplicates.confidenceHint', { score: group.score })}>
            <Tag color={CONFIDENCE_COLORS[group.confidence]} data-testid="duplicate-confidence">
              {t(`duplicates.confidence.${group.confidence}`)}
            </Tag>
          </Tooltip>
          <Tag color={REASON_COLORS[group.reason]}>
            {/* Inline-block: Chromium times text by its block, so a plain inline span is never reported. */}
            <span elementtiming={first ? FIRST_GROUP_TIMING : undefined} style={{ display: 'inline-block' }}>
              {t(`duplicates.reason.${group.reason}`, { key: group.key })}
            </span>
          </Tag>
          {group.signals.map((signal) => (
            <Tag key={signal} bordered={false} color={SIGNAL_AGAINST.has(signal) ? 'default' : 'green'} data-testid="duplicate-signal" data-signal={signal}>
              {t(`duplicates.signal.${signal}`)}
            </Tag>
          ))}
        </span>
      }
      extra={
        <Space>
          <Button icon={<CloseCircleOutlined />} loading={dismiss.isPending} onClick={() => void notDuplicates()} data-testid="duplicate-dismiss">
            {t('duplicates.dismiss')}
          </Button>
          <Button type="primary" icon={<MergeCellsOutlined />} loading={merge.isPending} onClick={confirmMerge} disabled={sources.length === 0} data-testid="duplicate-merge">
            {t('duplicates.merge')}
          </Button>
        </Space>
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

/**
 * Groups drawn in the first frame after the answer; the rest of the page follows a frame later.
 * Each group is an antd table, and drawing the page's 20 at once held the first one back.
 */
const FIRST_FRAME_GROUPS = 3;

/** One page of groups, the first few at once and the rest after they are on screen. */
function DuplicateGroupList({ groups }: { groups: Group[] }) {
  const [shown, setShown] = useState(FIRST_FRAME_GROUPS);
  useEffect(() => (shown < groups.length ? afterFirstPaint(() => setShown(groups.length)) : undefined), [shown, groups.length]);
  return groups.slice(0, shown).map((group, i) => <DuplicateGroupCard key={group.id} group={group} first={i === 0} />);
}

/**
 * Possible duplicates found across all customers, most certain first, one card per group, each
 * mergeable or dismissable on its own. A page of groups at a time: the service ranks them all
 * and returns one page, so the first groups show at once however many customers there are.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const groups = useCall(
    'customers.findDuplicates',
    { offset: (page - 1) * DUPLICATES_PAGE_SIZE, limit: DUPLICATES_PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const data = groups.data?.groups ?? [];
  const total = groups.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / DUPLICATES_PAGE_SIZE));
  // A merge or dismissal can empty the last page: step back to the one that is now last
  // (adjusted while rendering, as React advises for state derived from new data).
  if (groups.data && !groups.isPlaceholderData && page > lastPage) setPage(lastPage);

  const pager =
    total > DUPLICATES_PAGE_SIZE ? (
      <div className="duplicates-pager" data-testid="duplicates-pagination" style={{ margin: '8px 0', display: 'flex', justifyContent: 'flex-end' }}>
        <Pagination
        size="small"
        current={page}
        pageSize={DUPLICATES_PAGE_SIZE}
        total={total}
        showSizeChanger={false}
        onChange={(next) => setPage(next)}
        />
      </div>
    ) : null;

  return (
    <div className="page" data-testid="duplicates-page" style={{ overflow: 'auto' }}>
      <ListPageHeader
        title={t('duplicates.title')}
        count={groups.data ? t('duplicates.groups', { count: total }) : null}
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
        <>
          {pager}
          <div data-testid="duplicates-list" data-page={page} style={{ opacity: groups.isPlaceholderData ? 0.6 : 1 }}>
            <DuplicateGroupList key={page} groups={data} />
          </div>
          {pager}
        </>
      )}
    </div>
  );
}
