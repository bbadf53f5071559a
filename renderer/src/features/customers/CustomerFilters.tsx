import { DownOutlined } from '@ant-design/icons';
import { lazy, memo, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { afterFirstPaint } from '../../ui/after-first-paint.ts';
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx';
import type { FilterControlsProps } from './CustomerFilterControls.tsx';
import type { CustomerListFilters } from './customer-list-filters.ts';
import { SortDirButton } from './SortDirButton.tsx';

export function hasActiveFilters(f: CustomerListFilters): boolean {
  return Boolean(
    f.search?.trim() || f.grades?.length || f.stages?.length || f.countries?.length || f.ownerIds?.length || f.tagIds?.length || f.lastContact,
  );
}

const CustomerFilterControls = lazy(() => import('./CustomerFilterControls.tsx').then((m) => ({ default: m.CustomerFilterControls })));

/** Once the Selects have been shown, the list opens with them (their code is loaded by then). */
let controlsShown = false;

/** One look-alike of an antd Select. */
function box(key: string, text: string, filled: boolean, minWidth: number) {
  return (
    <span key={key} className={`filter-placeholder${filled ? ' filled' : ''}`} style={{ minWidth }} aria-hidden>
      <span className="filter-placeholder-text">{text}</span>
      <DownOutlined className="filter-placeholder-arrow" />
    </span>
  );
}

/**
 * Boxes the size and look of the filter Selects, shown until those load: the list's first paint
 * does not wait for seven antd Selects, and nothing moves when they take their place.
 */
function FilterPlaceholders({ value }: { value: CustomerListFilters }) {
  const { t } = useTranslation();
  const multi = (key: 'grades' | 'values' | 'stages' | 'countries' | 'ownerIds' | 'tagIds', label: string, minWidth = 140) => {
    const n = value[key]?.length ?? 0;
    return box(key, n ? `${label} · ${n}` : label, n > 0, minWidth);
  };
  return (
    <>
      {multi('grades', t('customers.filters.grade'))}
      {multi('values', t('scores.filter'))}
      {multi('stages', t('customers.filters.stage'))}
      {multi('countries', t('customers.filters.country'), 160)}
      {multi('ownerIds', t('customers.filters.owner'))}
      {multi('tagIds', t('customers.filters.tag'))}
      {box(
        'lastContact',
        value.lastContact ? t(`customers.lastContact.${value.lastContact}`) : t('customers.filters.lastContact'),
        Boolean(value.lastContact),
        170,
      )}
    </>
  );
}

/** The sort field's box; it sits with the direction button (`.filter-sort`). */
function SortPlaceholder({ value }: { value: CustomerListFilters }) {
  const { t } = useTranslation();
  return box('sort', t('customers.sort.by', { field: t(`customers.sort.fields.${value.sort ?? 'name'}`) }), true, 150);
}

/** Memoized: the list re-renders as pages arrive, the filters need not. */
export const CustomerFilters = memo(function CustomerFilters({ value, onChange }: FilterControlsProps) {
  const [showControls, setShowControls] = useState(controlsShown);
  useEffect(() => {
    if (showControls) return;
    return afterFirstPaint(() => {
      controlsShown = true;
      setShowControls(true);
    });
  }, [showControls]);
  const placeholders = (
    <>
      <FilterPlaceholders value={value} />
      <span className="filter-sort">
        <SortPlaceholder value={value} />
        <SortDirButton value={value} onChange={onChange} />
      </span>
    </>
  );
  return (
    <div className="customer-filters" data-testid="customer-filters">
      {showControls ? (
        // Should their code fail to load, the boxes stay (the list itself still works).
        <ErrorBoundary fallback={placeholders}>
          <Suspense fallback={placeholders}>
            <CustomerFilterControls value={value} onChange={onChange} />
          </Suspense>
        </ErrorBoundary>
      ) : (
        placeholders
      )}
    </div>
  );
});
