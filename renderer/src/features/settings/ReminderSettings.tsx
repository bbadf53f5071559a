import { Button, Checkbox, DatePicker, Form, InputNumber, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADES, type Grade } from '../../../../shared/domain/customer-enums.ts';
import { MAX_REPLY_WAIT_DAYS } from '../../../../shared/domain/working-days.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { GradeTag } from '../../ui/GradeTag.tsx';
import { useFeedback } from '../../app/feedback.ts';

const MIN_DAYS = 1;
const MAX_DAYS = 3650;

interface Values {
  days: Record<Grade, number | null>;
  never: Record<Grade, boolean>;
  /** Working days a customer's mail may wait for our reply. */
  replyWaitDays: number;
  daysOff: Dayjs[];
  workingWeekends: Dayjs[];
}

/** The calendar's dates are days, `YYYY-MM-DD`, as the settings store them. */
const DATE_FORMAT = 'YYYY-MM-DD';
const toDays = (keys: readonly string[]) => keys.map((k) => dayjs(k));
const toKeys = (days: Dayjs[] | null | undefined) => (days ?? []).map((d) => d.format(DATE_FORMAT));
const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/** Any number of dates; `weekends` says which kind of day may be picked. (A wrapper for the test id: the multiple picker drops it.) */
function DatesInput({ value, onChange, weekends, label, testId }: { value?: Dayjs[]; onChange?(value: Dayjs[]): void; weekends: boolean; label: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <DatePicker
        multiple
        value={value}
        onChange={(dates) => onChange?.(dates ?? [])}
        format={DATE_FORMAT}
        aria-label={label}
        style={{ width: '100%' }}
        maxTagCount="responsive"
        // Only the days that can be of this kind: a Saturday is no day off, a Tuesday no working weekend.
        disabledDate={(d) => isWeekend(d) !== weekends}
      />
    </div>
  );
}

function CalendarDates({ name, label, help, weekends, testId }: { name: 'daysOff' | 'workingWeekends'; label: string; help: string; weekends: boolean; testId: string }) {
  return (
    <Form.Item name={name} label={label} extra={help}>
      <DatesInput weekends={weekends} label={label} testId={testId} />
    </Form.Item>
  );
}

function GradeRow({ grade }: { grade: Grade }) {
  const { t } = useTranslation();
  const never = Form.useWatch(['never', grade]) === true;
  const label = t('settings.reminders.intervalLabel', { grade });
  return (
    <div style={{ display: 'flex', alignItems: 'flex-start', gap: 16 }} data-testid={`interval-${grade}`}>
      <div style={{ width: 220, paddingTop: 5 }}>
        <GradeTag grade={grade} /> {t(`grades.${grade}`)}
      </div>
      <Form.Item
        name={['days', grade]}
        style={{ marginBottom: 12 }}
        dependencies={[['never', grade]]}
        rules={[
          {
            validator: async (_, value: number | null | undefined) => {
              if (never) return;
              if (value === null || value === undefined) throw new Error(t('validation.required', { field: label }));
              if (!Number.isInteger(value)) throw new Error(t('validation.invalidNumber', { field: label }));
              if (value < MIN_DAYS) throw new Error(t('validation.tooSmall', { field: label, min: MIN_DAYS }));
              if (value > MAX_DAYS) throw new Error(t('validation.tooBig', { field: label, max: MAX_DAYS }));
            },
          },
        ]}
      >
        <InputNumber
          aria-label={label}
          data-testid={`interval-days-${grade}`}
          disabled={never}
          precision={0}
          style={{ width: 140 }}
          suffix={t('settings.reminders.daysSuffix')}
        />
      </Form.Item>
      <Form.Item name={['never', grade]} valuePropName="checked" style={{ marginBottom: 12, paddingTop: 5 }}>
        <Checkbox data-testid={`interval-never-${grade}`}>{t('settings.reminders.never')}</Checkbox>
      </Form.Item>
    </div>
  );
}

/** Days between contacts per grade; "never" (null) means that grade is never reminded. */
export function ReminderSettings() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const settings = useCall('settings.get', {});
  const update = useMutationCall('settings.update');
  const intervals = settings.data?.contactIntervals;
  const replyWaitDays = settings.data?.replyWaitDays;
  const calendar = settings.data?.workingCalendar;

  useEffect(() => {
    if (!intervals) return;
    form.setFieldsValue({
      days: Object.fromEntries(GRADES.map((g) => [g, intervals[g]])) as Values['days'],
      never: Object.fromEntries(GRADES.map((g) => [g, intervals[g] === null])) as Values['never'],
      ...(replyWaitDays !== undefined ? { replyWaitDays } : {}),
      ...(calendar ? { daysOff: toDays(calendar.daysOff), workingWeekends: toDays(calendar.workingWeekends) } : {}),
    });
  }, [form, intervals, replyWaitDays, calendar]);

  async function save(values: Values): Promise<void> {
    const contactIntervals = Object.fromEntries(GRADES.map((g) => [g, values.never[g] ? null : values.days[g]])) as Record<Grade, number | null>;
    try {
      await update.mutateAsync({
        contactIntervals,
        replyWaitDays: values.replyWaitDays,
        workingCalendar: { daysOff: toKeys(values.daysOff), workingWeekends: toKeys(values.workingWeekends) },
      });
      void message.success(t('settings.reminders.saved'));
    } catch (err) {
      showError(err);
    }
  }

  if (!intervals) return <Spin />;
  return (
    <Form<Values> form={form} onFinish={(v) => void save(v)} style={{ maxWidth: 640 }} data-testid="reminder-settings">
      <Typography.Paragraph type="secondary">{t('settings.reminders.intro')}</Typography.Paragraph>
      {GRADES.map((g) => (
        <GradeRow key={g} grade={g} />
      ))}
      <Form.Item
        name="replyWaitDays"
        label={t('waiting.settingLabel')}
        extra={t('waiting.settingHelp')}
        rules={[{ required: true, type: 'integer', min: 1, max: MAX_REPLY_WAIT_DAYS, message: t('validation.tooBig', { field: t('waiting.settingLabel'), max: MAX_REPLY_WAIT_DAYS }) }]}
      >
        <InputNumber data-testid="reply-wait-days" min={1} max={MAX_REPLY_WAIT_DAYS} precision={0} style={{ width: 180 }} suffix={t('waiting.workingDaysSuffix')} />
      </Form.Item>
      <CalendarDates name="daysOff" label={t('settings.reminders.daysOff')} help={t('settings.reminders.daysOffHelp')} weekends={false} testId="calendar-days-off" />
      <CalendarDates
        name="workingWeekends"
        label={t('settings.reminders.workingWeekends')}
        help={t('settings.reminders.workingWeekendsHelp')}
        weekends
        testId="calendar-working-weekends"
      />
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="reminder-settings-save">
        {t('settings.save')}
      </Button>
    </Form>
  );
}
