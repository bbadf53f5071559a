import { CheckOutlined, FormOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TodayItem, TodaySection } from '../../../../shared/contract/today.contract.ts';
import { navigate } from '../../app/router.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { SnoozeButton } from './SnoozeButton.tsx';
import { actionsFor, allOfKindHref, recordHref } from './today-links.ts';

/** What a row can ask the page to do; the page owns the dialogs and the calls. */
export interface RowHandlers {
  done(item: TodayItem): void;
  snooze(item: TodayItem, until: number): void;
  logCall(item: TodayItem): void;
  writeMail(item: TodayItem, kind: 'new' | 'reply'): void;
  /** Rows whose call is in flight: their buttons wait. */
  busy: ReadonlySet<string>;
}

function DueTag({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  if (item.overdue) {
    const days = item.daysOverdue;
    return (
      <Tag color={days >= 7 ? 'red' : 'orange'} data-testid="today-overdue">
        {days >= 1 ? t('today.overdueBy', { count: days }) : t('today.dueAt', { time: time.dateTime(item.dueAt) })}
      </Tag>
    );
  }
  return <Tag data-testid="today-due">{t('today.dueAt', { time: time.dateTime(item.dueAt) })}</Tag>;
}

function TodayRow({ item, handlers }: { item: TodayItem; handlers: RowHandlers }) {
  const { t } = useTranslation();
  const actions = actionsFor(item);
  const busy = handlers.busy.has(item.key);
  return (
    <li className="today-row" data-testid="today-row" data-kind={item.kind} data-record={item.recordId}>
      <div className="today-row-text">
        <a href={recordHref(item)} className="today-row-title" data-testid="today-row-title">
          {item.labelKey ? `${t(item.labelKey)}: ` : ''}
          {item.title || '—'}
        </a>
        {item.customerName && item.kind !== 'notContacted' && (
          <a className="muted" href={`#/customers/${encodeURIComponent(item.customerId ?? '')}`}>
            {item.customerName}
          </a>
        )}
        {item.detail && <span className="muted">{item.detail}</span>}
        <DueTag item={item} />
      </div>
      <Space size={4} wrap className="today-row-actions">
        {actions.done && (
          <Button size="small" type="primary" ghost icon={<CheckOutlined />} loading={busy} onClick={() => handlers.done(item)} data-testid="today-done">
            {t(actions.done === 'received' ? 'today.actions.received' : 'today.actions.done')}
          </Button>
        )}
        {actions.recordFeedback && (
          <Button size="small" icon={<FormOutlined />} onClick={() => navigate({ page: 'samples', open: item.recordId })} data-testid="today-feedback">
            {t('today.actions.recordFeedback')}
          </Button>
        )}
        {actions.logCall && (
          <Button size="small" icon={<PhoneOutlined />} onClick={() => handlers.logCall(item)} data-testid="today-log-call">
            {t('today.actions.logCall')}
          </Button>
        )}
        {actions.mail && (
          <Button size="small" icon={<MailOutlined />} onClick={() => handlers.writeMail(item, actions.mail!)} data-testid="today-mail">
            {t(actions.mail === 'reply' ? 'today.actions.reply' : 'today.actions.writeMail')}
          </Button>
        )}
        <SnoozeButton disabled={busy} onSnooze={(until) => handlers.snooze(item, until)} testId="today-snooze" />
      </Space>
    </li>
  );
}

/** One kind's card: its name and count, its most urgent rows, and a link to all of them. */
export function TodaySectionCard({ section, handlers }: { section: TodaySection; handlers: RowHandlers }) {
  const { t } = useTranslation();
  const all = allOfKindHref(section.kind);
  return (
    <Card
      size="small"
      className="today-section"
      data-testid={`today-section-${section.kind}`}
      title={
        <span>
          {t(`today.kinds.${section.kind}`)}{' '}
          <span className="muted" data-testid="today-section-total">
            ({section.total.toLocaleString()}
            {section.capped ? '+' : ''})
          </span>
        </span>
      }
      extra={all && section.total > section.rows.length ? <a href={all}>{t(section.capped ? 'today.showAllMany' : 'today.showAll', { count: section.total })}</a> : null}
    >
      <ul className="today-rows">
        {section.rows.map((item) => (
          <TodayRow key={item.key} item={item} handlers={handlers} />
        ))}
      </ul>
    </Card>
  );
}
