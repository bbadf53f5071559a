import { CalendarOutlined, DeleteOutlined, EditOutlined, MailOutlined, RetweetOutlined } from '@ant-design/icons';
import { Button, Checkbox, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../shared/contract/contract.ts';
import type { TaskRow } from '../../../../shared/contract/tasks.contract.ts';
import { hrefFor } from '../../app/routes.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { openTaskForm } from './task-form-store.ts';
import { useTaskActions } from './useTaskActions.ts';

const PRIORITY_COLORS = { low: 'default', normal: 'blue', high: 'red' } as const;

interface Props {
  query: CallInput<'tasks.list'>;
  /** The customer column (left out on a customer's own folder). */
  showCustomer?: boolean;
  emptyAction?: ReactNode;
}

/** Tasks and appointments as rows: tick to complete (or untick to reopen), edit, delete. */
export function TaskList({ query, showCustomer = true, emptyAction }: Props) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const list = useCall('tasks.list', query, { placeholderData: (previous) => previous });
  const actions = useTaskActions();
  const rows = list.data?.rows ?? [];
  if (list.data && rows.length === 0) return <EmptyState testId="tasks-empty" title={t('tasks.empty')} action={emptyAction} />;
  // Overdue as of when the rows were read (a render may not read the clock).
  const now = list.dataUpdatedAt;

  const title = (task: TaskRow) => (
    <span>
      {task.kind === 'appointment' && <CalendarOutlined style={{ marginRight: 6 }} title={t('tasks.kinds.appointment')} />}
      <Typography.Text delete={task.doneAt !== null} data-testid="task-title-cell">
        {task.title}
      </Typography.Text>
      {task.priority !== 'normal' && <Tag color={PRIORITY_COLORS[task.priority]} style={{ marginLeft: 8 }}>{t(`tasks.priorities.${task.priority}`)}</Tag>}
      {task.repeat && (
        <Tooltip title={t('tasks.repeatEvery', { every: task.repeat.every, unit: t(`tasks.repeatUnits.${task.repeat.unit}`) })}>
          <RetweetOutlined className="muted" style={{ marginLeft: 6 }} />
        </Tooltip>
      )}
      {task.messageId && <MailOutlined className="muted" style={{ marginLeft: 6 }} />}
      {task.contactName && <span className="muted"> · {task.contactName}</span>}
      {task.place && <span className="muted"> · {task.place}</span>}
    </span>
  );
  const due = (task: TaskRow) => {
    if (task.doneAt !== null) return <span className="muted">{t('tasks.doneAt', { when: time.dateTime(task.doneAt) })}</span>;
    const overdue = task.dueAt < now;
    return (
      <span data-testid="task-due-cell" data-overdue={overdue}>
        <Typography.Text type={overdue ? 'danger' : undefined}>{time.dateTime(task.dueAt)}</Typography.Text>
        {task.durationMin !== null && <span className="muted"> · {t('tasks.minutes', { count: task.durationMin })}</span>}
      </span>
    );
  };

  return (
    <Table<TaskRow>
      rowKey="id"
      size="small"
      loading={list.isLoading}
      dataSource={rows}
      pagination={false}
      onRow={(task) => ({ 'data-testid': 'task-row', 'data-task-id': task.id, 'data-done': String(task.doneAt !== null) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'done',
          width: 40,
          render: (_: unknown, task) => (
            <Checkbox
              checked={task.doneAt !== null}
              aria-label={t(task.doneAt === null ? 'tasks.complete' : 'tasks.reopen')}
              data-testid="task-done-toggle"
              onChange={() => void (task.doneAt === null ? actions.complete(task) : actions.reopen(task))}
            />
          ),
        },
        { key: 'title', title: t('tasks.columns.title'), render: (_: unknown, task) => title(task) },
        { key: 'due', title: t('tasks.columns.due'), width: 210, render: (_: unknown, task) => due(task) },
        ...(showCustomer
          ? [
              {
                key: 'customer',
                title: t('tasks.columns.customer'),
                render: (_: unknown, task: TaskRow) =>
                  task.customerId ? (
                    <a href={hrefFor({ page: 'customer', id: task.customerId })} data-testid="task-customer-link">
                      {task.customerName}
                    </a>
                  ) : null,
              },
            ]
          : []),
        { key: 'owner', title: t('tasks.columns.owner'), width: 120, render: (_: unknown, task) => task.ownerName ?? '' },
        {
          key: 'actions',
          width: 80,
          render: (_: unknown, task) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} data-testid="task-edit" onClick={() => openTaskForm({ taskId: task.id })} />
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="task-delete" onClick={() => actions.remove(task)} />
            </span>
          ),
        },
      ]}
    />
  );
}
