import { EditOutlined, KeyOutlined, MailOutlined, PlusOutlined, SettingOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Skeleton, Tooltip, Typography } from 'antd';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailAccount } from '../../../../shared/contract/mail.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { passwordAtHand } from './accounts/account-form.ts';
import { MailAccountFormDrawer } from './accounts/MailAccountFormDrawer.tsx';
import { MailAccountsPanel } from './accounts/MailAccountsPanel.tsx';
import { FolderTree } from './FolderTree.tsx';
import { defaultFolderId } from './mail-folders.ts';
import { mailHref, parseMailSelection, parseMailView, type MailSelection } from './mail-route.ts';
import { MailViewLinks } from './MailViewLinks.tsx';
import { OutboxPane } from './outbox/OutboxPane.tsx';
import { TemplatesPane } from './templates/TemplatesPane.tsx';
import { useComposer } from './compose/useComposer.tsx';
import { MessageList } from './MessageList.tsx';
import { ReadingPane } from './ReadingPane.tsx';
import { useMessageKeys } from './useMessageKeys.ts';
import { useMessagePages } from './useMessagePages.ts';
import { useSyncProgress } from './useSyncProgress.ts';
import { useReplyAction } from './compose/useReplyAction.tsx';
import './mail.css';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFeedback } from '../../app/feedback.ts';

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Selection lives in the hash; replace, so moving through a folder does not fill the back button. */
function select(selection: MailSelection): void {
  const href = mailHref(selection);
  if (window.location.hash !== href) window.location.replace(href);
}

type AccountDialog = { account: MailAccount | null } | 'list' | null;

/** Accounts and folders, the message list, and the reading pane. */
export function MailPage() {
  const { t } = useTranslation();
  const accounts = useCall('mail.listAccounts', {});
  const statuses = useCall('mail.syncStatus', {});
  const progress = useSyncProgress();
  const showError = useShowError();
  const { message } = useFeedback();
  const syncNow = useMutationCall('mail.syncNow');
  const [dialog, setDialog] = useState<AccountDialog>(null);
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash);
  const selection = parseMailSelection(hash);
  const view = parseMailView(hash);
  const folderId = selection.folderId ?? defaultFolderId(statuses.data);
  const composer = useComposer();
  const canWrite = (accounts.data ?? []).some((a) => a.kind === 'imap' && a.smtp !== null);
  const openComposer = composer.open;
  const compose = useCallback(() => openComposer({ kind: 'new' }), [openComposer]);
  // c or n writes a new mail from anywhere on the page (the list's own keys are in FolderMessages).
  useMessageKeys({ compose }, canWrite && dialog === null);

  const sync = useCallback(
    async (accountId: string | null) => {
      try {
        const { started } = await syncNow.mutateAsync({ accountId });
        if (started.length === 0) void message.info(t('mail.accounts.alreadySyncing'));
      } catch (err) {
        showError(err);
      }
    },
    [syncNow, message, t, showError],
  );

  if (accounts.isLoading) {
    return (
      <div className="page">
        <Skeleton active />
      </div>
    );
  }
  const list = accounts.data ?? [];
  const dialogs = (
    <>
      {dialog === 'list' && (
        <Drawer open size={720} title={t('mail.accounts.title')} onClose={() => setDialog(null)} data-testid="mail-accounts-drawer">
          <MailAccountsPanel />
        </Drawer>
      )}
      {dialog !== null && dialog !== 'list' && <MailAccountFormDrawer account={dialog.account} onClose={() => setDialog(null)} />}
    </>
  );

  if (list.length === 0) {
    return (
      <div className="page" data-testid="mail-page">
        <PageTitle>
          {t('mail.title')}
        </PageTitle>
        <EmptyState
          testId="mail-no-accounts"
          title={
            <>
              <Typography.Title level={4}>{t('mail.empty.title')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ maxWidth: 520, margin: '0 auto' }}>
                {t('mail.empty.body')}
              </Typography.Paragraph>
            </>
          }
          action={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ account: null })} data-testid="mail-add-first-account">
              {t('mail.empty.add')}
            </Button>
          }
        />
        {dialogs}
      </div>
    );
  }

  const needPassword = list.filter((a) => !passwordAtHand(a));
  return (
    <div className="mail-page" data-testid="mail-page">
      {needPassword.map((account) => (
        <Alert
          key={account.id}
          type="warning"
          showIcon
          icon={<KeyOutlined />}
          className="mail-page-banner"
          title={t('mail.accounts.needsPassword', { email: account.email })}
          action={
            <Button size="small" onClick={() => setDialog({ account })} data-testid="mail-enter-password">
              {t('mail.accounts.enterPassword')}
            </Button>
          }
          data-testid="mail-needs-password"
        />
      ))}
      <div className="mail-panes">
        <aside className="mail-folders-pane">
          <div className="mail-pane-head">
            <PageTitle level={4}>
              <MailOutlined /> {t('mail.title')}
            </PageTitle>
            <span style={{ flex: 1 }} />
            <Tooltip title={t('mail.accounts.syncAll')}>
              <Button size="small" type="text" icon={<SyncOutlined />} aria-label={t('mail.accounts.syncAll')} onClick={() => void sync(null)} data-testid="mail-sync-all" />
            </Tooltip>
            <Tooltip title={t('mail.accounts.manage')}>
              <Button size="small" type="text" icon={<SettingOutlined />} aria-label={t('mail.accounts.manage')} onClick={() => setDialog('list')} data-testid="mail-manage-accounts" />
            </Tooltip>
          </div>
          <div className="mail-new-button">
            <Tooltip title={t('mail.composer.newMailHint')} placement="right">
              <Button type="primary" block icon={<EditOutlined />} disabled={!canWrite} onClick={compose} data-testid="mail-new">
                {t('mail.composer.newMail')}
              </Button>
            </Tooltip>
          </div>
          <MailViewLinks view={view.view} />
          <FolderTree
            accounts={list}
            statuses={statuses.data ?? []}
            progress={progress}
            selectedFolderId={view.view ? null : folderId}
            onSelect={(id) => select({ folderId: id, messageId: null })}
            onSyncNow={(id) => void sync(id)}
            onEditAccount={(account) => setDialog({ account })}
          />
        </aside>
        {view.view === 'outbox' ? (
          <OutboxPane batchId={view.batchId} customerId={view.customerId} />
        ) : view.view === 'templates' ? (
          <TemplatesPane />
        ) : folderId ? (
          <FolderMessages key={folderId} folderId={folderId} messageId={selection.messageId} />
        ) : (
          <div className="mail-empty-pane">
            <EmptyState title={statuses.isLoading ? t('mail.list.loading') : t('mail.list.noFolders')} testId="mail-no-folders" />
          </div>
        )}
      </div>
      {dialogs}
      {composer.element}
    </div>
  );
}

