import { ClockCircleOutlined, DownOutlined } from '@ant-design/icons';
import { Button, DatePicker, Dropdown, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Snoozed reminders come back at the start of a working morning, not at midnight. */
const MORNING_HOUR = 9;

function morningAfter(days: number, from = dayjs()): number {
  return from.add(days, 'day').hour(MORNING_HOUR).minute(0).second(0).millisecond(0).valueOf();
}

/** Next Monday morning (a week from today when today is Monday). */
function nextWeek(from = dayjs()): number {
  const ahead = ((8 - from.day()) % 7) || 7;
  return morningAfter(ahead, from);
}

/** "Snooze ▾": tomorrow, in 3 days, next week, or a date picked in a small dialog. */
export function SnoozeButton({ onSnooze, testId, disabled }: { onSnooze(until: number): void; testId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const items = [
    { key: 'tomorrow', label: t('today.actions.tomorrow'), onClick: () => onSnooze(morningAfter(1)) },
    { key: 'three', label: t('today.actions.inThreeDays'), onClick: () => onSnooze(morningAfter(3)) },
    { key: 'week', label: t('today.actions.nextWeek'), onClick: () => onSnooze(nextWeek()) },
    { type: 'divider' as const },
    { key: 'pick', label: t('today.actions.pickDate'), onClick: () => setPicking(true) },
  ];
  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} disabled={disabled}>
        <Button size="small" icon={<ClockCircleOutlined />} data-testid={testId}>
          {t('today.actions.snooze')} <DownOutlined />
        </Button>
      </Dropdown>
      {picking && (
        <Modal
          open
          title={t('today.actions.snoozeTo')}
          onCancel={() => setPicking(false)}
          okButtonProps={{ disabled: !picked, ...({ 'data-testid': 'snooze-date-ok' } as ButtonProps) }}
          onOk={() => {
            if (picked) onSnooze(picked.hour(MORNING_HOUR).minute(0).second(0).millisecond(0).valueOf());
            setPicking(false);
          }}
        >
          <DatePicker
            autoFocus
            style={{ width: '100%' }}
            value={picked}
            onChange={setPicked}
            disabledDate={(d) => d.isBefore(dayjs().add(1, 'day').startOf('day'))}
            data-testid="snooze-date"
          />
        </Modal>
      )}
    </>
  );
}
