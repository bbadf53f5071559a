import { FileOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickPurpose } from '../../../../shared/contract/app.contract.ts';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { toAppError, translateError, useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { archiveName, isFullPath } from './import-format.ts';

interface Values {
  path: string;
  ownerId?: string;
  ownAddresses?: string[];
}

/** The contract's limit on `ownAddresses`. */
const MAX_ADDRESSES = 20;
/** A plain shape check, so a typo shows under the field; the service checks again (zod's email). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The path of a file or folder dropped on the form. Only the desktop app can say it (the preload's
 * webUtils.getPathForFile); a browser hands the page a File without its path.
 */
function droppedPath(e: DragEvent<HTMLElement>): { path: string } | { problem: 'dropNoPath' | 'dropMany' } {
  const files = [...e.dataTransfer.files];
  if (files.length > 1) return { problem: 'dropMany' };
  const file = files[0];
  const path = file ? (window.tradefolio?.pathForFile?.(file) ?? null) : null;
  return path ? { path } : { problem: 'dropNoPath' };
}

/**
 * Chooses a mail archive, whose mail it is, and starts the import. The desktop app picks the
 * archive with the system dialog (a file or a folder) or takes it dropped on the form; the web
 * host has no dialog and no paths of dropped files, so there the full path is typed.
 */
export function MailImportForm({ onStarted }: { onStarted?: (batch: ImportBatch) => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [dragging, setDragging] = useState(false);
  const owners = useCall('owners.list', {});
  const info = useCall('app.getInfo', {});
  const picker = info.data?.host === 'electron';
  const pick = useMutationCall('app.pickFolder');
  const start = useMutationCall('imports.startMail');
  const pathLabel = t('imports.center.form.path');
  const addressesLabel = t('imports.center.form.ownAddresses');
  const onFieldError = useFormErrorHandler(form, (p) => (p === 'path' ? pathLabel : p.startsWith('ownAddresses') ? addressesLabel : undefined));

  const setPath = (path: string) => {
    form.setFieldsValue({ path });
    void form.validateFields(['path']).catch(() => {});
  };

  async function choose(purpose: PickPurpose): Promise<void> {
    try {
      const current = form.getFieldValue('path') as string | undefined;
      const chosen = await pick.mutateAsync({ purpose, ...(current && isFullPath(current) ? { defaultPath: current } : {}) });
      if (chosen.path !== null) setPath(chosen.path);
    } catch (err) {
      onFieldError(err);
    }
  }

  function onDrop(e: DragEvent<HTMLElement>): void {
    e.preventDefault();
    setDragging(false);
    const dropped = droppedPath(e);
    if ('path' in dropped) setPath(dropped.path);
    else form.setFields([{ name: 'path', errors: [t(`imports.center.form.${dropped.problem}`)] }]);
  }

  async function submit(values: Values): Promise<void> {
    try {
      const batch = await start.mutateAsync({ path: values.path.trim(), ownerId: values.ownerId ?? null, ownAddresses: values.ownAddresses ?? [] });
      const name = archiveName(batch.sourcePath);
      // The same archive with an unfinished import continues that one (the service decides).
      const resumed = batch.itemsDone > 0 || batch.startedAt < batch.updatedAt;
      void message.success(t(resumed ? 'imports.center.form.resumed' : 'imports.center.form.started', { name }));
      form.resetFields(['path']);
      onStarted?.(batch);
    } catch (err) {
      const error = toAppError(err);
      // What is wrong with the archive itself (missing, unreadable, not mail) belongs under its field.
      if (error.message.startsWith('mailSources.problems.')) form.setFields([{ name: 'path', errors: [translateError(t, error)] }]);
      else onFieldError(err);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      // The path is checked when the form is sent; a new path clears what was said of the old one.
      onValuesChange={(changed: Partial<Values>) => {
        if ('path' in changed) form.setFields([{ name: 'path', errors: [] }]);
      }}
      data-testid="mail-import-form"
      className={`import-form${dragging ? ' import-form-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Form.Item
        label={pathLabel}
        extra={t(picker ? 'imports.center.form.pathHelpPicked' : 'imports.center.form.pathHelp')}
        required
      >
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="path"
            noStyle
            validateTrigger="onSubmit"
            rules={[
              { required: true, whitespace: true, message: t('imports.center.form.pathRequired') },
              {
                validator: async (_, value: string | undefined) => {
                  if (value && value.trim() && !isFullPath(value)) throw new Error(t('imports.center.form.pathNotAbsolute', { path: value.trim() }));
                },
              },
            ]}
          >
            <Input maxLength={4000} aria-label={pathLabel} placeholder={t('imports.center.form.pathPlaceholder')} data-testid="import-path" autoComplete="off" spellCheck={false} />
          </Form.Item>
          {picker && (
            <>
              <Button icon={<FileOutlined />} onClick={() => void choose('mailArchiveFile')} loading={pick.isPending} data-testid="import-choose-file">
                {t('imports.center.form.chooseFile')}
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={() => void choose('mailArchiveFolder')} loading={pick.isPending} data-testid="import-choose-folder">
                {t('imports.center.form.chooseFolder')}
              </Button>
            </>
          )}
        </Space.Compact>
      </Form.Item>
      <div className="import-form-row">
        <Form.Item name="ownerId" label={t('imports.center.form.owner')} extra={t('imports.center.form.ownerHelp')} className="import-form-owner">
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('imports.center.form.ownerPlaceholder')}
            aria-label={t('imports.center.form.owner')}
            data-testid="import-owner"
            loading={owners.isLoading}
            options={(owners.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.email ? `${o.name} <${o.email}>` : o.name }))}
          />
        </Form.Item>
        <Form.Item
          name="ownAddresses"
          label={addressesLabel}
          extra={t('imports.center.form.ownAddressesHelp')}
          className="import-form-addresses"
          rules={[
            {
              validator: async (_, value: string[] | undefined) => {
                const bad = (value ?? []).find((a) => !EMAIL.test(a.trim()));
                if (bad !== undefined) throw new Error(t('imports.center.form.ownAddressInvalid', { address: bad }));
                if ((value ?? []).length > MAX_ADDRESSES) throw new Error(t('imports.center.form.tooManyAddresses', { max: MAX_ADDRESSES }));
              },
            },
          ]}
        >
          <Select<string[]>
            mode="tags"
            notFoundContent={null}
            tokenSeparators={[',', ';', ' ', '，', '；']}
            placeholder={t('imports.center.form.ownAddressesPlaceholder')}
            aria-label={addressesLabel}
            data-testid="import-own-addresses"
          />
        </Form.Item>
      </div>
      <div className="import-form-actions">
        <Button type="primary" htmlType="submit" icon={<ImportOutlined />} loading={start.isPending} data-testid="import-start">
          {t('imports.center.form.start')}
        </Button>
        {!picker && dragging && <Typography.Text type="secondary">{t('imports.center.form.drop')}</Typography.Text>}
        {picker && <Typography.Text type="secondary" className="import-drop-hint">{t('imports.center.form.drop')}</Typography.Text>}
      </div>
    </Form>
  );
}
