import { FileExcelOutlined, FileOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, translateError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { isFullPath } from './import-format.ts';
import { useDropPath } from './MailImportForm.tsx';

/**
 * The first step: which file. Dropped on the box (the desktop app knows a dropped file's path),
 * chosen with the system's dialog (desktop app), or typed — the web host has neither, so there
 * the full path is typed or pasted. Enter or the button reads the file; a file that cannot be
 * read is said under the field, and nothing moves on.
 */
export function ContactImportFile({ initialPath, onOpen }: { initialPath: string; onOpen(path: string): Promise<void> }) {
  const { t } = useTranslation();
  const [path, setPath] = useState(initialPath);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const picker = useCall('app.getInfo', {}).data?.host === 'electron';
  const pick = useMutationCall('app.pickFolder');
  const drop = useDropPath(
    (dropped) => void read(dropped),
    (problem) => setError(t(`imports.center.form.${problem}`)),
  );
  const label = t('contactImport.center.file.path');

  async function read(value: string): Promise<void> {
    const trimmed = value.trim();
    setPath(trimmed);
    if (!trimmed) return setError(t('contactImport.center.file.required'));
    if (!isFullPath(trimmed)) return setError(t('imports.center.form.pathNotAbsolute', { path: trimmed }));
    setError(null);
    setReading(true);
    try {
      await onOpen(trimmed);
    } catch (err) {
      setError(translateError(t, toAppError(err)));
    } finally {
      setReading(false);
    }
  }

  async function choose(): Promise<void> {
    try {
      const chosen = await pick.mutateAsync({ purpose: 'contactSheetFile', ...(isFullPath(path) ? { defaultPath: path } : {}) });
      if (chosen.path !== null) await read(chosen.path);
    } catch (err) {
      setError(translateError(t, toAppError(err)));
    }
  }

  return (
    <div className={`contact-import-file import-form${drop.dragging ? ' import-form-dragging' : ''}`} data-testid="contact-import-file" {...drop.handlers}>
      <div className="contact-import-drop">
        <FileExcelOutlined className="contact-import-drop-icon" />
        <Typography.Text strong>{t('contactImport.center.file.drop')}</Typography.Text>
        <Typography.Text type="secondary">{t('contactImport.center.file.dropHint')}</Typography.Text>
      </div>
      <Form layout="vertical" component="div">
        <Form.Item
          label={label}
          required
          validateStatus={error ? 'error' : undefined}
          help={error ? <span data-testid="contact-import-path-error">{error}</span> : undefined}
          extra={t(picker ? 'contactImport.center.file.helpPicked' : 'contactImport.center.file.help')}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={path}
              onChange={(e) => {
                setPath(e.target.value);
                setError(null);
              }}
              onPressEnter={(e) => {
                if (!e.nativeEvent.isComposing) void read(path);
              }}
              maxLength={4000}
              aria-label={label}
              placeholder={t('contactImport.center.file.placeholder')}
              data-testid="contact-import-path"
              autoComplete="off"
              spellCheck={false}
              autoFocus
            />
            {picker && (
              <Button icon={<FileOutlined />} onClick={() => void choose()} loading={pick.isPending} data-testid="contact-import-choose">
                {t('contactImport.center.file.choose')}
              </Button>
            )}
          </Space.Compact>
        </Form.Item>
      </Form>
      <div className="import-form-actions">
        <Button type="primary" icon={<RightOutlined />} iconPlacement="end" loading={reading} onClick={() => void read(path)} data-testid="contact-import-read">
          {t('contactImport.center.file.next')}
        </Button>
      </div>
    </div>
  );
}
