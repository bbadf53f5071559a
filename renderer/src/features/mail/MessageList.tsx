import { ArrowRightOutlined, ExclamationCircleOutlined, PaperClipOutlined, StarFilled } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Tag } from 'antd';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../../shared/contract/mail.contract.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useLanguage } from '../../ui/time-format.ts';
import { addressLabel, listDate } from './mail-format.ts';
import type { MessagePages } from './useMessagePages.ts';
import { MESSAGE_PAGE_SIZE } from './useMessagePages.ts';
import './mail.css';

const ROW_HEIGHT = 76;

interface Props {
  pages: MessagePages;
  activeId: string | null;
  /** The active row's index, scrolled into view when it changes (keyboard moves). */
  activeIndex: number;
  onSelect(id: string, index: number): void;
  /** Double click; Enter is the page's shortcut. */
  onOpen?(id: string): void;
  onRangeChange(first: number, last: number): void;
  /** Changes with the folder or customer, to jump back to the top. */
  resetKey: string;
  emptyText: string;
  /** A customer's own mail list does not repeat the customer on every row. */
  showCustomers?: boolean;
}

/** Only the rows in view exist in the DOM, like the customer grid. */
export function MessageList({ pages, activeId, activeIndex, onSelect, onOpen, onRangeChange, resetKey, emptyText, showCustomers = true }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  // The virtualizer's functions are read fresh on every render here; nothing memoizes them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / MESSAGE_PAGE_SIZE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / MESSAGE_PAGE_SIZE);

  useEffect(() => onRangeChange(firstPage * MESSAGE_PAGE_SIZE, lastPage * MESSAGE_PAGE_SIZE), [firstPage, lastPage, onRangeChange]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);
  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < total) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, total, virtualizer]);

  if (pages.total === 0) return <EmptyState title={emptyText} testId="mail-list-empty" />;
  const now = Date.now();

  return (
    <div className="mail-list-scroll" ref={scrollRef} role="listbox" aria-label={t('mail.list.label')} data-testid="mail-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {pages.total === null && <MessageSkeletons />}
        {items.map((item) => {
          const row = pages.rowAt(item.index);
          if (!row) {
            return <div key={item.key} className="mail-row skeleton" style={{ top: item.start, height: ROW_HEIGHT }} aria-busy="true" />;
          }
          return (
            <MessageListRow
              key={row.id}
              row={row}
              index={item.index}
              top={item.start}
              active={row.id === activeId}
              showCustomers={showCustomers}
              date={listDate(row.dateAt, now, language)}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}

function MessageSkeletons() {
  return (
    <>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="mail-row skeleton" style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }} aria-busy="true">
          <div className="skeleton-bar" style={{ width: '40%' }} />
          <div className="skeleton-bar" style={{ width: '80%' }} />
          <div className="skeleton-bar" style={{ width: '60%' }} />
        </div>
      ))}
    </>
  );
}

interface RowProps {
  row: MessageRow;
  index: number;
  top: number;
  active: boolean;
  showCustomers: boolean;
  date: string;
  onSelect(id: string, index: number): void;
  onOpen?(id: string): void;
}

/** Memoized: scrolling moves rows but re-renders only the ones that appear. */
const MessageListRow = memo(function MessageListRow({ row, index, top, active, showCustomers, date, onSelect, onOpen }: RowProps) {
  const { t } = useTranslation();
  const outbound = row.direction === 'outbound';
  return (
    <div
      className={`mail-row${row.seen ? '' : ' unread'}${active ? ' active' : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      role="option"
      aria-selected={active}
      data-testid="mail-row"
      data-id={row.id}
      onClick={() => onSelect(row.id, index)}
      onDoubleClick={() => onOpen?.(row.id)}
    >
      <div className="mail-row-line">
        <span className="mail-row-from cell" data-testid="mail-row-from">
          {outbound && <ArrowRightOutlined className="muted" aria-label={t('mail.direction.outbound')} />} {addressLabel(row.from) || t('mail.list.unknownSender')}
        </span>
        <span className="mail-row-date muted">{date}</span>
      </div>
      <div className="mail-row-line">
        <span className="mail-row-subject cell" data-testid="mail-row-subject">
          {row.subject || t('mail.list.noSubject')}
        </span>
        {row.parseStatus !== 'ok' && <ExclamationCircleOutlined className="mail-row-warning" title={t('mail.reader.parseWarningTitle')} />}
        {row.hasAttachments && <PaperClipOutlined className="muted" title={t('mail.list.hasAttachments')} data-testid="mail-row-attachment" />}
        {row.flagged && <StarFilled className="mail-star on" title={t('mail.list.starred')} data-testid="mail-row-star" />}
      </div>
      <div className="mail-row-line">
        <span className="mail-row-snippet muted cell">{row.snippet ?? ''}</span>
        {showCustomers &&
          row.customers.slice(0, 2).map((c) => (
            <Tag key={c.id} color="geekblue" className="mail-row-customer" title={c.name} data-testid="mail-row-customer">
              {c.code}
            </Tag>
          ))}
      </div>
    </div>
  );
});
