import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickedCustomer } from '../../ui/CustomerPicker.tsx';
import { openTaskForm } from './task-form-store.ts';
import { TaskList } from './TaskList.tsx';

type Status = 'open' | 'done';

/** A customer's tasks and appointments on its folder: open ones soonest first, or the done ones. */
export function CustomerTasksTab({ customer }: { customer: PickedCustomer }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('open');
  const newTask = () => openTaskForm({ taskId: null, preset: { customer } });
  return (
    <div data-testid="customer-tasks">
      <Space style={{ marginBottom: 12 }}>
        <Segmented<Status> value={status} onChange={setStatus} options={(['open', 'done'] as const).map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))} />
        <Button icon={<PlusOutlined />} onClick={newTask} data-testid="customer-task-new">
          {t('tasks.newTask')}
        </Button>
      </Space>
      <TaskList query={{ status, customerId: customer.id, limit: 200 }} showCustomer={false} />
    </div>
  );
}
