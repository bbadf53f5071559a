import { CheckSquareOutlined, DeleteOutlined, MailOutlined, PlusOutlined, SearchOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, type InputRef } from 'antd';
// The Input alone, as in GlobalSearchBox.
import Input from 'antd/es/input/Input';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSortField } from '../../../../shared/domain/customer-enums.ts';
import { translateError, toAppError, useShowError } from '../../app/app-errors.ts';
import { useShellCommand } from '../../app/shell-commands.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import { CustomerFilters, hasActiveFilters } from './CustomerFilters.tsx';
import { CustomerGrid } from './CustomerGrid.tsx';
import { useCustomerEditor } from './CustomerEditorProvider.tsx';
import { INITIAL_FILTERS, type CustomerListFilters } from './customer-list-filters.ts';
import { useCustomerPages } from './useCustomerPages.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { withFullStyles } from '../../app/full-styles.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useFirstScreen } from '../../first-screen/index.ts';
import { openTaskForm } from '../tasks/task-form-store.ts';
import { afterFirstPaint } from '../../ui/after-first-paint.ts';
import { StageSuggestionsButton } from '../scores/StageSuggestionsButton.tsx';

/** The dialog (with antd's Form) loads once something is selected, not with the list. */
const TransferOwnerDialog = lazy(() => withFullStyles(() => import('../owners/TransferOwnerDialog.tsx'))().then((m) => ({ default: m.TransferOwnerDialog })));
/** Likewise the personalised send, on first use. */
const BatchSendDialog = lazy(() => withFullStyles(() => import('../mail/batch/BatchSendDialog.tsx'))().then((m) => ({ default: m.BatchSendDialog })));

/** Going into a folder and back keeps the list as it was. */
let rememberedFilters: CustomerListFilters = INITIAL_FILTERS;

