import { CloudUploadOutlined, FolderOpenOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Progress, Space, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { onEvent } from '../../api/client.ts';
import { useFormErrorHandler, useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useLanguage, useTimeFormat } from '../../ui/time-format.ts';
import { formatSize } from '../../ui/format-size.ts';
import { useFeedback } from '../../app/feedback.ts';

type Backup = CallOutput<'backups.list'>[number];
type Restored = CallOutput<'backups.restore'>;

/**
 * The backup folder is chosen, not typed, where the host has a folder dialog (the desktop app);
 * the web host has none, so there the path is typed. Either way the settings service checks it
 * (absolute, writable, outside the app) and a refusal shows under the field.
 */
function BackupFolderForm({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ backupFolder: string }>();
  const update = useMutationCall('settings.update');
  const pick = useMutationCall('app.pickFolder');
  const info = useCall('app.getInfo', {});
  const picker = info.data?.host === 'electron';
  const queryClient = useQueryClient();
  const label = t('backups.folder');
  const onError = useFormErrorHandler(form, (path) => (path === 'backupFolder' ? label : undefined));

  useEffect(() => form.setFieldsValue({ backupFolder: folder }), [form, folder]);

  async function save({ backupFolder }: { backupFolder: string }): Promise<void> {
    try {
      await update.mutateAsync({ backupFolder });
      // The list shows the folder's files, but the service announces only a settings change.
      await queryClient.invalidateQueries({ queryKey: ['backups.list'] });
      void message.success(t('backups.folderSaved'));
    } catch (err) {
      onError(err);
    }
  }

  async function choose(): Promise<void> {
    try {
      const chosen = await pick.mutateAsync({ purpose: 'backupFolder', defaultPath: folder });
      if (chosen.path === null) return;
      form.setFieldsValue({ backupFolder: chosen.path });
      await save({ backupFolder: chosen.path });
    } catch (err) {
      onError(err);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
      <Form.Item label={label} extra={t(picker ? 'backups.folderHelpPicked' : 'backups.folderHelp')} style={{ marginBottom: 8 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="backupFolder" noStyle rules={[{ required: true, whitespace: true, message: t('validation.required', { field: label }) }]}>
            <Input maxLength={1000} aria-label={label} data-testid="backup-folder" readOnly={picker} />
          </Form.Item>
          {picker ? (
            <Button icon={<FolderOpenOutlined />} loading={pick.isPending || update.isPending} onClick={() => void choose()} data-testid="backup-folder-choose">
              {t('backups.chooseFolder')}
            </Button>
          ) : (
            <Button htmlType="submit" icon={<SaveOutlined />} loading={update.isPending} data-testid="backup-folder-save">
              {t('backups.folderSave')}
            </Button>
          )}
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}

/** Backup folder, daily automatic backups, "back up now" with progress, and verified restore. */
export function BackupSettings() {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = useTimeFormat();
  const { message, modal } = useFeedback();
  const showError = useShowError();
  const settings = useCall('settings.get', {});
  const backups = useCall('backups.list', {});
  const update = useMutationCall('settings.update');
  const create = useMutationCall('backups.create');
  const restore = useMutationCall('backups.restore');
  const [progress, setProgress] = useState<number | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);

  useEffect(
    () =>
      onEvent('backup.progress', ({ done, total }) => {
        setProgress(total > 0 ? Math.round((done / total) * 100) : null);
      }),
    [],
  );

  async function backUpNow(): Promise<void> {
    setProgress(0);
    try {
      const entry = await create.mutateAsync({});
      void message.success(t('backups.created', { file: entry.file }));
    } catch (err) {
      showError(err);
    } finally {
      setProgress(null);
    }
  }

  async function setAutomatic(on: boolean): Promise<void> {
    try {
      await update.mutateAsync({ backupEnabled: on });
      void message.success(t(on ? 'backups.automaticOn' : 'backups.automaticOff'));
    } catch (err) {
      showError(err);
    }
  }

  function confirmRestore(backup: Backup): void {
    modal.confirm({
      title: t('backups.restoreConfirm.title', { date: time.dateTime(backup.createdAt) }),
      icon: <HistoryOutlined />,
      width: 520,
      content: (
        <div data-testid="restore-confirm">
          <p>{t('backups.restoreConfirm.body', { file: backup.file })}</p>
          <p>
            <strong>{t('backups.restoreConfirm.keep')}</strong>
          </p>
        </div>
      ),
      okText: t('backups.restoreConfirm.ok'),
      okButtonProps: { danger: true, 'data-testid': 'restore-confirm-ok' },
      onOk: async () => {
        try {
          setRestored(null);
          setRestored(await restore.mutateAsync({ path: backup.path }));
          void message.success(t('backups.restored'));
        } catch (err) {
          showError(err);
        }
      },
    });
  }

  const columns: TableColumnsType<Backup> = [
    { key: 'file', title: t('backups.columns.file'), render: (_, b) => <code data-testid="backup-file">{b.file}</code> },
    { key: 'createdAt', title: t('backups.columns.createdAt'), width: 200, render: (_, b) => time.dateTime(b.createdAt) },
    { key: 'size', title: t('backups.columns.size'), width: 110, align: 'right', render: (_, b) => formatSize(t, b.size, language) },
    {
      key: 'actions',
      title: t('backups.columns.actions'),
      width: 120,
      render: (_, b) => (
        <Button size="small" icon={<HistoryOutlined />} onClick={() => confirmRestore(b)} disabled={restore.isPending} data-testid="backup-restore">
          {t('backups.restore')}
        </Button>
      ),
    },
  ];

  const s = settings.data;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 960 }} data-testid="backup-settings">
      {restored && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setRestored(null)}
          data-testid="restore-success"
          title={t('backups.restored')}
          description={
            <span>
              {t('backups.restoredDetail')} 
              <code data-testid="restore-replaced-path">{restored.replacedPath}</code>
            </span>
          }
        />
      )}
      {s && (
        <Card size="small">
          <BackupFolderForm folder={s.backupFolder} />
          <Space align="start" style={{ marginTop: 8 }}>
            <Switch checked={s.backupEnabled} loading={update.isPending} onChange={(on) => void setAutomatic(on)} data-testid="backup-automatic" />
            <div>
              <div>{t('backups.automatic')}</div>
              <Typography.Text type="secondary">{t('backups.automaticHelp', { count: s.backupKeep })}</Typography.Text>
            </div>
          </Space>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginTop: 16, flexWrap: 'wrap' }}>
            <Button type="primary" icon={<CloudUploadOutlined />} loading={create.isPending} onClick={() => void backUpNow()} data-testid="backup-now">
              {create.isPending ? t('backups.backingUp') : t('backups.backupNow')}
            </Button>
            {create.isPending && progress !== null && <Progress percent={progress} size="small" style={{ width: 200 }} data-testid="backup-progress" />}
            <Typography.Text type="secondary" data-testid="backup-last">
              {s.lastBackupAt === null ? t('backups.noBackupYet') : t('backups.lastBackup', { date: time.dateTime(s.lastBackupAt) })}
            </Typography.Text>
          </div>
        </Card>
      )}
      <Card size="small" title={t('backups.list')}>
        <Table<Backup>
          rowKey="path"
          size="small"
          pagination={false}
          loading={backups.isLoading || restore.isPending}
          columns={columns}
          dataSource={backups.data ?? []}
          onRow={(b) => ({ className: 'backup-row', 'data-testid': 'backup-row', 'data-file': b.file })}
          locale={{ emptyText: backups.isLoading ? ' ' : <EmptyState title={t('backups.empty')} testId="backups-empty" /> }}
        />
      </Card>
    </div>
  );
}
