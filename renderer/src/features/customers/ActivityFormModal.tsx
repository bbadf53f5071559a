import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, Contact } from '../../../../shared/contract/customers.contract.ts';
import { ACTIVITY_KINDS, DIRECTIONS, type ActivityKind, type Direction } from '../../../../shared/domain/customer-enums.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useMutationCall } from '../../app/useCall.ts';

interface FormValues {
  kind: ActivityKind;
  direction: Direction;
  contactId?: string | null;
  occurredAt: Dayjs;
  subject?: string | null;
  body?: string | null;
}

const FIELDS = ['kind', 'direction', 'contactId', 'occurredAt', 'subject', 'body'] as const;

/** A note is written, not sent or received; the others go one way or the other. */
function defaultDirection(kind: ActivityKind): Direction {
  return kind === 'note' ? 'none' : 'outbound';
}

interface Props {
  customerId: string;
  contacts: Contact[];
  /** Editing an entry, or logging a new one of this kind. */
  activity: Activity | null;
  kind: ActivityKind;
  /** Replaces the kind's generic "Log call" where the customer is not already on screen. */
  title?: string;
  onClose(saved: boolean): void;
}

export function ActivityFormModal({ customerId, contacts, activity, kind, title, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useMutationCall('activities.create');
  const update = useMutationCall('activities.update');
  const labelOf = useCallback((path: string) => ((FIELDS as readonly string[]).includes(path) ? t(`timeline.fields.${path}`) : undefined), [t]);
  const onError = useFormErrorHandler(form, labelOf);

  const initialValues: FormValues = activity
    ? {
        // A task's entry is not edited here (the timeline offers no edit for it); the kind asked for stands in.
        kind: activity.kind === 'task' ? kind : activity.kind,
        direction: activity.direction,
        contactId: activity.contactId,
        occurredAt: dayjs(activity.occurredAt),
        subject: activity.subject,
        body: activity.body,
      }
    : { kind, direction: defaultDirection(kind), contactId: contacts.find((c) => c.isPrimary)?.id ?? null, occurredAt: dayjs() };

  const submit = async (values: FormValues) => {
    const input = {
      customerId,
      kind: values.kind,
      direction: values.direction,
      contactId: values.contactId ?? null,
      occurredAt: values.occurredAt?.valueOf() ?? Date.now(),
      subject: values.subject ?? null,
      body: values.body ?? null,
    };
    try {
      if (activity) await update.mutateAsync({ ...input, id: activity.id });
      else await create.mutateAsync(input);
      onClose(true);
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Modal
      open
      title={activity ? t('timeline.editTitle') : (title ?? t(`timeline.logTitle.${kind}`))}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      width={600}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="activity-form">
        <Form.Item name="kind" label={t('timeline.fields.kind')}>
          <Radio.Group
            optionType="button"
            data-testid="activity-kind"
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }))}
            onChange={(e) => {
              if (!activity) form.setFieldValue('direction', defaultDirection(e.target.value as ActivityKind));
            }}
          />
        </Form.Item>
        <Form.Item name="direction" label={t('timeline.fields.direction')}>
          <Radio.Group data-testid="activity-direction" options={DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))} />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('timeline.fields.occurredAt')} required>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} allowClear={false} data-testid="activity-occurred-at" />
        </Form.Item>
        <Form.Item name="contactId" label={t('timeline.fields.contactId')}>
          <Select
            allowClear
            placeholder={t('timeline.noContact')}
            data-testid="activity-contact"
            options={contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name} (${c.title})` : c.name }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('timeline.fields.subject')}>
          <Input maxLength={300} data-testid="activity-subject" />
        </Form.Item>
        <Form.Item name="body" label={t('timeline.fields.body')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20000} data-testid="activity-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
