import { CheckSquareOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.ts';
import { useShowError } from '../../app/app-errors.ts';
import { openTaskForm } from './task-form-store.ts';

const DAYS = [1, 3, 7, 14];

/**
 * "Follow up on this mail": a task linked to the message, for the customer and contact it is
 * filed under, titled by its subject and due in 3 days (or 1, 7, 14), opened in the form first.
 */
export function FollowUpButton({ messageId, subject }: { messageId: string; subject: string | null }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const open = (days: number) =>
    call('tasks.draftFromMessage', { messageId, days }).then((d) => {
      const customer = d.customerId ? { id: d.customerId, name: d.customerName ?? '', code: d.customerCode ?? '' } : null;
      openTaskForm({ taskId: null, preset: { customer, contactId: d.contactId, messageId, messageSubject: subject, title: d.title, dueAt: d.dueAt } });
    }, showError);
  return (
    <Space.Compact size="small">
      <Button size="small" icon={<CheckSquareOutlined />} title={t('tasks.followUpMail')} onClick={() => void open(3)} data-testid="mail-follow-up">
        {t('tasks.followUp')}
      </Button>
      <Dropdown trigger={['click']} menu={{ items: DAYS.map((days) => ({ key: String(days), label: t('tasks.followUpIn', { count: days }) })), onClick: ({ key }) => void open(Number(key)) }}>
        <Button size="small" icon={<DownOutlined />} aria-label={t('tasks.followUpMail')} data-testid="mail-follow-up-days" />
      </Dropdown>
    </Space.Compact>
  );
}