export function CustomerListPage() {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const showError = useShowError();
  const editor = useCustomerEditor();
  const searchRef = useRef<InputRef>(null);
  const [filters, setFilters] = useState<CustomerListFilters>(rememberedFilters);
  const [painted, setPainted] = useState(false);
  useEffect(() => afterFirstPaint(() => setPainted(true)), []);
  const [searchText, setSearchText] = useState(rememberedFilters.search ?? '');
  const search = useDebouncedValue(searchText, 150);
  // The first page is what the grid reports before it has scrolled.
  const [range, setRange] = useState({ first: 0, last: 0 });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [transferOpen, setTransferOpen] = useState(false);
  // Mounted from the first opening on, so it closes with its animation.
  const [batchOpen, setBatchOpen] = useState<boolean | null>(null);
  // The transfer dialog mounts (closed) once something is selected and stays, so it opens and
  // closes with its usual animation; until then its code need not load.
  const [transferMounted, setTransferMounted] = useState(false);
  if (selected.size > 0 && !transferMounted) setTransferMounted(true);
  const remove = useMutationCall('customers.remove');
  // The hosts render this screen into the page.
  useFirstScreen();

  const query = useMemo(() => ({ ...filters, search: search.trim() }), [filters, search]);
  useEffect(() => {
    rememberedFilters = { ...filters, search: searchText };
  }, [filters, searchText]);

  const pages = useCustomerPages(query, range.first, range.last);
  // Keeps the old object when nothing moved, so the report after mounting does not re-render the page.
  const onRangeChange = useCallback(
    (first: number, last: number) => setRange((prev) => (prev.first === first && prev.last === last ? prev : { first, last })),
    [],
  );

  useShellCommand('focusSearch', () => {
    searchRef.current?.focus({ cursor: 'all' });
  });

  const onSort = (field: CustomerSortField) => {
    const dir = filters.sort === field && filters.dir === 'asc' ? 'desc' : 'asc';
    setFilters({ ...filters, sort: field, dir });
  };

  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );

  const toggleAllLoaded = (on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const row of pages.loadedRows()) {
        if (on) next.add(row.id);
        else next.delete(row.id);
      }
      return next;
    });

  const confirmDelete = () => {
    const ids = [...selected];
    modal.confirm({
      title: t('customers.bulk.deleteTitle', { count: ids.length }),
      content: t('customers.bulk.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { count } = await remove.mutateAsync({ ids });
          setSelected(new Set());
          void message.success(t('customers.bulk.deleted', { count }));
        } catch (err) {
          showError(err);
        }
      },
    });
  };

  const total = pages.total;
  const filtered = hasActiveFilters(query);

  return (
    <div className="page" data-testid="customer-list-page">
      <div className="page-header">
        <PageTitle>
          {t('customers.list.title')}
        </PageTitle>
        <Input
          ref={searchRef}
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('customers.list.searchPlaceholder')}
          aria-label={t('customers.list.search')}
          data-testid="customer-search"
          style={{ maxWidth: 420, flex: '1 1 260px' }}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          // "/" is this box's own key; Ctrl/Cmd+K is the header's box, which shows it there.
          suffix={
            <kbd className="key-hint" title={t('search.listShortcut')}>
              /
            </kbd>
          }
        />
        <span className="muted" data-testid="customer-total" data-total={total ?? ''}>
          {total === null ? '' : t('customers.list.total', { count: total })}
        </span>
        <span style={{ flex: 1 }} />
        {/* The pending stage suggestions (value score, issue 14): asked for after the list's first paint, like the filters. */}
        {painted && <StageSuggestionsButton />}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.openCreate()} data-testid="new-customer">
          {t('customers.list.new')}
        </Button>
      </div>
      <CustomerFilters value={filters} onChange={setFilters} />
      {selected.size > 0 && (
        <div className="bulk-bar" data-testid="bulk-bar">
          <span>{t('customers.bulk.selected', { count: selected.size })}</span>
          <Button icon={<SwapOutlined />} onClick={() => setTransferOpen(true)} data-testid="bulk-transfer">
            {t('customers.bulk.transfer')}
          </Button>
          <Button icon={<MailOutlined />} onClick={() => setBatchOpen(true)} data-testid="bulk-send-mail">
            {t('mail.batch.open')}
          </Button>
          {selected.size === 1 && (
            <Button
              icon={<CheckSquareOutlined />}
              onClick={() => {
                const row = pages.loadedRows().find((r) => selected.has(r.id));
                openTaskForm({ taskId: null, preset: { customer: row ? { id: row.id, name: row.name, code: row.code } : null } });
              }}
              data-testid="bulk-new-task"
            >
              {t('tasks.newTask')}
            </Button>
          )}
          <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="bulk-delete">
            {t('customers.bulk.delete')}
          </Button>
          <Button type="link" onClick={() => setSelected(new Set())}>
            {t('customers.bulk.clear')}
          </Button>
        </div>
      )}
      {pages.error && <Alert type="error" showIcon title={translateError(t, toAppError(pages.error))} />}
      {total === 0 ? (
        <EmptyState
          testId="customer-list-empty"
          title={filtered ? t('customers.list.noMatches') : t('customers.list.empty')}
          action={
            filtered ? (
              <Button
                onClick={() => {
                  setSearchText('');
                  setFilters(INITIAL_FILTERS);
                }}
              >
                {t('customers.list.clearFilters')}
              </Button>
            ) : (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.openCreate()}>
                {t('customers.list.new')}
              </Button>
            )
          }
        />
      ) : (
        <CustomerGrid
          pages={pages}
          total={total ?? 0}
          resetKey={JSON.stringify(query)}
          selected={selected}
          onToggle={toggle}
          onToggleAllLoaded={toggleAllLoaded}
          sort={filters.sort ?? 'name'}
          dir={filters.dir ?? 'asc'}
          onSort={onSort}
          onRangeChange={onRangeChange}
        />
      )}
      {batchOpen !== null && (
        <Suspense fallback={null}>
          <BatchSendDialog
            customerIds={[...selected]}
            open={batchOpen}
            onClose={(done) => {
              setBatchOpen(false);
              if (done) setSelected(new Set());
            }}
          />
        </Suspense>
      )}
      {transferMounted && (
        <Suspense fallback={null}>
          <TransferOwnerDialog
            customerIds={[...selected]}
            open={transferOpen}
            onClose={(done) => {
              setTransferOpen(false);
              if (done) setSelected(new Set());
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
