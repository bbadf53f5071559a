import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  GiftOutlined,
  PaperClipOutlined,
  PhoneOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space, Spin, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../shared/contract/contract.ts';
import type { Activity } from '../../../../shared/contract/customers.contract.ts';
import type { MessageRow, TimelineItem } from '../../../../shared/contract/mail.contract.ts';
import type { ActivityKind, TimelineActivityKind } from '../../../../shared/domain/customer-enums.ts';
import { call } from '../../api/client.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useTimeFormat, type TimeFormat } from '../../ui/time-format.ts';
import { addressLabel } from '../mail/mail-format.ts';
import '../mail/mail.css';
import { useFeedback } from '../../app/feedback.ts';
import { QuoteEntry, ShipmentEntry } from './DealTimelineEntries.tsx';

const PAGE_SIZE = 100;

const KIND_ICONS: Record<TimelineActivityKind, ReactNode> = {
  note: <FileTextOutlined />,
  call: <PhoneOutlined />,
  meeting: <TeamOutlined />,
  visit: <CalendarOutlined />,
  task: <CheckCircleOutlined />,
};
const KIND_COLORS: Record<TimelineActivityKind, string> = { note: 'gray', call: 'blue', meeting: 'green', visit: 'purple', task: 'lime' };

interface Props {
  customerId: string;
  onLog(kind: ActivityKind): void;
  onEdit(activity: Activity): void;
  /** A mail entry was clicked. */
  onOpenMessage(messageId: string): void;
}

/** Everything that happened with the customer — notes, calls, meetings, visits, mail, quotes and samples — newest first. */
export function TimelineTab({ customerId, onLog, onEdit, onOpenMessage }: Props) {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const time = useTimeFormat();
  const showError = useShowError();
  const remove = useMutationCall('activities.remove');
  const base = { customerId, limit: PAGE_SIZE };
  const timeline = useInfiniteQuery({
    queryKey: ['customers.timeline', base],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => call('customers.timeline', { ...base, offset: pageParam } satisfies CallInput<'customers.timeline'>),
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });

  const rows = timeline.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = timeline.data?.pages[0]?.total ?? 0;

  const confirmRemove = (activity: Activity) =>
    modal.confirm({
      title: t('timeline.deleteTitle'),
      content: t('timeline.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync({ id: activity.id }).catch(showError),
    });

  const logButtons = (
    <Space wrap>
      <Button icon={KIND_ICONS.call} onClick={() => onLog('call')} data-testid="timeline-log-call">
        {t('folder.actions.logCall')}
      </Button>
      <Button icon={KIND_ICONS.note} onClick={() => onLog('note')} data-testid="timeline-add-note">
        {t('folder.actions.addNote')}
      </Button>
      <Button icon={KIND_ICONS.meeting} onClick={() => onLog('meeting')}>
        {t('folder.actions.logMeeting')}
      </Button>
      <Button icon={KIND_ICONS.visit} onClick={() => onLog('visit')}>
        {t('folder.actions.logVisit')}
      </Button>
    </Space>
  );

  if (timeline.isLoading) return <Spin />;
  if (rows.length === 0) {
    return <EmptyState testId="timeline-empty" title={t('timeline.empty')} action={logButtons} />;
  }

  const entry = (item: TimelineItem) => {
    if (item.type === 'mail') {
      const inbound = item.message.direction === 'inbound';
      return {
        key: `mail-${item.message.id}`,
        color: inbound ? 'cyan' : 'geekblue',
        icon: inbound ? <ArrowDownOutlined /> : <ArrowUpOutlined />,
        content: <MailEntry message={item.message} time={time} onOpen={onOpenMessage} />,
      };
    }
    if (item.type === 'quote') return { key: `quote-${item.quote.id}`, color: 'gold', icon: <FileDoneOutlined />, content: <QuoteEntry quote={item.quote} at={item.at} time={time} /> };
    if (item.type === 'sample') return { key: `sample-${item.shipment.id}`, color: 'magenta', icon: <GiftOutlined />, content: <ShipmentEntry shipment={item.shipment} at={item.at} time={time} /> };
    const a = item.activity;
    return {
      key: a.id,
      color: KIND_COLORS[a.kind],
      icon: KIND_ICONS[a.kind],
      content: (
        <div data-testid="timeline-entry" data-kind={a.kind}>
          <div className="timeline-entry-head">
            <Tag>{t(`activityKinds.${a.kind}`)}</Tag>
            {a.direction !== 'none' && <span className="muted">{t(`directions.${a.direction}`)}</span>}
            <Typography.Text strong data-testid="timeline-entry-subject">
              {a.subject ?? ''}
            </Typography.Text>
            <span className="muted" title={time.dateTime(a.occurredAt)}>
              {time.dateTime(a.occurredAt)}
            </span>
            {a.contactName && <span className="muted">· {a.contactName}</span>}
            {a.ownerName && <span className="muted">· {a.ownerName}</span>}
            <span style={{ flex: 1 }} />
            {/* A done task's entry follows its task: it changes by reopening or editing the task (Tasks page). */}
            {a.kind !== 'task' && (
              <>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => onEdit(a)} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => confirmRemove(a)} />
              </>
            )}
          </div>
          {a.body && <div className="timeline-body">{a.body}</div>}
        </div>
      ),
    };
  };

  return (
    <div data-testid="timeline">
      <Timeline items={rows.map(entry)} />
      {timeline.hasNextPage && (
        <Button loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
          {t('timeline.more', { shown: rows.length, total })}
        </Button>
      )}
    </div>
  );
}

/** A filed mail: which way it went, who wrote it, its subject and first words; a click opens it. */
function MailEntry({ message, time, onOpen }: { message: MessageRow; time: TimeFormat; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const inbound = message.direction === 'inbound';
  return (
    <div
      className="timeline-mail"
      role="button"
      tabIndex={0}
      onClick={() => onOpen(message.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(message.id);
        }
      }}
      data-testid="timeline-mail"
      data-direction={message.direction}
      data-message-id={message.id}
    >
      <div className="timeline-entry-head">
        <Tag color={inbound ? 'cyan' : 'geekblue'}>{t(inbound ? 'mail.timeline.received' : 'mail.timeline.sent')}</Tag>
        <Typography.Text strong={!message.seen} data-testid="timeline-mail-subject">
          {message.subject || t('mail.list.noSubject')}
        </Typography.Text>
        {message.hasAttachments && <PaperClipOutlined className="muted" />}
        <span className="muted" title={time.dateTime(message.dateAt)}>
          {time.dateTime(message.dateAt)}
        </span>
        <span className="muted" data-testid="timeline-mail-from">
          · {inbound ? t('mail.timeline.from', { name: addressLabel(message.from) || t('mail.list.unknownSender') }) : t('mail.timeline.by', { name: addressLabel(message.from) })}
        </span>
      </div>
      {message.snippet && <div className="timeline-body muted timeline-mail-snippet">{message.snippet}</div>}
    </div>
  );
}
