import {
  AppstoreOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  CalendarOutlined,
  DeleteOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  ImportOutlined,
  MailOutlined,
  MergeCellsOutlined,
  SettingOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from './routes.ts';

export type NavPage = 'today' | 'customers' | 'mail' | 'notContacted' | 'leads' | 'quotes' | 'samples' | 'tasks' | 'products' | 'reports' | 'duplicates' | 'imports' | 'trash' | 'settings';

export interface NavCounts {
  /** Everything due by the end of today (Today's badge). */
  today: number;
  unreadMail: number;
  notContacted: number;
  waitingForReply: number;
}

/**
 * A count beside an entry, drawn like antd's small Badge and absent at 0. antd's Badge animates
 * its digits (ScrollNumber) — not worth its share of the first render for three counters.
 */
function NavCount({ count, max, color, label, testId }: { count: number; max: number; color?: string; label: string; testId: string }) {
  if (count <= 0) return null;
  // Says what it counts, in words and in full ("4,446 customers overdue for contact"): as the
  // tooltip, and as the name a screen reader reads in place of "99+".
  return (
    <sup
      className="nav-count"
      style={color ? { background: color } : undefined}
      data-testid={testId}
      data-count={count}
      role="img"
      aria-label={label}
      title={label}
    >
      {count > max ? `${max}+` : count}
    </sup>
  );
}

/** Up/Down (and Home/End) move between the entries, as in a menu; Tab still leaves the list. */
function moveFocus(e: KeyboardEvent<HTMLElement>): void {
  const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a.shell-nav-item')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  links[(next + links.length) % links.length]?.focus();
}

/**
 * The side navigation: plain links styled like antd's inline menu. antd's Menu (with its
 * overflow measuring, motion and popups) cost ~40 ms of the customer list's first render for
 * seven fixed entries; links also give middle-click, focus and the address bar for free.
 * Inside a collapsed Layout.Sider only the icons show (app.css), with the label as a tooltip.
 */
export function ShellNav({ current, counts }: { current: NavPage | null; counts: NavCounts }) {
  const { t } = useTranslation();
  const entry = (page: NavPage, icon: ReactNode, label: string, badges?: ReactNode) => (
    <li key={page}>
      <a
        className={`shell-nav-item${current === page ? ' selected' : ''}`}
        href={hrefFor({ page } as { page: NavPage })}
        aria-current={current === page ? 'page' : undefined}
        title={label}
      >
        <span className="shell-nav-icon">{icon}</span>
        <span className="shell-nav-label" data-testid={`nav-${page}`}>
          {/* A long name gives way to the counts, never the other way round. */}
          <span className="shell-nav-text">{label}</span>
          {badges}
        </span>
      </a>
    </li>
  );
  return (
    <nav aria-label={t('nav.label')} onKeyDown={moveFocus}>
      <ul className="shell-nav-list">
        {entry('today', <CalendarOutlined />, t('today.nav'), <NavCount count={counts.today} max={99} label={t('today.badge', { count: counts.today })} testId="nav-today-badge" />)}
        {entry('customers', <TeamOutlined />, t('nav.customers'))}
        {entry(
          'mail',
          <MailOutlined />,
          t('nav.mail'),
          <NavCount count={counts.unreadMail} max={999} color="#1d6fb8" label={t('nav.badges.unreadMail', { count: counts.unreadMail })} testId="nav-mail-badge" />,
        )}
        {entry(
          'notContacted',
          <ClockCircleOutlined />,
          t('nav.notContacted'),
          <>
            <NavCount count={counts.notContacted} max={99} label={t('nav.badges.notContacted', { count: counts.notContacted })} testId="nav-not-contacted-badge" />
            <NavCount
              count={counts.waitingForReply}
              max={99}
              color="#fa8c16"
              label={t('nav.badges.waitingForReply', { count: counts.waitingForReply })}
              testId="nav-waiting-badge"
            />
          </>,
        )}
        {entry('leads', <UserAddOutlined />, t('leads.nav'))}
        {entry('tasks', <CheckSquareOutlined />, t('tasks.title'))}
        {entry('quotes', <FileTextOutlined />, t('nav.quotes'))}
        {entry('samples', <ExperimentOutlined />, t('nav.samples'))}
        {entry('products', <AppstoreOutlined />, t('nav.products'))}
        {entry('reports', <BarChartOutlined />, t('reports.nav'))}
        {entry('duplicates', <MergeCellsOutlined />, t('nav.duplicates'))}
        {entry('imports', <ImportOutlined />, t('imports.center.nav'))}
        {entry('trash', <DeleteOutlined />, t('nav.trash'))}
        {entry('settings', <SettingOutlined />, t('nav.settings'))}
      </ul>
    </nav>
  );
}
