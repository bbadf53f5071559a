import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/contract/customers.contract.ts';
import type { CustomerSortField } from '../../../../shared/domain/customer-enums.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { useFirstScreen } from '../../first-screen/index.ts';
import { countryName } from '../../ui/country-names.ts';
import { ListGradeTag } from '../../ui/ListGradeTag.tsx';
import { ListCheckbox } from '../../ui/ListCheckbox.tsx';
import { ListScoreTag } from '../../ui/ListScoreTag.tsx';
import { ListTag } from '../../ui/ListTag.tsx';
import { useLanguage, useTimeFormat, type TimeFormat } from '../../ui/time-format.ts';
import type { Language } from '../../../../shared/i18n/catalogs.ts';
import { CUSTOMER_PAGE_SIZE } from './customer-list-filters.ts';
import type { CustomerPages } from './useCustomerPages.ts';

const ROW_HEIGHT = 48;
/** The sticky column header sits above the rows inside the same scroll box. */
const HEAD_HEIGHT = 40;
/**
 * Rows rendered beyond the view: few on the first screen (each row costs a little of the
 * first paint), more once the list scrolls, so fast scrolling does not show empty space.
 */
const FIRST_OVERSCAN = 2;
const SCROLL_OVERSCAN = 12;
/** The Element Timing name of the top row's code: test/bench/first-paint.bench.ts reads when it was first on screen. */
const FIRST_ROW_TIMING = 'customer-list';

interface Props {
  pages: CustomerPages;
  total: number;
  /** Changes whenever the filters do, to jump back to the top. */
  resetKey: string;
  selected: ReadonlySet<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAllLoaded(on: boolean): void;
  sort: CustomerSortField;
  dir: 'asc' | 'desc';
  onSort(field: CustomerSortField): void;
  onRangeChange(first: number, last: number): void;
}

/**
 * A div grid rather than a table: only the rows in view (plus a few) exist in the DOM, so
 * 10,000 customers scroll like 50.
 */
