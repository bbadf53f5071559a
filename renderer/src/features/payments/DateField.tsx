import { DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';

/** A date kept as epoch ms at the end of the picked day (as a quote's validity), so "due on the 10th" is overdue only on the 11th. */
export function DateField({ name, label, testId, required }: { name: (string | number)[]; label: ReactNode; testId: string; required?: boolean }) {
  return (
    <Form.Item
      name={name}
      label={label}
      required={required}
      getValueProps={(v: number | null | undefined) => ({ value: v ? dayjs(v) : null })}
      normalize={(d: dayjs.Dayjs | null) => (d ? d.endOf('day').valueOf() : null)}
    >
      <DatePicker style={{ width: '100%' }} data-testid={testId} format="YYYY-MM-DD" />
    </Form.Item>
  );
}
