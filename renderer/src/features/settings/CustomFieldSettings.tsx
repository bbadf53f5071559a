import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../../shared/domain/customer-enums.ts';
import { useFormErrorHandler, useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';

type Field = CallOutput<'customFields.list'>[number];
interface Values {
  label: string;
  type: CustomFieldType;
  options?: string[];
}

function FieldDialog({ field, open, onClose }: { field: Field | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const create = useMutationCall('customFields.create');
  const update = useMutationCall('customFields.update');
  const labels: Record<string, string> = {
    label: t('settings.customFields.label'),
    type: t('settings.customFields.type'),
    options: t('settings.customFields.options'),
  };
  const onError = useFormErrorHandler(form, (path) => labels[path.split('.')[0] ?? path]);

  async function save(values: Values): Promise<void> {
    // Options only mean something for a choice list; other types keep none.
    const input = { label: values.label, type: values.type, options: values.type === 'select' ? (values.options ?? []) : [] };
    try {
      if (field) await update.mutateAsync({ ...input, id: field.id });
      else await create.mutateAsync(input);
      void message.success(t('settings.saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  }

  return (
    <Modal
      open={open}
      title={field ? t('settings.customFields.editTitle') : t('settings.customFields.addTitle')}
      okText={t('settings.save')}
      cancelText={t('settings.cancel')}
      okButtonProps={{ 'data-testid': 'field-save' }}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={field ? { label: field.label, type: field.type, options: field.options } : { type: 'text', options: [] }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="label" label={labels.label} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: labels.label }) }]}>
          <Input maxLength={60} data-testid="field-label" />
        </Form.Item>
        <Form.Item name="type" label={labels.type}>
          <Select<CustomFieldType>
            data-testid="field-type"
            options={CUSTOM_FIELD_TYPES.map((v) => ({ value: v, label: t(`settings.customFields.types.${v}`) }))}
          />
        </Form.Item>
        {type === 'select' && (
          <Form.Item
            name="options"
            label={labels.options}
            extra={t('settings.customFields.optionsHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('errors.selectNeedsOptions') }]}
          >
            <Select<string[]> mode="tags" tokenSeparators={[',', '，']} data-testid="field-options" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Extra fields on every customer folder: text, number, date or a choice list. */
export function CustomFieldSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const fields = useCall('customFields.list', {});
  const remove = useMutationCall('customFields.remove');
  const [editing, setEditing] = useState<{ field: Field | null } | null>(null);

  async function removeField(id: string): Promise<void> {
    try {
      await remove.mutateAsync({ id });
      void message.success(t('settings.customFields.removed'));
    } catch (err) {
      showError(err);
    }
  }

  const columns: TableColumnsType<Field> = [
    { key: 'label', title: t('settings.customFields.label'), dataIndex: 'label' },
    { key: 'type', title: t('settings.customFields.type'), width: 140, render: (_, f) => t(`settings.customFields.types.${f.type}`) },
    {
      key: 'options',
      title: t('settings.customFields.options'),
      render: (_, f) => f.options.map((o) => <Tag key={o}>{o}</Tag>),
    },
    {
      key: 'actions',
      title: t('settings.actions'),
      width: 200,
      render: (_, f) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ field: f })} data-testid="field-edit">
            {t('settings.edit')}
          </Button>
          <Popconfirm title={t('settings.customFields.confirmRemove', { label: f.label })} onConfirm={() => removeField(f.id)} okButtonProps={{ danger: true }}>
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="field-remove">
              {t('settings.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div style={{ maxWidth: 960 }}>
      <div className="page-header" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('settings.customFields.intro')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ field: null })} data-testid="field-add">
          {t('settings.customFields.add')}
        </Button>
      </div>
      <Table<Field>
        rowKey="id"
        size="small"
        pagination={false}
        loading={fields.isLoading}
        columns={columns}
        dataSource={fields.data ?? []}
        onRow={(f) => ({ className: 'field-row', 'data-testid': 'field-row', 'data-id': f.id })}
        locale={{ emptyText: fields.isLoading ? ' ' : <EmptyState title={t('settings.customFields.empty')} /> }}
      />
      {/* Mounted per opening: a Form's initialValues apply only when it is created. */}
      {editing && <FieldDialog key={editing.field?.id ?? 'new'} open field={editing.field} onClose={() => setEditing(null)} />}
    </div>
  );
}
