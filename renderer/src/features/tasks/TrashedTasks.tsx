import { UndoOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskRow } from '../../../../shared/contract/tasks.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { useTimeFormat } from '../../ui/time-format.ts';

/** Deleted tasks on the Trash page, newest first; shown only when there are some. */
export function TrashedTasks() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = useFeedback();
  const showError = useShowError();
  const list = useCall('tasks.list', { status: 'deleted', limit: 200 });
  const restore = useMutationCall('tasks.restore');
  if (!list.data || list.data.total === 0) return null;
  const restoreOne = (task: TaskRow) =>
    restore.mutateAsync({ id: task.id }).then(() => void message.success(t('tasks.restored', { title: task.title })), showError);
  return (
    <section style={{ marginTop: 24 }} data-testid="trash-tasks">
      <Typography.Title level={5}>{t('tasks.trashTitle', { count: list.data.total })}</Typography.Title>
      <Table<TaskRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data.rows}
        onRow={(task) => ({ 'data-testid': 'trash-task-row', 'data-task-id': task.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'title', title: t('tasks.columns.title'), render: (_: unknown, task) => task.title },
          { key: 'customer', title: t('tasks.columns.customer'), render: (_: unknown, task) => task.customerName ?? '' },
          { key: 'due', title: t('tasks.columns.due'), width: 190, render: (_: unknown, task) => time.dateTime(task.dueAt) },
          {
            key: 'deletedAt',
            width: 150,
            render: (_: unknown, task) => (task.deletedAt === null ? null : <Tooltip title={time.dateTime(task.deletedAt)}>{time.relative(task.deletedAt)}</Tooltip>),
          },
          {
            key: 'actions',
            width: 110,
            render: (_: unknown, task) => (
              <Button size="small" icon={<UndoOutlined />} onClick={() => void restoreOne(task)} data-testid="trash-task-restore">
                {t('trash.restore')}
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}
