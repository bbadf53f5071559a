import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../shared/contract/contract.ts';
import { toAppError, useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { inFolder } from '../imports/export-paths.ts';
import { isFullPath } from '../imports/import-format.ts';

/**
 * "Export .xlsx" of one report: the same rows as its table, written where the user says — a full
 * path typed (the web host has no dialog) or, in the desktop app, a folder chosen with the
 * system's dialog and joined with the report's file name. Headers are in the app's language.
 * An existing file is replaced only after the user says so, as every export does.
 */

type ExportInput = CallInput<'reports.exportXlsx'>;
type Request = Pick<ExportInput, 'report' | 'params'> & Partial<Pick<ExportInput, 'path' | 'language' | 'overwrite'>>;

function ReportExportDialog({ request, title, fileName, onClose }: { request: Request; title: string; fileName: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ path: string }>();
  const { message, modal } = useFeedback();
  const showError = useShowError();
  const desktop = useCall('app.getInfo', {}).data?.host === 'electron';
  const pick = useMutationCall('app.pickFolder');
  const write = useMutationCall('reports.exportXlsx');
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  async function run(path: string, overwrite: boolean): Promise<void> {
    const input = { ...request, path: path.trim(), language, overwrite } as ExportInput;
    try {
      const written = await write.mutateAsync(input);
      void message.success(t('reports.exportDialog.done', { file: written.path }));
      onClose();
    } catch (err) {
      const error = toAppError(err);
      if (error.message !== 'exports.errors.exists') return showError(err);
      modal.confirm({
        title: t('exports.center.replaceTitle'),
        content: t('exports.center.replaceBody', { file: error.params?.file ?? input.path }),
        okText: t('exports.center.replace'),
        okButtonProps: { danger: true, 'data-testid': 'report-export-replace' },
        cancelText: t('common.cancel'),
        onOk: () => void run(path, true),
      });
    }
  }

  async function chooseFolder(): Promise<void> {
    try {
      const current = form.getFieldValue('path') as string | undefined;
      const chosen = await pick.mutateAsync({ purpose: 'exportFolder', ...(current && isFullPath(current) ? { defaultPath: current } : {}) });
      if (chosen.path !== null) form.setFieldsValue({ path: inFolder(chosen.path, current, fileName) });
    } catch (err) {
      showError(err);
    }
  }

  const label = t('reports.exportDialog.path');
  const input = <Input maxLength={4000} aria-label={label} placeholder={t('reports.exportDialog.pathPlaceholder', { file: fileName })} autoComplete="off" spellCheck={false} data-testid="report-export-path" />;
  const rules = [
    { required: true, whitespace: true, message: t('exports.center.pathRequired') },
    {
      validator: async (_: unknown, value: string | undefined) => {
        const path = value?.trim() ?? '';
        if (path && !isFullPath(path)) throw new Error(t('exports.center.pathNotAbsolute', { path }));
        if (path && !path.toLowerCase().endsWith('.xlsx')) throw new Error(t('exports.center.wrongExtension', { extension: '.xlsx' }));
      },
    },
  ];
  return (
    <Modal
      open
      title={t('reports.exportDialog.title', { report: title })}
      onCancel={onClose}
      okText={t('reports.exportDialog.ok')}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'report-export-ok' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ path: '' }} onFinish={(v) => void run(v.path, false)}>
        <Typography.Paragraph type="secondary">{t('reports.exportDialog.languageNote')}</Typography.Paragraph>
        {desktop ? (
          <Form.Item label={label} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="path" noStyle validateTrigger="onSubmit" rules={rules}>
                {input}
              </Form.Item>
              <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder()} loading={pick.isPending} data-testid="report-export-choose">
                {t('exports.center.chooseFolder')}
              </Button>
            </Space.Compact>
          </Form.Item>
        ) : (
          <Form.Item name="path" label={label} validateTrigger="onSubmit" rules={rules}>
            {input}
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ReportExportButton(props: { request: Request; title: string; fileName: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} disabled={props.disabled} data-testid="report-export">
        {t('reports.export')}
      </Button>
      {open && <ReportExportDialog request={props.request} title={props.title} fileName={props.fileName} onClose={() => setOpen(false)} />}
    </>
  );
}
