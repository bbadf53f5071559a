import { MailOutlined } from '@ant-design/icons';
import { Alert, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingRow } from '../../../../shared/contract/search.contract.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { GradeTag } from '../../ui/GradeTag.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { MessageDrawer } from '../mail/MessageDrawer.tsx';
import { OwnerFilter } from './OwnerFilter.tsx';

const PAGE_SIZE = 50;

function isControl(e: MouseEvent<HTMLElement>): boolean {
  return Boolean((e.target as HTMLElement).closest('button, a, input, .ant-select'));
}

/** Customers whose mail has waited longer than the configured working days for our reply, longest first. */
export function WaitingForReplyList() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const [page, setPage] = useState(1);
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [openMessage, setOpenMessage] = useState<string | null>(null);
  const list = useCall(
    'reminders.waitingForReply',
    { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ownerId: ownerId ?? null },
    { placeholderData: (previous) => previous },
  );
  const total = list.data?.total ?? 0;

  const columns: TableColumnsType<WaitingRow> = [
    {
      key: 'customer',
      title: t('waiting.columns.customer'),
      render: (_, row) => (
        <span>
          <a href={hrefFor({ page: 'customer', id: row.id })} data-testid="waiting-name">
            {row.name}
          </a>{' '}
          <GradeTag grade={row.grade} /> <span className="muted">{row.ownerName ?? t('reminders.noOwner')}</span>
        </span>
      ),
    },
    {
      key: 'latest',
      title: t('waiting.columns.latest'),
      render: (_, row) => (
        <a onClick={() => setOpenMessage(row.latest.id)} data-testid="waiting-subject">
          <MailOutlined /> {row.latest.subject || t('search.noSubject')}
          {row.messages > 1 ? <span className="muted"> · {t('waiting.messages', { count: row.messages })}</span> : null}
        </a>
      ),
    },
    {
      key: 'since',
      title: t('waiting.columns.since'),
      width: 170,
      render: (_, row) => <Tooltip title={time.relative(row.waitingSince)}>{time.dateTime(row.waitingSince)}</Tooltip>,
    },
    {
      key: 'days',
      title: t('waiting.columns.days'),
      width: 140,
      render: (_, row) => (
        <Tag color={row.workingDays >= 5 ? 'red' : 'orange'} data-testid="waiting-days">
          {t('waiting.workingDays', { count: row.workingDays })}
        </Tag>
      ),
    },
  ];

  return (
    <div className="reminders-tab" data-testid="waiting-page">
      <ListPageHeader title={t('waiting.title')} count={list.data ? t('waiting.total', { count: total }) : null} countTestId="waiting-total">
        <OwnerFilter
          testId="waiting-owner-filter"
          value={ownerId}
          onChange={(v) => {
            setOwnerId(v);
            setPage(1);
          }}
        />
      </ListPageHeader>
      {list.data && (
        <Alert
          type="info"
          showIcon
          data-testid="waiting-note"
          title={
            <span>
              {t('waiting.intro', { count: list.data.days })}{' '}
              <a href="#/settings?tab=reminders">{t('reminders.changeIntervals')}</a>
            </span>
          }
        />
      )}
      <Table<WaitingRow>
        rowKey="id"
        size="middle"
        data-testid="waiting-table"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        onRow={(row) => ({
          'data-testid': 'waiting-row',
          'data-id': row.id,
          style: { cursor: 'pointer' },
          onClick: (e: MouseEvent<HTMLElement>) => {
            if (!isControl(e)) navigate({ page: 'customer', id: row.id });
          },
        })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage }}
        locale={{ emptyText: list.isLoading ? ' ' : <EmptyState title={t('waiting.empty')} testId="waiting-empty" /> }}
      />
      {openMessage && <MessageDrawer messageId={openMessage} onClose={() => setOpenMessage(null)} />}
    </div>
  );
}
