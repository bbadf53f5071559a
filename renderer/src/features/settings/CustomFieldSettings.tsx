import { Form, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../../shared/domain/customer-enums.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { SettingsFormDialog } from './SettingsFormDialog.tsx';
import { EditButton, RemoveButton, SettingsListSection } from './SettingsListSection.tsx';

type Field = CallOutput<'customFields.list'>[number];
interface Values {
  label: string;
  type: CustomFieldType;
  options?: string[];
}

function FieldDialog({ field, onClose }: { field: Field | null; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const create = useMutationCall('customFields.create');
  const update = useMutationCall('customFields.update');
  const labels: Record<string, string> = {
    label: t('settings.customFields.label'),
    type: t('settings.customFields.type'),
    options: t('settings.customFields.options'),
  };

  async function save(values: Values): Promise<void> {
    // Options only mean something for a choice list; other types keep none.
    const input = { label: values.label, type: values.type, options: values.type === 'select' ? (values.options ?? []) : [] };
    if (field) await update.mutateAsync({ ...input, id: field.id });
    else await create.mutateAsync(input);
  }

  return (
    <SettingsFormDialog<Values>
      form={form}
      title={field ? t('settings.customFields.editTitle') : t('settings.customFields.addTitle')}
      testId="field"
      initialValues={field ? { label: field.label, type: field.type, options: field.options } : { type: 'text', options: [] }}
      labelOf={(path) => labels[path.split('.')[0] ?? path]}
      pending={create.isPending || update.isPending}
      save={save}
      onClose={onClose}
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
    </SettingsFormDialog>
  );
}

/** Extra fields on every customer folder: text, number, date or a choice list. */
export function CustomFieldSettings() {
  const { t } = useTranslation();
  const fields = useCall('customFields.list', {});
  const remove = useMutationCall('customFields.remove');

  return (
    <SettingsListSection<Field>
      intro={t('settings.customFields.intro')}
      addLabel={t('settings.customFields.add')}
      testId="field"
      rowKey="id"
      rows={fields.data}
      loading={fields.isLoading}
      emptyText={t('settings.customFields.empty')}
      columns={(edit) => [
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
              <EditButton onClick={() => edit(f)} testId="field-edit" />
              <RemoveButton
                confirm={t('settings.customFields.confirmRemove', { label: f.label })}
                remove={() => remove.mutateAsync({ id: f.id })}
                removed={t('settings.customFields.removed')}
                testId="field-remove"
              />
            </Space>
          ),
        },
      ]}
      dialog={(field, close) => <FieldDialog field={field} onClose={close} />}
    />
  );
}
