import { DeleteOutlined, EditOutlined, KeyOutlined, MailOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailAccount } from '../../../../../shared/contract/mail.contract.ts';
import { useShowError } from '../../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../../app/useCall.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { useTimeFormat } from '../../../ui/time-format.ts';
import { passwordAtHand, presetByKey } from './account-form.ts';
import { MailAccountFormDrawer } from './MailAccountFormDrawer.tsx';
import '../mail.css';
import { useFeedback } from '../../../app/feedback.ts';

type Editing = { account: MailAccount | null } | null;

/** The mail accounts with add, edit, sync and remove; Settings and the Mail page both show it. */
export function MailAccountsPanel() {
  const { t } = useTranslation();
  const accounts = useCall('mail.listAccounts', {});
  const [editing, setEditing] = useState<Editing>(null);
  const rows = accounts.data ?? [];

  return (
    <div className="mail-accounts-panel" data-testid="mail-accounts-panel">
      <div className="page-header" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('mail.accounts.intro')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ account: null })} data-testid="mail-account-add">
          {t('mail.accounts.add')}
        </Button>
      </div>
      {!accounts.isLoading && rows.length === 0 ? (
        <EmptyState title={t('mail.accounts.empty')} testId="mail-accounts-empty" />
      ) : (
        <List
          loading={accounts.isLoading}
          dataSource={rows}
          rowKey="id"
          renderItem={(account) => <AccountItem account={account} onEdit={() => setEditing({ account })} />}
        />
      )}
      {editing && <MailAccountFormDrawer key={editing.account?.id ?? 'new'} account={editing.account} onClose={() => setEditing(null)} />}
    </div>
  );
}

function AccountItem({ account, onEdit }: { account: MailAccount; onEdit(): void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { modal, message } = useFeedback();
  const showError = useShowError();
  const remove = useMutationCall('mail.removeAccount');
  const syncNow = useMutationCall('mail.syncNow');
  const provider = presetByKey(account.provider)?.name ?? t('mail.form.customProvider');

  const confirmRemove = () =>
    modal.confirm({
      title: t('mail.accounts.removeTitle', { email: account.email }),
      content: t('mail.accounts.removeBody'),
      okText: t('mail.accounts.remove'),
      okButtonProps: { danger: true, 'data-testid': 'mail-account-remove-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: account.id });
          void message.success(t('mail.accounts.removed', { email: account.email }));
        } catch (err) {
          showError(err);
        }
      },
    });

  async function sync(): Promise<void> {
    try {
      await syncNow.mutateAsync({ accountId: account.id });
      void message.info(t('mail.accounts.syncStarted'));
    } catch (err) {
      showError(err);
    }
  }

  return (
    <Card size="small" className="mail-account-card" data-testid="mail-account-row" data-email={account.email}>
      <div className="page-header">
        <MailOutlined />
        <div style={{ flex: 1, minWidth: 0 }}>
          <div>
            <strong>{account.name}</strong> {account.name !== account.email && <span className="muted">{account.email}</span>}
          </div>
          <div className="muted">
            {provider}
            {account.kind === 'pop3' && ` · ${t('mail.accounts.pop3Label')}`}
            {account.imap && ` · ${account.imap.host}:${account.imap.port}`}
            {' · '}
            {account.lastSyncAt ? t('mail.accounts.lastSync', { time: time.relative(account.lastSyncAt) }) : t('mail.accounts.neverSynced')}
          </div>
        </div>
        {!account.syncEnabled && <Tag>{t('mail.accounts.state.disabled')}</Tag>}
        <Space wrap>
          <Button size="small" icon={<SyncOutlined />} disabled={!passwordAtHand(account)} loading={syncNow.isPending} onClick={() => void sync()} data-testid="mail-account-sync">
            {t('mail.accounts.syncNow')}
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="mail-account-edit">
            {t('mail.accounts.edit')}
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={confirmRemove} data-testid="mail-account-remove">
            {t('mail.accounts.remove')}
          </Button>
        </Space>
      </div>
      {account.passwordKept === 'session' && (
        <Alert type="info" showIcon icon={<KeyOutlined />} style={{ marginTop: 8 }} title={t('mail.accounts.passwordSessionOnly', { email: account.email })} data-testid="mail-account-password-session" />
      )}
      {!passwordAtHand(account) && (
        <Alert
          type="warning"
          showIcon
          icon={<KeyOutlined />}
          style={{ marginTop: 8 }}
          title={t('mail.accounts.needsPassword', { email: account.email })}
          action={
            <Button size="small" onClick={onEdit} data-testid="mail-account-enter-password">
              {t('mail.accounts.enterPassword')}
            </Button>
          }
          data-testid="mail-account-needs-password"
        />
      )}
      {account.lastSyncError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={t('mail.accounts.state.error')}
          description={
            <>
              {/* What failed in the user's words (a step without its own sentence shows only the server's). */}
              {t(`mail.accounts.syncStep.${account.lastSyncError.step}`, { defaultValue: '' })} <code>{account.lastSyncError.message}</code>
            </>
          }
          data-testid="mail-account-error"
        />
      )}
    </Card>
  );
}
