import { DownloadOutlined } from '@ant-design/icons';
import { Button, Form, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../shared/contract/contract.ts';
import type { ExportResult } from '../../../../shared/contract/exports.contract.ts';
import { safeFileName } from '../../../../shared/domain/file-names.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { PathField, useAskToReplace, useChooseFolder } from './export-target.tsx';

/**
 * The three exports, each a small form that takes a full path, typed — the web host has no
 * dialog — or, in the desktop app, its folder chosen with the system's folder dialog
 * (app.pickFolder, purpose exportFolder) and joined with the file's name.
 */

interface Outcome {
  onDone(result: ExportResult): void;
  /** After a failure too: the tab stops showing this export's progress (`target`: the path asked for). */
  onSettled(target: string): void;
}

/** Runs an export to `target`; a file of that name is replaced only when the user says so. */
function useRun<K extends 'exports.customers' | 'exports.mail' | 'exports.everything'>(key: K, outcome: Outcome) {
  const call = useMutationCall(key);
  const askToReplace = useAskToReplace();
  const run = (input: CallInput<K>, target: string): Promise<void> =>
    askToReplace(target, async (overwrite) => {
      try {
        outcome.onDone((await call.mutateAsync(overwrite ? { ...input, overwrite } : input)) as ExportResult);
      } finally {
        outcome.onSettled(target);
      }
    });
  return { run, pending: call.isPending };
}

function Actions({ label, pending, testId }: { label: string; pending: boolean; testId: string }) {
  return (
    <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={pending} data-testid={testId}>
      {label}
    </Button>
  );
}

export function ExportCustomersForm(outcome: Outcome) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ format: 'xlsx' | 'csv'; path: string; ownerId?: string }>();
  const owners = useCall('owners.list', {});
  const { run, pending } = useRun('exports.customers', outcome);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const folder = useChooseFolder(form, 'path', () => `customers.${form.getFieldValue('format') as string}`);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ format: 'xlsx' }}
      data-testid="export-customers-form"
      onFinish={(v) => void run({ format: v.format, path: v.path.trim(), language, ...(v.ownerId ? { ownerId: v.ownerId } : {}) }, v.path.trim())}
    >
      <Typography.Paragraph type="secondary">{t('exports.center.customers.help')}</Typography.Paragraph>
      <div className="import-form-row">
        <Form.Item name="format" label={t('exports.center.customers.format')}>
          <Radio.Group optionType="button" options={[{ value: 'xlsx', label: 'Excel (.xlsx)' }, { value: 'csv', label: 'CSV' }]} data-testid="export-customers-format" />
        </Form.Item>
        <Form.Item name="ownerId" label={t('exports.center.customers.owner')} style={{ minWidth: 240 }}>
          <Select<string>
            allowClear
            placeholder={t('exports.center.customers.allOwners')}
            aria-label={t('exports.center.customers.owner')}
            data-testid="export-customers-owner"
            options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </div>
      <PathField
        name="path"
        label={t('exports.center.path')}
        placeholder={t('exports.center.customers.placeholder')}
        extension={() => `.${form.getFieldValue('format') as string}`}
        testId="export-customers-path"
        folder={folder}
      />
      <Actions label={t('exports.center.customers.start')} pending={pending} testId="export-customers-start" />
    </Form>
  );
}

export function ExportMailForm(outcome: Outcome) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ of: 'customer' | 'owner'; customerId?: string; ownerId?: string; path: string }>();
  const of = Form.useWatch('of', form) ?? 'customer';
  const [search, setSearch] = useState('');
  const customers = useCall('customers.list', { search, limit: 20 }, { enabled: of === 'customer' });
  const owners = useCall('owners.list', {});
  const { run, pending } = useRun('exports.mail', outcome);
  const who = of === 'customer' ? 'customerId' : 'ownerId';
  // The chosen customer's or salesperson's name, for the file's default name ("C-0042 Hamburg Trade GmbH.mbox").
  const [whose, setWhose] = useState<string | null>(null);
  const folder = useChooseFolder(form, 'path', () => safeFileName(whose ? `${whose}.mbox` : null, 'mail.mbox'));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ of: 'customer' }}
      data-testid="export-mail-form"
      onFinish={(v) => void run({ path: v.path.trim(), ...(v.of === 'customer' ? { customerId: v.customerId! } : { ownerId: v.ownerId! }) }, v.path.trim())}
      onValuesChange={(changed: { of?: string }) => changed.of !== undefined && setWhose(null)}
    >
      <Typography.Paragraph type="secondary">{t('exports.center.mail.help')}</Typography.Paragraph>
      <div className="import-form-row">
        <Form.Item name="of" label={t('exports.center.mail.of')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'customer', label: t('exports.center.mail.customer') },
              { value: 'owner', label: t('exports.center.mail.owner') },
            ]}
          />
        </Form.Item>
        <Form.Item name={who} key={who} label={t(of === 'customer' ? 'exports.center.mail.customerLabel' : 'exports.center.mail.ownerLabel')} style={{ minWidth: 320 }} rules={[{ required: true, message: t('exports.center.mail.whoRequired') }]}>
          {of === 'customer' ? (
            <Select<string>
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={t('exports.center.mail.customerPlaceholder')}
              aria-label={t('exports.center.mail.customer')}
              data-testid="export-mail-customer"
              loading={customers.isLoading}
              options={(customers.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
              onChange={(_, option) => setWhose(option && !Array.isArray(option) ? String(option.label) : null)}
            />
          ) : (
            <Select<string>
              placeholder={t('exports.center.mail.ownerPlaceholder')}
              aria-label={t('exports.center.mail.owner')}
              data-testid="export-mail-owner"
              options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              onChange={(_, option) => setWhose(option && !Array.isArray(option) ? String(option.label) : null)}
            />
          )}
        </Form.Item>
      </div>
      <PathField name="path" label={t('exports.center.path')} placeholder={t('exports.center.mail.placeholder')} extension={() => '.mbox'} testId="export-mail-path" folder={folder} />
      <Actions label={t('exports.center.mail.start')} pending={pending} testId="export-mail-start" />
    </Form>
  );
}

export function ExportEverythingForm(outcome: Outcome) {
  const { t, i18n } = useTranslation();
  const { run, pending } = useRun('exports.everything', outcome);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const [form] = Form.useForm<{ folder: string }>();
  const folder = useChooseFolder(form, 'folder');
  return (
    <Form<{ folder: string }> form={form} layout="vertical" data-testid="export-everything-form" onFinish={(v) => void run({ folder: v.folder.trim(), language }, v.folder.trim())}>
      <Typography.Paragraph type="secondary">{t('exports.center.everything.help')}</Typography.Paragraph>
      <PathField name="folder" label={t('exports.center.folder')} placeholder={t('exports.center.everything.placeholder')} testId="export-everything-folder" folder={folder} />
      <Actions label={t('exports.center.everything.start')} pending={pending} testId="export-everything-start" />
    </Form>
  );
}
