import {
  CheckCircleFilled,
  DeleteOutlined,
  DisconnectOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  FileOutlined,
  FolderOutlined,
  InboxOutlined,
  PauseCircleOutlined,
  SendOutlined,
  StarOutlined,
  StopOutlined,
  SyncOutlined,
  ContainerOutlined,
  DatabaseOutlined,
} from '@ant-design/icons';
import { Badge, Button, Progress, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailAccount } from '../../../../shared/contract/mail.contract.ts';
import type { SpecialUse } from '../../../../shared/domain/mail-enums.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { passwordAtHand } from './accounts/account-form.ts';
import { folderDepth, folderSyncState, sortFolders, type AccountStatus, type MailFolder, type SyncProgress } from './mail-folders.ts';

const SPECIAL_ICONS: Record<SpecialUse, ReactNode> = {
  inbox: <InboxOutlined />,
  sent: <SendOutlined />,
  drafts: <FileOutlined />,
  trash: <DeleteOutlined />,
  junk: <StopOutlined />,
  archive: <ContainerOutlined />,
  all: <DatabaseOutlined />,
  flagged: <StarOutlined />,
};

interface Props {
  accounts: readonly MailAccount[];
  statuses: readonly AccountStatus[];
  progress: ReadonlyMap<string, SyncProgress>;
  selectedFolderId: string | null;
  onSelect(folderId: string): void;
  onSyncNow(accountId: string): void;
  onEditAccount(account: MailAccount): void;
}

/** Each account with its folders: special-use icons, unread counts and how far sync got. */
export function FolderTree({ accounts, statuses, progress, selectedFolderId, onSelect, onSyncNow, onEditAccount }: Props) {
  return (
    <nav className="mail-folder-tree" data-testid="mail-folders">
      {accounts.map((account) => {
        const status = statuses.find((s) => s.accountId === account.id);
        return (
          <div key={account.id} className="mail-account" data-testid="mail-account" data-email={account.email}>
            <AccountHeader account={account} status={status} progress={progress.get(account.id)} onSyncNow={onSyncNow} onEdit={onEditAccount} />
            {sortFolders(status?.folders ?? []).map((folder) => (
              <FolderRow key={folder.id} folder={folder} progress={progress.get(account.id)} selected={folder.id === selectedFolderId} onSelect={onSelect} />
            ))}
          </div>
        );
      })}
    </nav>
  );
}

function AccountHeader({
  account,
  status,
  progress,
  onSyncNow,
  onEdit,
}: {
  account: MailAccount;
  status: AccountStatus | undefined;
  progress: SyncProgress | undefined;
  onSyncNow(accountId: string): void;
  onEdit(account: MailAccount): void;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const state = progress ? 'syncing' : (status?.state ?? 'idle');
  const error = status?.lastSyncError;
  const stateIcon: Record<typeof state, ReactNode> = {
    idle: null,
    syncing: <SyncOutlined spin />,
    error: <ExclamationCircleOutlined className="mail-state-error" />,
    offline: <DisconnectOutlined className="muted" />,
    disabled: <PauseCircleOutlined className="muted" />,
  };
  const stateText = [
    t(`mail.accounts.state.${state}`),
    error && state !== 'syncing' ? [t(`mail.accounts.syncStep.${error.step}`, { defaultValue: '' }), error.message].filter(Boolean).join(' ') : null,
    status?.retryAt ? t('mail.accounts.retryAt', { time: time.relative(status.retryAt) }) : null,
    status?.lastSyncAt ? t('mail.accounts.lastSync', { time: time.relative(status.lastSyncAt) }) : t('mail.accounts.neverSynced'),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="mail-account-head" data-state={state}>
      <Tooltip title={stateText}>
        <span className="mail-account-name cell" data-testid="mail-account-name">
          {account.name}
        </span>
      </Tooltip>
      <span data-testid="mail-account-state" data-state={state} aria-label={stateText}>
        {stateIcon[state]}
      </span>
      <Tooltip title={t('mail.accounts.syncNow')}>
        <Button
          size="small"
          type="text"
          icon={<SyncOutlined spin={state === 'syncing'} />}
          aria-label={t('mail.accounts.syncNow')}
          disabled={!passwordAtHand(account) || !account.syncEnabled}
          onClick={() => onSyncNow(account.id)}
          data-testid="mail-sync-now"
        />
      </Tooltip>
      <Tooltip title={t('mail.accounts.edit')}>
        <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('mail.accounts.edit')} onClick={() => onEdit(account)} data-testid="mail-account-edit" />
      </Tooltip>
    </div>
  );
}

function FolderRow({ folder, progress, selected, onSelect }: { folder: MailFolder; progress: SyncProgress | undefined; selected: boolean; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const sync = folderSyncState(folder, progress);
  const name = folder.specialUse ? t(`mail.folders.special.${folder.specialUse}`) : folder.name;
  const title = {
    synced: t('mail.folders.synced', { count: folder.localCount }),
    syncing: t('mail.folders.syncing'),
    partial: sync.kind === 'partial' ? t('mail.folders.partial', { local: sync.local, server: sync.server }) : '',
    unknown: t('mail.folders.notSynced'),
  }[sync.kind];
  return (
    <button
      type="button"
      className={`mail-folder${selected ? ' selected' : ''}`}
      style={{ paddingLeft: 12 + folderDepth(folder) * 14 }}
      onClick={() => onSelect(folder.id)}
      aria-current={selected ? 'true' : undefined}
      data-testid="mail-folder"
      data-folder-id={folder.id}
      data-special-use={folder.specialUse ?? ''}
      data-sync={sync.kind}
      title={`${folder.path} — ${title}${folder.windowComplete ? '' : ` · ${t('mail.folders.olderPending')}`}`}
    >
      <span className="mail-folder-icon">{folder.specialUse ? SPECIAL_ICONS[folder.specialUse] : <FolderOutlined />}</span>
      <span className="mail-folder-name cell">{name}</span>
      {sync.kind === 'syncing' ? (
        <Progress className="mail-folder-progress" percent={sync.percent ?? 0} size="small" showInfo={false} status="active" data-testid="mail-folder-progress" />
      ) : sync.kind === 'synced' ? (
        <CheckCircleFilled className="mail-folder-synced" aria-label={title} data-testid="mail-folder-synced" />
      ) : null}
      {folder.unread > 0 && (
        <Badge
          count={folder.unread}
          overflowCount={999}
          size="small"
          color="#1d6fb8"
          title={t('nav.badges.folderUnread', { count: folder.unread })}
          data-testid="mail-folder-unread"
        />
      )}
    </button>
  );
}
