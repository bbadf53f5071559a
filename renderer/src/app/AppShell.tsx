import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { CustomerEditorProvider, loadCustomerFormDrawer } from '../features/customers/CustomerEditorProvider.tsx';
import { CustomerListPage } from '../features/customers/CustomerListPage.tsx';
import { useNotContactedCount, useReminderCounts } from '../features/reminders/useNotContactedCount.ts';
import { GlobalSearchBox } from '../features/search/GlobalSearchBox.tsx';
import { useMailUnreadCount } from '../features/mail/useMailUnreadCount.ts';
import { useTodayCount } from '../features/today/useTodayCount.ts';
import { useDesktopNotifications } from '../features/today/useDesktopNotifications.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { PageFallback } from '../ui/PageFallback.tsx';
import { ScreenError } from '../ui/ScreenError.tsx';
import { firstScreenSettled, reportViewport } from '../first-screen/index.ts';
import { loadFullStylesOnFirstInput, withFullStyles } from './full-styles.ts';
import { useHash, type Route, parseRoute } from './router.ts';
import { ShellNav, type NavPage } from './ShellNav.tsx';
import { useShortcuts } from './useShortcuts.ts';
import { TaskFormHost } from '../features/tasks/TaskFormHost.tsx';
import { afterFirstPaint } from '../ui/after-first-paint.ts';

/**
 * Only the customer list is in the first bundle; the other screens load on first use (and are
 * fetched in idle time after the first paint), which keeps start-up under a second.
 */
const loaders = {
  today: withFullStyles(() => import('../features/today/TodayPage.tsx')),
  folder: withFullStyles(() => import('../features/customers/CustomerFolderPage.tsx')),
  notContacted: withFullStyles(() => import('../features/reminders/NotContactedPage.tsx')),
  mail: withFullStyles(() => import('../features/mail/MailPage.tsx')),
  duplicates: withFullStyles(() => import('../features/duplicates/DuplicatesPage.tsx')),
  imports: withFullStyles(() => import('../features/imports/ImportCenterPage.tsx')),
  trash: withFullStyles(() => import('../features/trash/TrashPage.tsx')),
  settings: withFullStyles(() => import('../features/settings/SettingsPage.tsx')),
  leads: withFullStyles(() => import('../features/leads/LeadsPage.tsx')),
  search: withFullStyles(() => import('../features/search/SearchPage.tsx')),
  products: withFullStyles(() => import('../features/products/ProductsPage.tsx')),
  quotes: withFullStyles(() => import('../features/quotes/QuotesPage.tsx')),
  quote: withFullStyles(() => import('../features/quotes/QuotePage.tsx')),
  samples: withFullStyles(() => import('../features/samples/SamplesPage.tsx')),
  tasks: withFullStyles(() => import('../features/tasks/TasksPage.tsx')),
  reports: withFullStyles(() => import('../features/reports/ReportsPage.tsx')),
  customerForm: loadCustomerFormDrawer,
  transferOwner: withFullStyles(() => import('../features/owners/TransferOwnerDialog.tsx')),
};
const TodayPage = lazy(() => loaders.today().then((m) => ({ default: m.TodayPage })));
const CustomerFolderPage = lazy(() => loaders.folder().then((m) => ({ default: m.CustomerFolderPage })));
const NotContactedPage = lazy(() => loaders.notContacted().then((m) => ({ default: m.NotContactedPage })));
const MailPage = lazy(() => loaders.mail().then((m) => ({ default: m.MailPage })));
const DuplicatesPage = lazy(() => loaders.duplicates().then((m) => ({ default: m.DuplicatesPage })));
const ImportCenterPage = lazy(() => loaders.imports().then((m) => ({ default: m.ImportCenterPage })));
const TrashPage = lazy(() => loaders.trash().then((m) => ({ default: m.TrashPage })));
const SettingsPage = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsPage })));
const LeadsPage = lazy(() => loaders.leads().then((m) => ({ default: m.LeadsPage })));
const SearchPage = lazy(() => loaders.search().then((m) => ({ default: m.SearchPage })));
const ProductsPage = lazy(() => loaders.products().then((m) => ({ default: m.ProductsPage })));
const QuotesPage = lazy(() => loaders.quotes().then((m) => ({ default: m.QuotesPage })));
const QuotePage = lazy(() => loaders.quote().then((m) => ({ default: m.QuotePage })));
const SamplesPage = lazy(() => loaders.samples().then((m) => ({ default: m.SamplesPage })));
const TasksPage = lazy(() => loaders.tasks().then((m) => ({ default: m.TasksPage })));
const ReportsPage = lazy(() => loaders.reports().then((m) => ({ default: m.ReportsPage })));

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

