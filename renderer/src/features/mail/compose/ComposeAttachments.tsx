import { CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Tooltip } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES } from '../../../../../shared/domain/mail-outbox.ts';
import { useLanguage } from '../../../ui/time-format.ts';
import { formatSize } from '../../../ui/format-size.ts';
import { attachmentBytes, overAttachmentLimit, type ComposeAttachment } from './compose-helpers.ts';

interface Props {
  attachments: readonly ComposeAttachment[];
  /** Files being read from disk; the send button waits for them. */
  reading: number;
  onPick(files: File[]): void;
  onRemove(key: string): void;
}

/** The mail's files — forwarded and picked alike — each removable, with the total against the limit. */
export function ComposeAttachments({ attachments, reading, onPick, onRemove }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const total = attachmentBytes(attachments);
  const over = overAttachmentLimit(total);
  const size = (bytes: number) => formatSize(t, bytes, language);

  return (
    <div className="compose-attachments" data-testid="mail-compose-attachments">
      <div className="compose-attachments-head">
        <Button size="small" icon={<PaperClipOutlined />} onClick={() => input.current?.click()} loading={reading > 0} data-testid="mail-compose-attach">
          {t('mail.composer.attachFiles')}
        </Button>
        {/* Hidden: the button opens it; the same file can be picked again after removing it. */}
        <input
          ref={input}
          type="file"
          multiple
          style={{ display: 'none' }}
          data-testid="mail-compose-file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) onPick(files);
          }}
        />
        {attachments.length > 0 && (
          <span className={over ? 'compose-attachments-total over' : 'compose-attachments-total muted'} data-testid="mail-compose-attachments-total">
            {t('mail.composer.totalSize', { size: size(total), max: size(MAX_ATTACHMENT_BYTES) })}
          </span>
        )}
      </div>
      {attachments.length > 0 && (
        <ul className="compose-attachment-list">
          {attachments.map((a) => (
            <li key={a.key} data-testid="mail-compose-attachment" data-kind={a.kind}>
              <PaperClipOutlined className="muted" />
              <span className="cell" title={a.filename ?? undefined}>
                {a.filename ?? t('mail.reader.unnamedAttachment')}
              </span>
              <span className="muted">{size(a.size)}</span>
              <Tooltip title={t('mail.composer.removeAttachment')}>
                <Button
                  size="small"
                  type="text"
                  icon={<CloseOutlined />}
                  aria-label={t('mail.composer.removeAttachment')}
                  onClick={() => onRemove(a.key)}
                  data-testid="mail-compose-attachment-remove"
                />
              </Tooltip>
            </li>
          ))}
        </ul>
      )}
      {over && (
        <Alert type="error" showIcon title={t('mail.composer.tooLarge', { max: size(MAX_ATTACHMENT_BYTES) })} data-testid="mail-compose-too-large" />
      )}
    </div>
  );
}
