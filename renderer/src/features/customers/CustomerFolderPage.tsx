import { ArrowLeftOutlined, CalendarOutlined, CheckSquareOutlined, DeleteOutlined, DownOutlined, EditOutlined, FileTextOutlined, PhoneOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Result, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, Contact, CustomerDetail } from '../../../../shared/contract/customers.contract.ts';
import type { ActivityKind } from '../../../../shared/domain/customer-enums.ts';
import { toAppError, translateError, useShowError } from '../../app/app-errors.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { CustomerFacts } from '../../ui/CustomerFacts.tsx';
import { ActivityFormModal } from './ActivityFormModal.tsx';
import { ContactFormModal } from './ContactFormModal.tsx';
import { ContactsTab } from './ContactsTab.tsx';
import { useCustomerEditor } from './CustomerEditorProvider.tsx';
import { DetailsTab } from './DetailsTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';
import { CustomerMailTab } from '../mail/CustomerMailTab.tsx';
import { MessageDrawer } from '../mail/MessageDrawer.tsx';
import { useComposer } from '../mail/compose/useComposer.tsx';
import { CustomerOutboxAlert } from '../mail/outbox/CustomerOutboxAlert.tsx';
import { CustomerSamplesTab } from '../samples/CustomerSamplesTab.tsx';
import { CustomerQuotesTab } from '../quotes/CustomerQuotesTab.tsx';
import { CustomerPaymentsTab } from '../payments/CustomerPaymentsTab.tsx';
import { CustomerValuePanel } from '../scores/CustomerValuePanel.tsx';
import { CustomerTasksTab } from '../tasks/CustomerTasksTab.tsx';
import { openTaskForm } from '../tasks/task-form-store.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useFeedback } from '../../app/feedback.ts';

type TabKey = 'timeline' | 'mail' | 'contacts' | 'details' | 'samples' | 'quotes' | 'payments' | 'tasks';
type ActivityDialog = { activity: Activity | null; kind: ActivityKind } | null;
type ContactDialog = { contact: Contact | null } | null;

export function CustomerFolderPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const customer = useCall('customers.get', { id });
  const [tab, setTab] = useState<TabKey>('timeline');
  const [activityDialog, setActivityDialog] = useState<ActivityDialog>(null);
  const [contactDialog, setContactDialog] = useState<ContactDialog>(null);
  const [openMessageId, setOpenMessageId] = useState<string | null>(null);
  const composer = useComposer();

  if (customer.isLoading) {
    return (
      <div className="page">
        <Skeleton active />
      </div>
    );
  }
  if (!customer.data) {
    const error = customer.error ? toAppError(customer.error) : null;
    return (
      <div className="page">
        <Result
          status={error?.code === 'notFound' ? '404' : 'error'}
          title={error ? translateError(t, error) : t('errors.customerNotFound')}
          extra={<Button onClick={() => navigate({ page: 'customers' })}>{t('folder.backToList')}</Button>}
          data-testid="customer-not-found"
        />
      </div>
    );
  }

  const detail = customer.data;
  const writeTo = (contact: Contact) => composer.open({ kind: 'new', contactId: contact.id });
  const logActivity = (kind: ActivityKind) => {
    setTab('timeline');
    setActivityDialog({ activity: null, kind });
  };

  return (
    <div className="page" data-testid="customer-folder" data-customer-id={detail.id}>
      <FolderHeader customer={detail} onLog={logActivity} onWrite={writeTo} />
      <CustomerOutboxAlert customerId={detail.id} />
      <CustomerValuePanel customerId={detail.id} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        items={[
          {
            key: 'timeline',
            label: <span data-testid="tab-timeline">{t('folder.tabs.timeline')}</span>,
            children: (
              <TimelineTab
                customerId={detail.id}
                onLog={logActivity}
                onEdit={(activity) => activity.kind !== 'task' && setActivityDialog({ activity, kind: activity.kind })}
                onOpenMessage={setOpenMessageId}
              />
            ),
          },
          {
            key: 'mail',
            label: <span data-testid="tab-mail">{t('mail.title')}</span>,
            children: <CustomerMailTab customerId={detail.id} />,
          },
          {
            key: 'contacts',
            label: (
              <span data-testid="tab-contacts">
                {t('folder.tabs.contacts')} <Tag>{detail.contacts.length}</Tag>
              </span>
            ),
            children: (
              <ContactsTab
                contacts={detail.contacts}
                onAdd={() => setContactDialog({ contact: null })}
                onEdit={(contact) => setContactDialog({ contact })}
                onWrite={writeTo}
              />
            ),
          },
          {
            key: 'tasks',
            label: <span data-testid="tab-tasks">{t('tasks.title')}</span>,
            children: <CustomerTasksTab customer={{ id: detail.id, name: detail.name, code: detail.code }} />,
          },
          {
            key: 'quotes',
            label: <span data-testid="tab-quotes">{t('quotes.customerTab')}</span>,
            children: <CustomerQuotesTab customerId={detail.id} />,
          },
          {
            key: 'payments',
            label: <span data-testid="tab-payments">{t('payments.tab')}</span>,
            children: <CustomerPaymentsTab customerId={detail.id} />,
          },
          {
            key: 'samples',
            label: <span data-testid="tab-samples">{t('samples.customerTab')}</span>,
            children: <CustomerSamplesTab customer={{ id: detail.id, name: detail.name, code: detail.code }} />,
          },
          {
            key: 'details',
            label: <span data-testid="tab-details">{t('folder.tabs.details')}</span>,
            children: <DetailsTab customer={detail} />,
          },
        ]}
      />
      {activityDialog && (
        <ActivityFormModal
          customerId={detail.id}
          contacts={detail.contacts}
          activity={activityDialog.activity}
          kind={activityDialog.kind}
          onClose={() => setActivityDialog(null)}
        />
      )}
      {openMessageId && <MessageDrawer messageId={openMessageId} onClose={() => setOpenMessageId(null)} />}
      {composer.element}
      {contactDialog && (
        <ContactFormModal customerId={detail.id} contact={contactDialog.contact} isFirst={detail.contacts.length === 0} onClose={() => setContactDialog(null)} />
      )}
    </div>
  );
}

