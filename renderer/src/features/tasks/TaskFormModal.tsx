import { type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/contract/tasks.contract.ts';
import { REPEAT_UNITS, TASK_KINDS, TASK_PRIORITIES } from '../../../../shared/domain/task-repeat.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { CustomerPicker } from '../../ui/CustomerPicker.tsx';
import { formValues, toInput, type TaskFormValues } from './task-form.ts';
import type { TaskFormRequest } from './task-form-store.ts';

const FIELDS = ['kind', 'title', 'dueAt', 'durationMin', 'place', 'priority', 'customerId', 'contactId', 'ownerId', 'messageId', 'repeat', 'notes'] as const;

interface Props {
  request: TaskFormRequest;
  onClose(saved: Task | null): void;
}

/** A task or appointment, new (from a customer, a mail or the shortcut) or stored. */
export function TaskFormModal({ request, onClose }: Props) {
  const stored = useCall('tasks.get', { id: request.taskId ?? '' }, { enabled: request.taskId !== null });
  const loading = request.taskId !== null && !stored.data;
  return loading ? (
    <Modal open footer={null} onCancel={() => onClose(null)}>
      <Skeleton active />
    </Modal>
  ) : (
    <TaskForm task={stored.data} request={request} onClose={onClose} />
  );
}

function TaskForm({ task, request, onClose }: { task: Task | undefined; request: TaskFormRequest; onClose(saved: Task | null): void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<TaskFormValues>();
  const preset = request.taskId === null ? request.preset : {};
  // Read once: the form owns its values from then on.
  const [initialValues] = useState(() => formValues(task, preset));
  const create = useMutationCall('tasks.create');
  const update = useMutationCall('tasks.update');
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  const repeatUnit = Form.useWatch('repeatUnit', form) ?? initialValues.repeatUnit;
  const customer = Form.useWatch('customerId', form) ?? initialValues.customerId;
  const owners = useCall('owners.list', {});
  const detail = useCall('customers.get', { id: customer?.id ?? '' }, { enabled: Boolean(customer) });
  const messageId = task ? task.messageId : (preset.messageId ?? null);
  const messageSubject = task ? task.messageSubject : (preset.messageSubject ?? null);

  const labelOf = useCallback((path: string) => ((FIELDS as readonly string[]).includes(path.split('.')[0] ?? '') ? t(`tasks.fields.${path.split('.')[0]}`) : undefined), [t]);
  const onError = useFormErrorHandler(form, labelOf);
  const required = (field: string) => [{ required: true, message: t('validation.required', { field: t(`tasks.fields.${field}`) }) }];

  const submit = async (values: TaskFormValues) => {
    const input = toInput(values, messageId);
    try {
      const saved = task ? await update.mutateAsync({ ...input, id: task.id }) : await create.mutateAsync(input);
      void message.success(t(task ? 'tasks.saved' : 'tasks.created', { title: saved.title }));
      onClose(saved);
    } catch (err) {
      onError(err);
    }
  };

  const appointment = kind === 'appointment';
  return (
    <Modal
      open
      title={task ? t('tasks.editTask') : t('tasks.newTask')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={620}
      okButtonProps={{ 'data-testid': 'task-form-save' } as ButtonProps}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="task-form">
        <Form.Item name="kind" label={t('tasks.fields.kind')}>
          <Radio.Group optionType="button" options={TASK_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))} data-testid="task-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('tasks.fields.title')} rules={required('title')}>
          <Input maxLength={300} autoFocus data-testid="task-title" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="dueAt" label={t(appointment ? 'tasks.fields.startAt' : 'tasks.fields.dueAt')} rules={required('dueAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="task-due" />
          </Form.Item>
          {appointment && (
            <Form.Item name="durationMin" label={t('tasks.fields.durationMin')}>
              <InputNumber min={1} max={20160} step={15} data-testid="task-duration" />
            </Form.Item>
          )}
          <Form.Item name="priority" label={t('tasks.fields.priority')}>
            <Radio.Group optionType="button" options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))} />
          </Form.Item>
        </Space>
        {appointment && (
          <Form.Item name="place" label={t('tasks.fields.place')}>
            <Input maxLength={300} data-testid="task-place" />
          </Form.Item>
        )}
        <Space align="start" style={{ display: 'flex' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="customerId" label={t('tasks.fields.customerId')}>
            <CustomerPicker value={customer ?? null} onChange={(c) => form.setFieldsValue({ customerId: c, contactId: null })} placeholder={t('tasks.fields.customerId')} testId="task-customer" />
          </Form.Item>
          <Form.Item name="contactId" label={t('tasks.fields.contactId')}>
            <Select
              allowClear
              disabled={!customer}
              data-testid="task-contact"
              options={(detail.data?.contacts ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="ownerId" label={t('tasks.fields.ownerId')}>
          <Select allowClear placeholder={t('tasks.ownerDefault')} options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))} data-testid="task-owner" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="repeatUnit" label={t('tasks.fields.repeat')}>
            <Select
              style={{ minWidth: 180 }}
              data-testid="task-repeat"
              options={[{ value: 'none', label: t('tasks.repeatNone') }, ...REPEAT_UNITS.map((u) => ({ value: u, label: t('tasks.repeatEvery', { every: 'N', unit: t(`tasks.repeatUnits.${u}`) }) }))]}
            />
          </Form.Item>
          {repeatUnit !== 'none' && (
            <Form.Item name="repeatEvery" label={t('tasks.fields.repeatEvery')}>
              <InputNumber min={1} max={365} addonAfter={t(`tasks.repeatUnits.${repeatUnit}`)} data-testid="task-repeat-every" />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="notes" label={t('tasks.fields.notes')}>
          <Input.TextArea rows={3} maxLength={10000} data-testid="task-notes" />
        </Form.Item>
        {messageId && (
          <Typography.Text type="secondary" data-testid="task-mail-link">
            {t('tasks.mailLink', { subject: messageSubject || t('mail.list.noSubject') })}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
