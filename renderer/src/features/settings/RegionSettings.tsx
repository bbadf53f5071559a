import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { REGION_CODE_PATTERN } from '../../../../shared/domain/customer-code.ts';
import { useFormErrorHandler, useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';

type Region = CallOutput<'regions.list'>[number];
interface Values {
  code: string;
  nameEn: string;
  nameZh: string;
}

function RegionDialog({ region, open, onClose }: { region: Region | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useMutationCall('regions.create');
  const update = useMutationCall('regions.update');
  const labels: Record<string, string> = { code: t('settings.regions.code'), nameEn: t('settings.regions.nameEn'), nameZh: t('settings.regions.nameZh') };
  const onError = useFormErrorHandler(form, (path) => labels[path]);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });

  async function save(values: Values): Promise<void> {
    try {
      if (region) await update.mutateAsync({ ...values, code: region.code });
      else await create.mutateAsync(values);
      void message.success(t('settings.saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  }

  return (
    <Modal
      open={open}
      title={region ? t('settings.regions.editTitle', { code: region.code }) : t('settings.regions.addTitle')}
      okText={t('settings.save')}
      cancelText={t('settings.cancel')}
      okButtonProps={{ 'data-testid': 'region-save' }}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={region ? { code: region.code, nameEn: region.nameEn, nameZh: region.nameZh } : undefined}
        onFinish={(v) => void save(v)}
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
      </Form>
    </Modal>
  );
}

/** The regions that start customer codes; only a region no customer ever had can go. */
export function RegionSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const regions = useCall('regions.list', {});
  const remove = useMutationCall('regions.remove');
  const [editing, setEditing] = useState<{ region: Region | null } | null>(null);

  async function removeRegion(code: string): Promise<void> {
    try {
      await remove.mutateAsync({ code });
      void message.success(t('settings.regions.removed', { code }));
    } catch (err) {
      showError(err);
    }
  }

  const columns: TableColumnsType<Region> = [
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
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ region: r })} data-testid="region-edit">
            {t('settings.edit')}
          </Button>
          {r.customerCount > 0 ? (
            <Tooltip title={t('settings.regions.inUse')}>
              <Button size="small" danger icon={<DeleteOutlined />} disabled>
                {t('settings.remove')}
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm title={t('settings.regions.confirmRemove', { code: r.code })} onConfirm={() => removeRegion(r.code)} okButtonProps={{ danger: true }}>
              <Button size="small" danger icon={<DeleteOutlined />} data-testid="region-remove">
                {t('settings.remove')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div style={{ maxWidth: 960 }}>
      <div className="page-header" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('settings.regions.intro')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ region: null })} data-testid="region-add">
          {t('settings.regions.add')}
        </Button>
      </div>
      <Table<Region>
        rowKey="code"
        size="small"
        pagination={false}
        loading={regions.isLoading}
        columns={columns}
        dataSource={regions.data ?? []}
        onRow={(r) => ({ className: 'region-row', 'data-testid': 'region-row', 'data-code': r.code })}
      />
      {/* Mounted per opening: a Form's initialValues apply only when it is created. */}
      {editing && <RegionDialog key={editing.region?.code ?? 'new'} open region={editing.region} onClose={() => setEditing(null)} />}
    </div>
  );
}
