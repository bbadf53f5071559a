import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../shared/contract/contract.ts';
import { useCall } from '../../app/useCall.ts';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { openTaskForm } from './task-form-store.ts';
import { TaskList } from './TaskList.tsx';

type Status = NonNullable<CallInput<'tasks.list'>['status']>;
const STATUSES: Status[] = ['open', 'overdue', 'done', 'all'];

/** Tasks and appointments: open (soonest first), overdue, done (newest first) or all, by owner. */
export function TasksPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('open');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const owners = useCall('owners.list', {});
  const query = { status, ownerId, limit: 200 };
  const list = useCall('tasks.list', query, { placeholderData: (previous) => previous });
  const newTask = () => openTaskForm({ taskId: null, preset: {} });
  return (
    <div className="page" data-testid="tasks-page">
      <ListPageHeader title={t('tasks.title')} count={list.data ? t('tasks.total', { count: list.data.total }) : null} countTestId="tasks-total">
        <Button type="primary" icon={<PlusOutlined />} onClick={newTask} title={t('tasks.newTaskShortcut')} data-testid="task-new">
          {t('tasks.newTask')}
        </Button>
      </ListPageHeader>
      <Space wrap style={{ margin: '12px 0' }}>
        <Segmented<Status> value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: <span data-testid={`tasks-status-${s}`}>{t(`tasks.status.${s}`)}</span> }))} />
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('tasks.allOwners')}
          value={ownerId ?? undefined}
          onChange={(v) => setOwnerId(v ?? null)}
          options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Space>
      <TaskList query={query} emptyAction={<Button icon={<PlusOutlined />} onClick={newTask}>{t('tasks.newTask')}</Button>} />
    </div>
  );
}
