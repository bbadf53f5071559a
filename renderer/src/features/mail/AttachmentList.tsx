import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { MAX_ATTACHMENT_FETCH_BYTES } from '../../../../shared/domain/mail-content-limits.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useLanguage } from '../../ui/time-format.ts';
import { formatSize } from '../../ui/format-size.ts';
import { downloadAttachment } from './attachment-data.ts';

type Attachment = CallOutput<'mail.getMessage'>['attachments'][number];

/** The files of a message; inline images shown in the body are not repeated unless they have a name. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const showError = useShowError();
  const [busy, setBusy] = useState<string | null>(null);
  const files = attachments.filter((a) => !a.inline || a.filename);
  if (files.length === 0) return null;

  async function download(a: Attachment): Promise<void> {
    setBusy(a.id);
    try {
      await downloadAttachment(a.id, t('mail.reader.unnamedAttachment'));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="mail-attachments" data-testid="mail-attachments" aria-label={t('mail.reader.attachments')}>
      {files.map((a) => {
        const tooLarge = a.size > MAX_ATTACHMENT_FETCH_BYTES;
        const button = (
          <Button
            size="small"
            icon={busy === a.id ? undefined : <DownloadOutlined />}
            loading={busy === a.id}
            disabled={tooLarge}
            onClick={() => void download(a)}
            data-testid="mail-attachment"
            data-filename={a.filename ?? ''}
          >
            <PaperClipOutlined /> {a.filename ?? t('mail.reader.unnamedAttachment')} <span className="muted">{formatSize(t, a.size, language)}</span>
          </Button>
        );
        return tooLarge ? (
          <Tooltip key={a.id} title={t('mail.errors.attachmentTooLarge', { mb: Math.ceil(MAX_ATTACHMENT_FETCH_BYTES / 1024 / 1024) })}>
            {button}
          </Tooltip>
        ) : (
          <span key={a.id}>{button}</span>
        );
      })}
    </div>
  );
}
