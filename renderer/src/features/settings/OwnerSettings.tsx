import { StopOutlined, SwapOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallOutput } from '../../../../shared/contract/contract.ts';
import { call } from '../../api/client.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { TransferOwnerDialog } from '../owners/TransferOwnerDialog.tsx';
import { SettingsFormDialog } from './SettingsFormDialog.tsx';
import { EditButton, SettingsListSection } from './SettingsListSection.tsx';
import { useFeedback } from '../../app/feedback.ts';

type Owner = CallOutput<'owners.list'>[number];
interface Values {
  name: string;
  email?: string;
}

/** customers.list pages are at most 1000 rows; a handover may move many more. */
const ID_PAGE = 1000;

function OwnerDialog({ owner, onClose }: { owner: Owner | null; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useMutationCall('owners.create');
  const update = useMutationCall('owners.update');
  const labels: Record<string, string> = { name: t('settings.owners.name'), email: t('settings.owners.email') };

  async function save(values: Values): Promise<void> {
    const input = { name: values.name, email: values.email?.trim() || null };
    // owners.update takes the whole record: active must be sent, or it would reset to true.
    if (owner) await update.mutateAsync({ ...input, id: owner.id, active: owner.active });
    else await create.mutateAsync({ ...input, active: true });
  }

  return (
    <SettingsFormDialog<Values>
      form={form}
      title={owner ? t('settings.owners.editTitle') : t('settings.owners.addTitle')}
      testId="owner"
      initialValues={owner ? { name: owner.name, email: owner.email ?? '' } : undefined}
      labelOf={(path) => labels[path]}
      pending={create.isPending || update.isPending}
      save={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={labels.name} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: labels.name }) }]}>
        <Input maxLength={100} data-testid="owner-name" />
      </Form.Item>
      <Form.Item name="email" label={labels.email} rules={[{ type: 'email', message: t('validation.invalidEmail', { field: labels.email }) }]}>
        <Input maxLength={200} data-testid="owner-email" />
      </Form.Item>
    </SettingsFormDialog>
  );
}

/** Salespeople: add, rename, deactivate, and hand all of one person's customers to another. */
export function OwnerSettings() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const owners = useCall('owners.list', {});
  const update = useMutationCall('owners.update');
  const [transferIds, setTransferIds] = useState<string[] | null>(null);
  const [loadingIdsFor, setLoadingIdsFor] = useState<string | null>(null);

  async function setActive(owner: Owner, active: boolean): Promise<void> {
    try {
      await update.mutateAsync({ id: owner.id, name: owner.name, email: owner.email, active });
      void message.success(t(active ? 'settings.owners.activated' : 'settings.owners.deactivated', { name: owner.name }));
    } catch (err) {
      showError(err);
    }
  }

  async function openTransfer(owner: Owner): Promise<void> {
    setLoadingIdsFor(owner.id);
    try {
      const ids: string[] = [];
      for (let offset = 0; ; offset += ID_PAGE) {
        const input: CallInput<'customers.list'> = { ownerIds: [owner.id], offset, limit: ID_PAGE, sort: 'code' };
        const page = await queryClient.fetchQuery({ queryKey: ['customers.list', input], queryFn: () => call('customers.list', input) });
        ids.push(...page.rows.map((r) => r.id));
        if (page.rows.length < ID_PAGE || ids.length >= page.total) break;
      }
      setTransferIds(ids);
    } catch (err) {
      showError(err);
    } finally {
      setLoadingIdsFor(null);
    }
  }

  return (
    <>
      <SettingsListSection<Owner>
        intro={t('settings.owners.intro')}
        addLabel={t('settings.owners.add')}
        testId="owner"
        rowKey="id"
        rows={owners.data}
        loading={owners.isLoading}
        emptyText={t('settings.owners.empty')}
        maxWidth={1040}
        columns={(edit) => [
          { key: 'name', title: t('settings.owners.name'), render: (_, o) => <span data-testid="owner-row-name">{o.name}</span> },
          { key: 'email', title: t('settings.owners.email'), render: (_, o) => o.email ?? '' },
          {
            key: 'status',
            title: t('settings.owners.status'),
            width: 110,
            render: (_, o) => (o.active ? <Tag color="green">{t('settings.owners.active')}</Tag> : <Tag>{t('settings.owners.inactive')}</Tag>),
          },
          { key: 'count', title: t('settings.owners.customers'), dataIndex: 'customerCount', width: 100, align: 'right' },
          {
            key: 'actions',
            title: t('settings.actions'),
            width: 360,
            render: (_, o) => (
              <Space wrap>
                <EditButton onClick={() => edit(o)} testId="owner-edit" />
                <Button
                  size="small"
                  icon={o.active ? <StopOutlined /> : <CheckCircleOutlined />}
                  onClick={() => void setActive(o, !o.active)}
                  data-testid="owner-toggle-active"
                >
                  {o.active ? t('settings.owners.deactivate') : t('settings.owners.activate')}
                </Button>
                <Button
                  size="small"
                  icon={<SwapOutlined />}
                  disabled={o.customerCount === 0}
                  loading={loadingIdsFor === o.id}
                  onClick={() => void openTransfer(o)}
                  data-testid="owner-transfer-all"
                >
                  {t('settings.owners.transferAll')}
                </Button>
              </Space>
            ),
          },
        ]}
        dialog={(owner, close) => <OwnerDialog owner={owner} onClose={close} />}
      />
      <TransferOwnerDialog customerIds={transferIds ?? []} open={transferIds !== null} onClose={() => setTransferIds(null)} />
    </>
  );
}