/** The nav entry to highlight; search results belong to no entry. */
function navPageOf(route: Route): NavPage | null {
  if (route.page === 'search') return null;
  if (route.page === 'quote') return 'quotes';
  return route.page === 'customer' ? 'customers' : route.page;
}

function PageFor({ route }: { route: Exclude<Route, { page: 'customers' }> }): ReactNode {
  switch (route.page) {
    case 'today':
      return <TodayPage />;
    case 'customer':
      return <CustomerFolderPage key={route.id} id={route.id} />;
    case 'notContacted':
      return <NotContactedPage />;
    case 'mail':
      return <MailPage />;
    case 'duplicates':
      return <DuplicatesPage />;
    case 'imports':
      return <ImportCenterPage />;
    case 'trash':
      return <TrashPage />;
    case 'settings':
      return <SettingsPage />;
    case 'leads':
      return <LeadsPage />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'products':
      return <ProductsPage />;
    case 'quotes':
      return <QuotesPage />;
    case 'quote':
      return <QuotePage key={route.id} id={route.id} />;
    case 'samples':
      return <SamplesPage />;
    case 'tasks':
      return <TasksPage />;
    case 'reports':
      return <ReportsPage />;
  }
}

export function AppShell() {
  const hash = useHash();
  const route = parseRoute(hash);
  const notContacted = useNotContactedCount();
  const waitingForReply = useReminderCounts().waitingForReply;
  const navPage = navPageOf(route);
  const unreadMail = useMailUnreadCount();
  const today = useTodayCount();
  useDesktopNotifications();
  useShortcuts();
  usePreloadScreens();
  useEffect(loadFullStylesOnFirstInput, []);
  useEffect(() => {
    let stop = () => {};
    const cancel = afterFirstPaint(() => (stop = reportViewport()));
    return () => {
      cancel();
      stop();
    };
  }, []);

  return (
    <CustomerEditorProvider>
      <TaskFormHost />
      {/* Plain elements rather than antd's Layout and Sider: the Sider's breakpoint listener and
          the layout contexts were part of the first render's cost; a media query in app.css narrows
          the nav instead. */}
      <div className="shell">
        <aside className="shell-nav">
          <div className="shell-brand">TradeFolio</div>
          <ShellNav current={navPage} counts={{ today, unreadMail, notContacted, waitingForReply }} />
        </aside>
        <div className="shell-main">
          <header className="shell-header">
            <GlobalSearchBox />
          </header>
          <main className="shell-content">
            <ErrorBoundary fallback={<ScreenError />} resetKey={hash}>
              {/* The list is in the first bundle and needs no boundary; without one, React adopts
                  the host's HTML of it in the same pass as the shell's (it adopts what is inside a
                  boundary later, at idle priority: the list responded ~0.4 s after it showed). */}
              {route.page === 'customers' ? (
                <CustomerListPage />
              ) : (
                <Suspense fallback={<PageFallback />}>
                  <PageFor route={route} />
                </Suspense>
              )}
            </ErrorBoundary>
          </main>
        </div>
      </div>
    </CustomerEditorProvider>
  );
}
