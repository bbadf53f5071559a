import { PlusOutlined } from '@ant-design/icons';
import { Button, Skeleton, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayItem } from '../../../../shared/contract/today.contract.ts';
import { FIRST_TODAY_INPUT } from '../../../../shared/contract/first-screen.ts';
import { call } from '../../api/client.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { useComposer } from '../mail/compose/useComposer.tsx';
import { LogCallModal } from '../reminders/LogCallModal.tsx';
import { OwnerFilter } from '../reminders/OwnerFilter.tsx';
import { openTaskForm } from '../tasks/task-form-store.ts';
import { NotificationToggle } from './NotificationToggle.tsx';
import { TodaySectionCard, type RowHandlers } from './TodaySectionCard.tsx';
import './today.css';

/** Reminders come due by the clock passing: re-read every minute, as the badge does. */
const RECHECK_MS = 60_000;

/** A task made from Today is for today: due at the next full hour. */
function nextHour(): number {
  const d = new Date();
  d.setHours(d.getHours() + 1, 0, 0, 0);
  return d.getTime();
}

/**
 * The home screen: everything due by the end of today, by kind (tasks and appointments,
 * payments, letters of credit, quote follow-ups, sample feedback, mail waiting for our reply,
 * customers due for contact), each row one click from its record and with its one-click actions.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = useFeedback();
  const showError = useShowError();
  const composer = useComposer();
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [callFor, setCallFor] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  // All owners: the input the first screen asked for before the app's code loaded (its answer is in the cache).
  const list = useCall('today.list', ownerId ? { ...FIRST_TODAY_INPUT, ownerId } : FIRST_TODAY_INPUT, { refetchInterval: RECHECK_MS, placeholderData: (previous) => previous });
  // The day the answer is for (re-read every minute), not of each render.
  const now = list.dataUpdatedAt;

  /** Runs a row's call with its buttons waiting; the `data.changed` it causes refreshes the list. */
  const act = (item: TodayItem, run: () => Promise<unknown>, done: string) => {
    setBusy((prev) => new Set(prev).add(item.key));
    run()
      .then(() => void message.success(done))
      .catch(showError)
      .finally(() =>
        setBusy((prev) => {
          const next = new Set(prev);
          next.delete(item.key);
          return next;
        }),
      );
  };

  const handlers: RowHandlers = {
    busy,
    done: (item) => act(item, () => call('today.done', { kind: item.kind, recordId: item.recordId }), t('today.feedback.done')),
    snooze: (item, until) => act(item, () => call('today.snooze', { kind: item.kind, recordId: item.recordId, until }), t('today.feedback.snoozed', { date: time.dateTime(until) })),
    logCall: (item) => item.customerId && setCallFor({ id: item.customerId, name: item.customerName ?? '' }),
    writeMail: (item, kind) => (kind === 'reply' ? composer.open({ kind: 'reply', messageId: item.recordId }) : composer.open({ kind: 'new', contactId: item.contactId })),
  };

  const total = list.data?.total;
  return (
    <div className="page today-page" data-testid="today-page" style={{ overflow: 'auto' }}>
      <ListPageHeader
        title={t('today.title')}
        count={total === undefined ? null : t(list.data?.sections.some((s) => s.capped) ? 'today.badgeMany' : 'today.badge', { count: total })}
        countTestId="today-total"
        intro={now ? t('today.subtitle', { date: time.date(now) }) : undefined}
      >
        <NotificationToggle />
        <OwnerFilter testId="today-owner-filter" value={ownerId} onChange={setOwnerId} />
        <Tooltip title={t('tasks.newTaskShortcut')}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openTaskForm({ taskId: null, preset: { dueAt: nextHour() } })} data-testid="today-new-task">
            {t('tasks.newTask')}
          </Button>
        </Tooltip>
      </ListPageHeader>
      {list.isLoading ? (
        <Skeleton active />
      ) : total === 0 ? (
        <EmptyState title={<><div>{t('today.empty')}</div><div className="muted">{t('today.emptyHint')}</div></>} testId="today-empty" />
      ) : (
        <div className="today-sections">
          {(list.data?.sections ?? []).map((section) => (
            <TodaySectionCard key={section.kind} section={section} handlers={handlers} />
          ))}
        </div>
      )}
      {callFor && <LogCallModal key={callFor.id} customer={callFor} onClose={() => setCallFor(null)} />}
      {composer.element}
    </div>
  );
}
