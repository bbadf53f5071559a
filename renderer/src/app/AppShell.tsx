import { ClockCircleOutlined, DeleteOutlined, MergeCellsOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Badge, Layout, Menu } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerEditorProvider, loadCustomerFormDrawer } from '../features/customers/CustomerEditorProvider.tsx';
import { CustomerListPage } from '../features/customers/CustomerListPage.tsx';
import { useNotContactedCount } from '../features/reminders/useNotContactedCount.ts';
import { PageFallback } from '../ui/PageFallback.tsx';
import { navigate, useRoute, type Route } from './router.ts';
import { useShortcuts } from './useShortcuts.ts';

/**
 * Only the customer list is in the first bundle; the other screens load on first use (and are
 * fetched in idle time after the first paint), which keeps start-up under a second.
 */
const loaders = {
  folder: () => import('../features/customers/CustomerFolderPage.tsx'),
  notContacted: () => import('../features/reminders/NotContactedPage.tsx'),
  duplicates: () => import('../features/duplicates/DuplicatesPage.tsx'),
  trash: () => import('../features/trash/TrashPage.tsx'),
  settings: () => import('../features/settings/SettingsPage.tsx'),
  customerForm: loadCustomerFormDrawer,
};
const CustomerFolderPage = lazy(() => loaders.folder().then((m) => ({ default: m.CustomerFolderPage })));
const NotContactedPage = lazy(() => loaders.notContacted().then((m) => ({ default: m.NotContactedPage })));
const DuplicatesPage = lazy(() => loaders.duplicates().then((m) => ({ default: m.DuplicatesPage })));
const TrashPage = lazy(() => loaders.trash().then((m) => ({ default: m.TrashPage })));
const SettingsPage = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsPage })));

function usePreloadScreens(): void {
  useEffect(() => {
    const preload = () => Object.values(loaders).forEach((load) => void load());
    const handle = window.requestIdleCallback ? window.requestIdleCallback(preload, { timeout: 3000 }) : window.setTimeout(preload, 1500);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, []);
}

type NavPage = 'customers' | 'notContacted' | 'duplicates' | 'trash' | 'settings';

function navPageOf(route: Route): NavPage {
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
    case 'duplicates':
      return <DuplicatesPage />;
    case 'trash':
      return <TrashPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function AppShell() {
  const { t } = useTranslation();
  const route = useRoute();
  const notContacted = useNotContactedCount();
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
            selectedKeys={[navPageOf(route)]}
            onClick={({ key }) => navigate({ page: key as NavPage })}
            items={[
              item('customers', <TeamOutlined />, t('nav.customers')),
              item(
                'notContacted',
                <ClockCircleOutlined />,
                <span className="nav-with-badge">
                  {t('nav.notContacted')}
                  <Badge count={notContacted} overflowCount={99} size="small" data-testid="nav-not-contacted-badge" title={String(notContacted)} />
                </span>,
              ),
              item('duplicates', <MergeCellsOutlined />, t('nav.duplicates')),
              item('trash', <DeleteOutlined />, t('nav.trash')),
              item('settings', <SettingOutlined />, t('nav.settings')),
            ]}
          />
        </Layout.Sider>
        <Layout.Content className="shell-content">
          <Suspense fallback={<PageFallback />}>
            <PageFor route={route} />
          </Suspense>
        </Layout.Content>
      </Layout>
    </CustomerEditorProvider>
  );
}
