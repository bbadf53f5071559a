import { DownloadOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../shared/contract/contract.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { PathField, useAskToReplace, useChooseFolder } from '../imports/export-target.tsx';

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
  const { message } = useFeedback();
  const write = useMutationCall('reports.exportXlsx');
  const askToReplace = useAskToReplace();
  const folder = useChooseFolder(form, 'path', () => fileName);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  const run = (path: string) =>
    askToReplace(path.trim(), async (overwrite) => {
      const written = await write.mutateAsync({ ...request, path: path.trim(), language, overwrite } as ExportInput);
      void message.success(t('reports.exportDialog.done', { file: written.path }));
      onClose();
    });

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
      <Form form={form} layout="vertical" initialValues={{ path: '' }} onFinish={(v) => void run(v.path)}>
        <Typography.Paragraph type="secondary">{t('reports.exportDialog.languageNote')}</Typography.Paragraph>
        <PathField
          name="path"
          label={t('reports.exportDialog.path')}
          placeholder={t('reports.exportDialog.pathPlaceholder', { file: fileName })}
          extension={() => '.xlsx'}
          testId="report-export-path"
          folder={folder}
        />
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
