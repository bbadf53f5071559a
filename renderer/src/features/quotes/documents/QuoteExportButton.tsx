import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeFileName } from '../../../../../shared/domain/file-names.ts';
import { useFeedback } from '../../../app/feedback.ts';
import { useMutationCall } from '../../../app/useCall.ts';
import { PathField, useAskToReplace, useChooseFolder } from '../../imports/export-target.tsx';

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
  const { message } = useFeedback();
  const pdf = useMutationCall('quotes.exportPdf');
  const xlsx = useMutationCall('quotes.exportXlsx');
  const askToReplace = useAskToReplace();
  const fileName = (format: Format) => `${safeFileName(number, 'quote')}.${format}`;
  const format = () => ((form.getFieldValue('format') as Format | undefined) ?? 'pdf');
  const folder = useChooseFolder(form, 'path', () => fileName(format()));

  const run = (values: Values) =>
    askToReplace(values.path.trim(), async (overwrite) => {
      const written = await (values.format === 'pdf' ? pdf : xlsx).mutateAsync({ id: quoteId, path: values.path.trim(), overwrite });
      void message.success(t('quoteDocuments.export.done', { file: written.path }));
      onClose();
    });

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
      <Form form={form} layout="vertical" initialValues={{ format: 'pdf', path: '' }} onFinish={(v) => void run(v)}>
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
        <PathField
          name="path"
          label={t('quoteDocuments.export.path')}
          placeholder={t('quoteDocuments.export.pathPlaceholder', { file: fileName('pdf') })}
          extension={() => `.${format()}`}
          testId="quote-export-path"
          folder={folder}
        />
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
