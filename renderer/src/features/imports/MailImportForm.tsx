import { ImportOutlined } from '@ant-design/icons';
import { Button, Form, Typography } from 'antd';
import { useState, type DragEvent, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickPurpose } from '../../../../shared/contract/app.contract.ts';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { toAppError, translateError, useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { archiveName, isFullPath } from './import-format.ts';
import { ArchiveOwnerFields, ArchivePathField } from './MailImportFields.tsx';

interface Values {
  path: string;
  ownerId?: string;
  ownAddresses?: string[];
}

type DropProblem = 'dropNoPath' | 'dropMany';

/**
 * A file or folder dropped on an element, as a path. Only the desktop app can say where it is
 * (the preload's webUtils.getPathForFile); a browser hands the page a File without its path.
 */
export function useDropPath(onPath: (path: string) => void, onProblem: (problem: DropProblem) => void) {
  const [dragging, setDragging] = useState(false);
  const handlers: Pick<HTMLAttributes<HTMLElement>, 'onDragOver' | 'onDragLeave' | 'onDrop'> = {
    onDragOver: (e) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (e) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      e.preventDefault();
      setDragging(false);
      const files = [...e.dataTransfer.files];
      if (files.length > 1) return onProblem('dropMany');
      const path = files[0] ? (window.tradefolio?.pathForFile?.(files[0]) ?? null) : null;
      if (path) onPath(path);
      else onProblem('dropNoPath');
    },
  };
  return { dragging, handlers };
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
  const picker = useCall('app.getInfo', {}).data?.host === 'electron';
  const pick = useMutationCall('app.pickFolder');
  const start = useMutationCall('imports.startMail');
  const pathLabel = t('imports.center.form.path');
  const addressesLabel = t('imports.center.form.ownAddresses');
  const onFieldError = useFormErrorHandler(form, (p) => (p === 'path' ? pathLabel : p.startsWith('ownAddresses') ? addressesLabel : undefined));
  const setPath = (path: string) => {
    form.setFieldsValue({ path });
    void form.validateFields(['path']).catch(() => {});
  };
  const drop = useDropPath(setPath, (problem) => form.setFields([{ name: 'path', errors: [t(`imports.center.form.${problem}`)] }]));

  async function choose(purpose: PickPurpose): Promise<void> {
    try {
      const current = form.getFieldValue('path') as string | undefined;
      const chosen = await pick.mutateAsync({ purpose, ...(current && isFullPath(current) ? { defaultPath: current } : {}) });
      if (chosen.path !== null) setPath(chosen.path);
    } catch (err) {
      onFieldError(err);
    }
  }

  async function submit(values: Values): Promise<void> {
    try {
      const batch = await start.mutateAsync({ path: values.path.trim(), ownerId: values.ownerId ?? null, ownAddresses: values.ownAddresses ?? [] });
      // The same archive with an unfinished import continues that one (the service decides).
      const resumed = batch.itemsDone > 0 || batch.startedAt < batch.updatedAt;
      void message.success(t(resumed ? 'imports.center.form.resumed' : 'imports.center.form.started', { name: archiveName(batch.sourcePath) }));
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
      className={`import-form${drop.dragging ? ' import-form-dragging' : ''}`}
      {...drop.handlers}
    >
      <ArchivePathField picker={picker} picking={pick.isPending} onChoose={(purpose) => void choose(purpose)} />
      <ArchiveOwnerFields />
      <div className="import-form-actions">
        <Button type="primary" htmlType="submit" icon={<ImportOutlined />} loading={start.isPending} data-testid="import-start">
          {t('imports.center.form.start')}
        </Button>
        {(picker || drop.dragging) && <Typography.Text type="secondary">{t('imports.center.form.drop')}</Typography.Text>}
      </div>
    </Form>
  );
}