/** The list of one folder and the reading pane beside it, with the list's keyboard shortcuts. */
function FolderMessages({ folderId, messageId }: { folderId: string; messageId: string | null }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const onRangeChange = useCallback((first: number, last: number) => setRange([first, last]), []);
  const pages = useMessagePages({ folderId }, range[0], range[1]);
  // The selected message's place in the list; a keyboard move onto a row still loading waits here.
  const [pendingIndex, setPendingIndex] = useState(-1);
  const reply = useReplyAction();
  const total = pages.total ?? 0;
  const loadedIndex = messageId ? pages.indexOf(messageId) : -1;
  const activeIndex = loadedIndex >= 0 ? loadedIndex : pendingIndex;

  const choose = useCallback(
    (id: string, index: number) => {
      setPendingIndex(index);
      select({ folderId, messageId: id });
    },
    [folderId],
  );

  useMessageKeys({
    move(step) {
      const next = Math.min(total - 1, Math.max(0, activeIndex + step));
      const row = pages.rowAt(next);
      if (row) choose(row.id, next);
      else setPendingIndex(next);
    },
    open() {
      const row = pages.rowAt(activeIndex);
      if (row) choose(row.id, activeIndex);
    },
    reply: messageId ? () => reply.open(messageId, 'reply') : undefined,
  });

  return (
    <>
      <section className="mail-list-pane" data-testid="mail-list-pane">
        <div className="mail-pane-head muted" data-testid="mail-list-count">
          {pages.total === null ? '' : t('mail.list.count', { count: pages.total })}
        </div>
        <MessageList
          pages={pages}
          activeId={messageId}
          activeIndex={activeIndex}
          onSelect={choose}
          onRangeChange={onRangeChange}
          resetKey={folderId}
          emptyText={t('mail.list.empty')}
        />
        <div className="mail-shortcuts muted">{t('mail.shortcuts.hint')}</div>
      </section>
      <section className="mail-reader-pane">
        {messageId ? (
          <ReadingPane messageId={messageId} actions={reply.buttons} shortcuts />
        ) : (
          <EmptyState title={t('mail.reader.empty')} testId="mail-reader-empty" />
        )}
      </section>
      {reply.drawer}
    </>
  );
}
