import { FilePdfOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeFileName } from '../../../../../shared/domain/file-names.ts';
import { toAppError, useShowError } from '../../../app/app-errors.ts';
import { useFeedback } from '../../../app/feedback.ts';
import { useCall, useMutationCall } from '../../../app/useCall.ts';
import { inFolder } from '../../imports/export-paths.ts';
import { isFullPath } from '../../imports/import-format.ts';

/**
 * "Export…" for one quote: its PDF on the letterhead or its .xlsx, in the quote's own language,
 * saved where the user says — a full path typed (the web host has no dialog) or, in the desktop
 * app, a folder chosen with the system's dialog and joined with "<number>.pdf". An existing file
 * is replaced only after the user says so, as every export does.
 */

type Format = 'pdf' | 'xlsx';
interface Values {
  format: Format;
  path: string;
}

const withExtension = (path: string, format: Format) => path.replace(/\.(pdf|xlsx)$/i, '') + `.${format}`;

function QuoteExportDialog({ quoteId, number, onClose }: { quoteId: string; number: string; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message, modal } = useFeedback();
  const showError = useShowError();
  const desktop = useCall('app.getInfo', {}).data?.host === 'electron';
  const pick = useMutationCall('app.pickFolder');
  const pdf = useMutationCall('quotes.exportPdf');
  const xlsx = useMutationCall('quotes.exportXlsx');
  const fileName = (format: Format) => `${safeFileName(number, 'quote')}.${format}`;

  async function run(values: Values, overwrite: boolean): Promise<void> {
    const input = { id: quoteId, path: values.path.trim(), overwrite };
    try {
      const written = await (values.format === 'pdf' ? pdf : xlsx).mutateAsync(input);
      void message.success(t('quoteDocuments.export.done', { file: written.path }));
      onClose();
    } catch (err) {
      const error = toAppError(err);
      if (error.message !== 'exports.errors.exists') return showError(err);
      modal.confirm({
        title: t('exports.center.replaceTitle'),
        content: t('exports.center.replaceBody', { file: error.params?.file ?? input.path }),
        okText: t('exports.center.replace'),
        okButtonProps: { danger: true, 'data-testid': 'quote-export-replace' },
        cancelText: t('common.cancel'),
        onOk: () => void run(values, true),
      });
    }
  }

  async function chooseFolder(): Promise<void> {
    try {
      const current = form.getFieldValue('path') as string | undefined;
      const chosen = await pick.mutateAsync({ purpose: 'exportFolder', ...(current && isFullPath(current) ? { defaultPath: current } : {}) });
      if (chosen.path !== null) form.setFieldsValue({ path: inFolder(chosen.path, current, fileName(form.getFieldValue('format') as Format)) });
    } catch (err) {
      showError(err);
    }
  }

  const label = t('quoteDocuments.export.path');
  const pathInput = <Input maxLength={4000} aria-label={label} placeholder={t('quoteDocuments.export.pathPlaceholder', { file: fileName('pdf') })} autoComplete="off" spellCheck={false} data-testid="quote-export-path" />;
  const pathRules = [
    { required: true, whitespace: true, message: t('exports.center.pathRequired') },
    {
      validator: async (_: unknown, value: string | undefined) => {
        const path = value?.trim() ?? '';
        if (path && !isFullPath(path)) throw new Error(t('exports.center.pathNotAbsolute', { path }));
      },
    },
  ];
  return (
    <Modal
      open
      title={t('quoteDocuments.export.title', { number })}
      onCancel={onClose}
      okText={t('quoteDocuments.export.ok')}
      okButtonProps={{ loading: pdf.isPending || xlsx.isPending, 'data-testid': 'quote-export-ok' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ format: 'pdf', path: '' }} onFinish={(v) => void run(v, false)}>
        <Form.Item name="format" label={t('quoteDocuments.export.format')} extra={t('quoteDocuments.export.languageNote')}>
          <Radio.Group
            data-testid="quote-export-format"
            onChange={(e) => {
              const path = (form.getFieldValue('path') as string | undefined) ?? '';
              if (path) form.setFieldsValue({ path: withExtension(path, e.target.value as Format) });
            }}
            options={[
              { value: 'pdf', label: t('quoteDocuments.export.pdf') },
              { value: 'xlsx', label: t('quoteDocuments.export.xlsx') },
            ]}
          />
        </Form.Item>
        {desktop ? (
          <Form.Item label={label} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="path" noStyle validateTrigger="onSubmit" rules={pathRules}>
                {pathInput}
              </Form.Item>
              <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder()} loading={pick.isPending} data-testid="quote-export-choose">
                {t('exports.center.chooseFolder')}
              </Button>
            </Space.Compact>
          </Form.Item>
        ) : (
          <Form.Item name="path" label={label} validateTrigger="onSubmit" rules={pathRules}>
            {pathInput}
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The button and its dialog; put it wherever a quote is shown. */
export function QuoteExportButton({ quoteId, number }: { quoteId: string; number: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FilePdfOutlined />} onClick={() => setOpen(true)} data-testid="quote-export">
        {t('quoteDocuments.export.button')}
      </Button>
      {open && <QuoteExportDialog quoteId={quoteId} number={number} onClose={() => setOpen(false)} />}
    </>
  );
}