/** Who "Write mail" in the header goes to: the primary contact with an email, else the first with one. */
function mailContact(customer: CustomerDetail): Contact | null {
  const withEmail = customer.contacts.filter((c) => c.channels.some((ch) => ch.kind === 'email'));
  return withEmail.find((c) => c.isPrimary) ?? withEmail[0] ?? null;
}

function FolderHeader({ customer, onLog, onWrite }: { customer: CustomerDetail; onLog(kind: ActivityKind): void; onWrite(contact: Contact): void }) {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const showError = useShowError();
  const editor = useCustomerEditor();
  const remove = useMutationCall('customers.remove');

  const confirmDelete = () =>
    modal.confirm({
      title: t('folder.deleteTitle', { name: customer.name }),
      content: t('folder.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ ids: [customer.id] });
          void message.success(t('folder.deleted', { code: customer.code }));
          navigate({ page: 'customers' });
        } catch (err) {
          showError(err);
        }
      },
    });


  return (
    <div className="folder-header">
      <div>
        <a href={hrefFor({ page: 'customers' })} data-testid="back-to-list">
          <ArrowLeftOutlined /> {t('folder.backToList')}
        </a>
      </div>
      <div className="folder-title-row">
        <Tag color="geekblue" style={{ fontSize: 14, padding: '2px 8px' }} data-testid="customer-code">
          {customer.code}
        </Tag>
        <PageTitle data-testid="customer-name">
          {customer.name}
        </PageTitle>
        {customer.localName && (
          <Typography.Text type="secondary" style={{ fontSize: 18 }} data-testid="customer-local-name">
            {customer.localName}
          </Typography.Text>
        )}
        <span style={{ flex: 1 }} />
        <Space wrap>
          <WriteMailButton contact={mailContact(customer)} onWrite={onWrite} />
          <Button icon={<PhoneOutlined />} onClick={() => onLog('call')} data-testid="action-log-call">
            {t('folder.actions.logCall')}
          </Button>
          <Button icon={<FileTextOutlined />} onClick={() => onLog('note')} data-testid="action-add-note">
            {t('folder.actions.addNote')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'meeting', icon: <TeamOutlined />, label: t('folder.actions.logMeeting') },
                { key: 'visit', icon: <CalendarOutlined />, label: t('folder.actions.logVisit') },
              ],
              onClick: ({ key }) => onLog(key as ActivityKind),
            }}
          >
            <Button data-testid="action-log-more">
              {t('folder.actions.logMeetingVisit')} <DownOutlined />
            </Button>
          </Dropdown>
          <Button
            icon={<CheckSquareOutlined />}
            onClick={() => openTaskForm({ taskId: null, preset: { customer: { id: customer.id, name: customer.name, code: customer.code } } })}
            data-testid="action-new-task"
          >
            {t('tasks.newTask')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => editor.openEdit(customer)} data-testid="action-edit">
            {t('common.edit')}
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="action-delete">
            {t('common.delete')}
          </Button>
        </Space>
      </div>
      <CustomerFacts customer={customer} />
      {customer.conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="customer-conflicts"
          title={t('folder.conflictTitle')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {customer.conflicts.map((c) => (
                <li key={`${c.id}-${c.domain}`}>
                  <a href={hrefFor({ page: 'customer', id: c.id })}>
                    {c.code} {c.name}
                  </a>{' '}
                  {t('folder.conflictLine', { owner: c.ownerName ?? t('customers.list.noOwner'), domain: c.domain })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}

function WriteMailButton({ contact, onWrite }: { contact: Contact | null; onWrite(contact: Contact): void }) {
  const { t } = useTranslation();
  const button = (
    <Button type="primary" icon={<SendOutlined />} disabled={!contact} onClick={() => contact && onWrite(contact)} data-testid="action-write-mail">
      {t('mail.composer.writeMail')}
    </Button>
  );
  // A disabled button says why on hover.
  return contact ? (
    <Tooltip title={t('mail.composer.writeMailTo', { name: contact.name })}>{button}</Tooltip>
  ) : (
    <Tooltip title={t('mail.composer.noContactEmail')}>
      <span>{button}</span>
    </Tooltip>
  );
}
