import { Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { REGION_CODE_PATTERN } from '../../../../shared/domain/customer-code.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { SettingsFormDialog } from './SettingsFormDialog.tsx';
import { EditButton, RemoveButton, SettingsListSection } from './SettingsListSection.tsx';

type Region = CallOutput<'regions.list'>[number];
interface Values {
  code: string;
  nameEn: string;
  nameZh: string;
}

function RegionDialog({ region, onClose }: { region: Region | null; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useMutationCall('regions.create');
  const update = useMutationCall('regions.update');
  const labels: Record<string, string> = { code: t('settings.regions.code'), nameEn: t('settings.regions.nameEn'), nameZh: t('settings.regions.nameZh') };
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });

  async function save(values: Values): Promise<void> {
    if (region) await update.mutateAsync({ ...values, code: region.code });
    else await create.mutateAsync(values);
  }

  return (
    <SettingsFormDialog<Values>
      form={form}
      title={region ? t('settings.regions.editTitle', { code: region.code }) : t('settings.regions.addTitle')}
      testId="region"
      initialValues={region ? { code: region.code, nameEn: region.nameEn, nameZh: region.nameZh } : undefined}
      labelOf={(path) => labels[path]}
      pending={create.isPending || update.isPending}
      save={save}
      onClose={onClose}
    >
      <Form.Item
        name="code"
        label={labels.code}
        extra={t('settings.regions.codeHelp')}
        normalize={(v: string) => v.toUpperCase().trim()}
        rules={[required(labels.code!), { pattern: REGION_CODE_PATTERN, message: t('validation.invalidFormat', { field: labels.code }) }]}
      >
        <Input disabled={region !== null} maxLength={4} data-testid="region-code" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="nameEn" label={labels.nameEn} rules={[required(labels.nameEn!)]}>
        <Input maxLength={60} data-testid="region-name-en" />
      </Form.Item>
      <Form.Item name="nameZh" label={labels.nameZh} rules={[required(labels.nameZh!)]}>
        <Input maxLength={60} data-testid="region-name-zh" />
      </Form.Item>
    </SettingsFormDialog>
  );
}

/** The regions that start customer codes; only a region no customer ever had can go. */
export function RegionSettings() {
  const { t } = useTranslation();
  const regions = useCall('regions.list', {});
  const remove = useMutationCall('regions.remove');

  return (
    <SettingsListSection<Region>
      intro={t('settings.regions.intro')}
      addLabel={t('settings.regions.add')}
      testId="region"
      rowKey="code"
      rows={regions.data}
      loading={regions.isLoading}
      columns={(edit) => [
        { key: 'code', title: t('settings.regions.code'), dataIndex: 'code', width: 90 },
        { key: 'nameEn', title: t('settings.regions.nameEn'), dataIndex: 'nameEn' },
        { key: 'nameZh', title: t('settings.regions.nameZh'), dataIndex: 'nameZh' },
        { key: 'count', title: t('settings.regions.customers'), dataIndex: 'customerCount', width: 100, align: 'right' },
        { key: 'next', title: t('settings.regions.nextCode'), width: 120, render: (_, r) => <span className="muted">{`${r.code}-${String(r.nextSeq).padStart(3, '0')}`}</span> },
        {
          key: 'actions',
          title: t('settings.actions'),
          width: 200,
          render: (_, r) => (
            <Space>
              <EditButton onClick={() => edit(r)} testId="region-edit" />
              <RemoveButton
                confirm={t('settings.regions.confirmRemove', { code: r.code })}
                remove={() => remove.mutateAsync({ code: r.code })}
                removed={t('settings.regions.removed', { code: r.code })}
                testId="region-remove"
                disabledReason={r.customerCount > 0 ? t('settings.regions.inUse') : undefined}
              />
            </Space>
          ),
        },
      ]}
      dialog={(region, close) => <RegionDialog region={region} onClose={close} />}
    />
  );
}
