import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/contract/customers.contract.ts';
import type { ActivityHit, ContactHit, MessageHit } from '../../../../shared/contract/search.contract.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { GradeTag } from '../../ui/GradeTag.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import { Highlighted, HighlightedText } from './HighlightedText.tsx';

/** One clickable result line; a link inside it (a customer tag) does its own thing. */
export function Hit({ onOpen, testId, id, children }: { onOpen(): void; testId: string; id: string; children: ReactNode }) {
  return (
    <div
      className="search-hit"
      role="link"
      tabIndex={0}
      data-testid={testId}
      data-id={id}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('a')) onOpen();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen();
      }}
    >
      {children}
    </div>
  );
}

export function CustomerHits({ rows, query }: { rows: CustomerRow[]; query: string }) {
  const { t } = useTranslation();
  return (
    <div className="search-hits">
      {rows.map((c) => (
        <Hit key={c.id} id={c.id} testId="search-customer" onOpen={() => navigate({ page: 'customer', id: c.id })}>
          <div className="search-hit-line">
            <Tag color="geekblue">{c.code}</Tag>
            <Typography.Text strong>
              <Highlighted text={c.name} query={query} testId="search-customer-name" />
            </Typography.Text>
            {c.localName && (
              <span className="muted">
                <Highlighted text={c.localName} query={query} />
              </span>
            )}
            <GradeTag grade={c.grade} />
            {c.primaryContact && <span className="muted">{c.primaryContact}</span>}
            <span className="muted">{c.ownerName ?? t('reminders.noOwner')}</span>
          </div>
        </Hit>
      ))}
    </div>
  );
}

export function ContactHits({ rows, query, more }: { rows: ContactHit[]; query: string; more: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="search-hits">
      {rows.map((c) => (
        <Hit key={c.id} id={c.id} testId="search-contact" onOpen={() => navigate({ page: 'customer', id: c.customerId })}>
          <div className="search-hit-line">
            <Typography.Text strong>
              <Highlighted text={c.name} query={query} testId="search-contact-name" />
            </Typography.Text>
            {c.title && <span className="muted">{c.title}</span>}
            <a href={hrefFor({ page: 'customer', id: c.customerId })}>
              {c.customerCode} · {c.customerName}
            </a>
          </div>
          {c.channels.length > 0 && (
            <div className="search-snippet">
              {c.channels.map((ch, i) => (
                <span key={i}>
                  {i > 0 ? ' · ' : ''}
                  <Highlighted text={ch} query={query} />
                </span>
              ))}
            </div>
          )}
        </Hit>
      ))}
      {more && <div className="muted">{t('search.moreContacts')}</div>}
    </div>
  );
}

export function MessageHits({ rows, query, onOpen }: { rows: MessageHit[]; query: string; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div className="search-hits">
      {rows.map((m) => (
        <Hit key={m.id} id={m.id} testId="search-message" onOpen={() => onOpen(m.id)}>
          <div className="search-hit-line">
            {m.direction === 'outbound' && (
              <Tooltip title={t('search.sent')}>
                <SendOutlined className="muted" />
              </Tooltip>
            )}
            <Typography.Text strong data-testid="search-message-subject">
              {m.subject.length > 0 ? <HighlightedText parts={m.subject} /> : <span className="muted">{t('search.noSubject')}</span>}
            </Typography.Text>
            {m.from && (
              <span className="muted">
                <Highlighted text={m.from.name ? `${m.from.name} <${m.from.address}>` : m.from.address} query={query} />
              </span>
            )}
            <Tooltip title={time.dateTime(m.dateAt)}>
              <span className="muted">{time.date(m.dateAt)}</span>
            </Tooltip>
            {m.customers.length === 0 ? (
              <Tag>{t('search.unfiled')}</Tag>
            ) : (
              m.customers.map((c) => (
                <Tag key={c.id} color="blue">
                  <a href={hrefFor({ page: 'customer', id: c.id })} data-testid="search-message-customer">
                    {c.name}
                  </a>
                </Tag>
              ))
            )}
          </div>
          <div className="search-snippet" data-testid="search-message-snippet">
            <HighlightedText parts={m.snippet} />
          </div>
          {m.attachments.map((a, i) => (
            <div key={i} className="search-snippet" data-testid="search-message-attachment">
              <PaperClipOutlined /> <HighlightedText parts={a} />
            </div>
          ))}
        </Hit>
      ))}
    </div>
  );
}

/** Notes, calls, meetings and visits that matched; a click opens the customer's timeline. */
export function ActivityHits({ rows, more }: { rows: ActivityHit[]; more: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div className="search-hits">
      {rows.map((a) => (
        <Hit key={a.id} id={a.id} testId="search-activity" onOpen={() => navigate({ page: 'customer', id: a.customerId })}>
          <div className="search-hit-line">
            <Tag>{t(`activityKinds.${a.kind}`)}</Tag>
            {a.subject.length > 0 && (
              <Typography.Text strong>
                <HighlightedText parts={a.subject} />
              </Typography.Text>
            )}
            <a href={hrefFor({ page: 'customer', id: a.customerId })} data-testid="search-activity-customer">
              {a.customerCode} · {a.customerName}
            </a>
            <Tooltip title={time.dateTime(a.occurredAt)}>
              <span className="muted">{time.date(a.occurredAt)}</span>
            </Tooltip>
          </div>
          <div className="search-snippet" data-testid="search-activity-snippet">
            <HighlightedText parts={a.snippet} />
          </div>
        </Hit>
      ))}
      {more && <div className="muted">{t('search.moreActivities')}</div>}
    </div>
  );
}
