import { WarningOutlined } from '@ant-design/icons';
import { Alert, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../../shared/contract/contract.ts';
import type { CallError } from '../../../api/client.ts';
import { toAppError, translateError } from '../../../app/app-errors.ts';
import { addressFull } from '../mail-format.ts';

type Preview = CallOutput<'mail.previewTemplate'>;

/** A template rendered for one contact, as the mail will read; what came out empty is pointed out. */
export function TemplatePreviewCard({ preview, loading, error }: { preview: Preview | undefined; loading: boolean; error: CallError | null }) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={translateError(t, toAppError(error))} data-testid="template-preview-error" />;
  if (!preview) return loading ? <Skeleton active paragraph={{ rows: 4 }} /> : null;
  return (
    <div className="template-preview" data-testid="template-preview">
      <div className="mail-header-line">
        <span className="label">{t('mail.composer.to')}</span>
        {preview.to ? (
          <span data-testid="template-preview-to">{addressFull(preview.to)}</span>
        ) : (
          <Typography.Text type="warning" data-testid="template-preview-no-email">
            <WarningOutlined /> {t('mail.templates.previewNoEmail')}
          </Typography.Text>
        )}
      </div>
      <div className="mail-header-line">
        <span className="label">{t('mail.composer.subject')}</span>
        <strong data-testid="template-preview-subject">{preview.subject || t('mail.list.noSubject')}</strong>
      </div>
      <div className="template-preview-body" data-testid="template-preview-body">
        {preview.text ?? ''}
      </div>
      {preview.emptyPlaceholders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="template-preview-empty"
          title={t('mail.templates.emptyPlaceholders', {
            names: preview.emptyPlaceholders.map((p) => t(`mail.placeholders.${p}`)).join(', '),
            example: `{{${preview.emptyPlaceholders[0]} | …}}`,
          })}
        />
      )}
    </div>
  );
}