export function CustomerGrid({ pages, total, resetKey, selected, onToggle, onToggleAllLoaded, sort, dir, onSort, onRangeChange }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = useTimeFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [overscan, setOverscan] = useState(FIRST_OVERSCAN);
  const firstScreen = useFirstScreen();
  // The virtualizer's functions are read fresh on every render here; nothing memoizes them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    scrollMargin: HEAD_HEIGHT,
    // The grid is never taller than the window: sized so, the first render already has every row
    // in view. From the default (0 × 0) it rendered none, measured, and rendered the rows again
    // synchronously in the same frame (~35 ms of the list's first paint).
    initialRect: firstScreen.windowSize,
  });
  const items = virtualizer.getVirtualItems();
  // The parent only needs to know which pages of 200 are in view; telling it about every row
  // would re-render the filters on every scrolled pixel.
  const firstPage = Math.floor((items[0]?.index ?? 0) / CUSTOMER_PAGE_SIZE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / CUSTOMER_PAGE_SIZE);

  useEffect(() => onRangeChange(firstPage * CUSTOMER_PAGE_SIZE, lastPage * CUSTOMER_PAGE_SIZE), [firstPage, lastPage, onRangeChange]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const loaded = pages.loadedRows();
  const loadedSelected = loaded.filter((r) => selected.has(r.id)).length;

  // In the order of CustomerGridRow's cells; only some columns sort.
  const head: { label: string; sortBy?: CustomerSortField }[] = [
    { label: t('customer.code'), sortBy: 'code' },
    { label: t('customer.name'), sortBy: 'name' },
    { label: t('customer.country'), sortBy: 'country' },
    { label: t('customer.grade'), sortBy: 'grade' },
    { label: t('scores.column') },
    { label: t('customer.stage') },
    { label: t('customer.owner') },
    { label: t('customer.lastContact'), sortBy: 'lastContactedAt' },
    { label: t('customer.tags') },
  ];

  const sortHead = (field: CustomerSortField, label: string): ReactNode => (
    <button type="button" className="sort-head" onClick={() => onSort(field)} data-testid={`sort-head-${field}`}>
      {label}
      {sort === field ? (dir === 'asc' ? ' ↑' : ' ↓') : ''}
    </button>
  );

  return (
    <div className="customer-grid" role="grid" aria-rowcount={total} data-testid="customer-grid">
      <div
        className="customer-grid-scroll"
        ref={scrollRef}
        data-testid="customer-grid-scroll"
        onScroll={overscan === SCROLL_OVERSCAN ? undefined : () => setOverscan(SCROLL_OVERSCAN)}
      >
        <div className="customer-grid-row customer-grid-head" role="row">
          <ListCheckbox
            label={t('customers.list.selectLoaded')}
            checked={loaded.length > 0 && loadedSelected === loaded.length}
            indeterminate={loadedSelected > 0 && loadedSelected < loaded.length}
            onChange={onToggleAllLoaded}
          />
          {head.map(({ label, sortBy }) => (
            <div key={label} className="cell" role="columnheader">
              {sortBy ? sortHead(sortBy, label) : label}
            </div>
          ))}
        </div>
        <div className="customer-grid-body" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            const top = item.start - HEAD_HEIGHT;
            if (!row) {
              return (
                <div key={item.key} className="customer-grid-row" style={{ top, height: ROW_HEIGHT }} role="row" aria-busy="true">
                  <span />
                  {head.map((_, i) => (
                    <div key={i} className="skeleton-bar" />
                  ))}
                </div>
              );
            }
            return (
              <CustomerGridRow
                key={row.id}
                row={row}
                top={top}
                first={item.index === 0}
                selected={selected.has(row.id)}
                onToggle={onToggle}
                language={language}
                time={time}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  row: CustomerRow;
  top: number;
  /** The list's top row: its first paint is the list's (see `elementtiming` below). */
  first: boolean;
  selected: boolean;
  onToggle(id: string, on: boolean): void;
  language: Language;
  time: TimeFormat;
}

/** Memoized: scrolling moves rows (a new `top`) but re-renders only the ones that appear. */
const CustomerGridRow = memo(function CustomerGridRow({ row, top, first, selected, onToggle, language, time }: RowProps) {
  const { t } = useTranslation();
  const country = countryName(row.country, language);
  const lastContact = row.lastContactedAt === null ? t('customers.list.never') : time.relative(row.lastContactedAt);
  const lastContactedAt = row.lastContactedAt;
  const stage = t(`stages.${row.stage}`);
  return (
    <div
      className={`customer-grid-row${selected ? ' selected' : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      role="row"
      aria-selected={selected}
      data-testid="customer-row"
      data-id={row.id}
      data-code={row.code}
      onClick={() => navigate({ page: 'customer', id: row.id })}
    >
      <span onClick={(e) => e.stopPropagation()}>
        <ListCheckbox label={t('customers.list.selectRow', { name: row.name })} checked={selected} onChange={(on) => onToggle(row.id, on)} />
      </span>
      {/* Element Timing reports when this text is first on screen: how the first paint of the
          list is measured (test/bench/first-paint.bench.ts). */}
      <div className="cell" role="gridcell" data-testid="customer-row-code" elementtiming={first ? FIRST_ROW_TIMING : undefined}>
        {row.code}
      </div>
      <div className="cell cell-name" role="gridcell">
        <a className="cell" href={hrefFor({ page: 'customer', id: row.id })} onClick={(e) => e.stopPropagation()} data-testid="customer-row-name">
          {row.name}
        </a>
        {(row.localName || row.primaryContact) && (
          <span className="local cell">{[row.localName, row.primaryContact].filter(Boolean).join(' · ')}</span>
        )}
      </div>
      <div className="cell" role="gridcell" title={country}>
        {country || '—'}
      </div>
      <div className="cell" role="gridcell">
        <ListGradeTag grade={row.grade} />
      </div>
      <div className="cell" role="gridcell">
        <ListScoreTag score={row.score} />
      </div>
      <div className="cell" role="gridcell">
        {stage}
      </div>
      <div className="cell" role="gridcell">
        {row.ownerName ?? <span className="muted">{t('customers.list.noOwner')}</span>}
      </div>
      <div
        className="cell"
        role="gridcell"
        data-testid="customer-row-last-contact"
        // The exact time as a tooltip, formatted when pointed at: a page's first Intl.DateTimeFormat
        // costs ~30 ms, too much for the list's first paint.
        onPointerEnter={(e) => {
          if (lastContactedAt !== null) e.currentTarget.title = time.dateTime(lastContactedAt);
        }}
      >
        {lastContact}
      </div>
      <div className="cell" role="gridcell">
        {row.tags.map((tag) => (
          <ListTag key={tag}>{tag}</ListTag>
        ))}
      </div>
    </div>
  );
});
