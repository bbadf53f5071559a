import { ClockCircleOutlined, DeleteOutlined, MailOutlined, MergeCellsOutlined, SettingOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Badge, Layout, Menu } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerEditorProvider, loadCustomerFormDrawer } from '../features/customers/CustomerEditorProvider.tsx';
import { CustomerListPage } from '../features/customers/CustomerListPage.tsx';
import { useNotContactedCount, useReminderCounts } from '../features/reminders/useNotContactedCount.ts';
import { GlobalSearchBox } from '../features/search/GlobalSearchBox.tsx';
import { useMailUnreadCount } from '../features/mail/useMailUnreadCount.ts';
import { PageFallback } from '../ui/PageFallback.tsx';
import { firstScreenSettled } from './first-screen-calls.ts';
import { navigate, useRoute, type Route } from './router.ts';
import { useShortcuts } from './useShortcuts.ts';

/**
 * Only the customer list is in the first bundle; the other screens load on first use (and are
 * fetched in idle time after the first paint), which keeps start-up under a second.
 */
const loaders = {
  folder: () => import('../features/customers/CustomerFolderPage.tsx'),
  notContacted: () => import('../features/reminders/NotContactedPage.tsx'),
  mail: () => import('../features/mail/MailPage.tsx'),
  duplicates: () => import('../features/duplicates/DuplicatesPage.tsx'),
  trash: () => import('../features/trash/TrashPage.tsx'),
  settings: () => import('../features/settings/SettingsPage.tsx'),
  leads: () => import('../features/leads/LeadsPage.tsx'),
  search: () => import('../features/search/SearchPage.tsx'),
  customerForm: loadCustomerFormDrawer,
  transferOwner: () => import('../features/owners/TransferOwnerDialog.tsx'),
};
const CustomerFolderPage = lazy(() => loaders.folder().then((m) => ({ default: m.CustomerFolderPage })));
const NotContactedPage = lazy(() => loaders.notContacted().then((m) => ({ default: m.NotContactedPage })));
const MailPage = lazy(() => loaders.mail().then((m) => ({ default: m.MailPage })));
const DuplicatesPage = lazy(() => loaders.duplicates().then((m) => ({ default: m.DuplicatesPage })));
const TrashPage = lazy(() => loaders.trash().then((m) => ({ default: m.TrashPage })));
const SettingsPage = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsPage })));
const LeadsPage = lazy(() => loaders.leads().then((m) => ({ default: m.LeadsPage })));
const SearchPage = lazy(() => loaders.search().then((m) => ({ default: m.SearchPage })));

/** How long after the first screen's data the other screens start loading (not while it renders). */
const PRELOAD_DELAY_MS = 1500;

/**
 * Fetches the other screens once the first screen is up: after its data is in and a moment has
 * passed, in idle time, so their code is not evaluated while the first rows render and paint (or
 * while the user starts to scroll and type).
 */
function usePreloadScreens(): void {
  useEffect(() => {
    let cancel = () => {};
    let active = true;
    void firstScreenSettled().then(() => {
      if (!active) return;
      const preload = () => Object.values(loaders).forEach((load) => void load());
      const timer = window.setTimeout(() => {
        if (!window.requestIdleCallback) return preload();
        const handle = window.requestIdleCallback(preload, { timeout: 3000 });
        cancel = () => window.cancelIdleCallback(handle);
      }, PRELOAD_DELAY_MS);
      cancel = () => window.clearTimeout(timer);
    });
    return () => {
      active = false;
      cancel();
    };
  }, []);
}

type NavPage = 'customers' | 'mail' | 'notContacted' | 'leads' | 'duplicates' | 'trash' | 'settings';

/** The nav entry to highlight; search results belong to no entry. */
function navPageOf(route: Route): NavPage | null {
  if (route.page === 'search') return null;
  return route.page === 'customer' ? 'customers' : route.page;
}

function PageFor({ route }: { route: Route }): ReactNode {
  switch (route.page) {
    case 'customers':
      return <CustomerListPage />;
    case 'customer':
      return <CustomerFolderPage key={route.id} id={route.id} />;
    case 'notContacted':
      return <NotContactedPage />;
    case 'mail':
      return <MailPage />;
    case 'duplicates':
      return <DuplicatesPage />;
    case 'trash':
      return <TrashPage />;
    case 'settings':
      return <SettingsPage />;
    case 'leads':
      return <LeadsPage />;
    case 'search':
      return <SearchPage query={route.query} />;
  }
}

export function AppShell() {
  const { t } = useTranslation();
  const route = useRoute();
  const notContacted = useNotContactedCount();
  const waitingForReply = useReminderCounts().waitingForReply;
  const navPage = navPageOf(route);
  const unreadMail = useMailUnreadCount();
  useShortcuts();
  usePreloadScreens();

  const item = (page: NavPage, icon: ReactNode, label: ReactNode) => ({
    key: page,
    icon,
    label: <span data-testid={`nav-${page}`}>{label}</span>,
  });

  return (
    <CustomerEditorProvider>
      <Layout className="shell">
        <Layout.Sider className="shell-nav" width={208} theme="light" breakpoint="lg" collapsedWidth={64}>
          <div className="shell-brand">TradeFolio</div>
          <Menu
            mode="inline"
            selectedKeys={navPage ? [navPage] : []}
            onClick={({ key }) => navigate({ page: key as NavPage })}
            items={[
              item('customers', <TeamOutlined />, t('nav.customers')),
              item(
                'mail',
                <MailOutlined />,
                <span className="nav-with-badge">
                  {t('nav.mail')}
                  <Badge count={unreadMail} overflowCount={999} size="small" color="#1d6fb8" data-testid="nav-mail-badge" title={String(unreadMail)} />
                </span>,
              ),
              item(
                'notContacted',
                <ClockCircleOutlined />,
                <span className="nav-with-badge">
                  {t('nav.notContacted')}
                  <Badge count={notContacted} overflowCount={99} size="small" data-testid="nav-not-contacted-badge" title={String(notContacted)} />
                  <Badge count={waitingForReply} overflowCount={99} size="small" color="orange" data-testid="nav-waiting-badge" title={String(waitingForReply)} />
                </span>,
              ),
              item('leads', <UserAddOutlined />, t('leads.nav')),
              item('duplicates', <MergeCellsOutlined />, t('nav.duplicates')),
              item('trash', <DeleteOutlined />, t('nav.trash')),
              item('settings', <SettingOutlined />, t('nav.settings')),
            ]}
          />
        </Layout.Sider>
        <Layout className="shell-main">
          <header className="shell-header">
            <GlobalSearchBox />
          </header>
          <Layout.Content className="shell-content">
            <Suspense fallback={<PageFallback />}>
              <PageFor route={route} />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </CustomerEditorProvider>
  );
}
