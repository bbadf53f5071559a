import { Button, Input, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useLanguage } from '../../ui/time-format.ts';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import { CategoriesModal } from './CategoriesModal.tsx';
import { ProductDrawer } from './ProductDrawer.tsx';
import { ProductImportModal } from './ProductImportModal.tsx';
import { ProductThumb } from './ProductThumb.tsx';

type Row = CallOutput<'products.list'>['rows'][number];
const PAGE_SIZE = 50;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The product library: paged, searched by model or name, filtered by category; N adds a product. */
export function ProductsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [categoriesOpen, setCategoriesOpen] = useState(false);
  const search = useDebouncedValue(query.trim(), 200);
  const list = useCall('products.list', { query: search, categoryId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { placeholderData: (previous) => previous });
  const categories = useCall('productCategories.list', {});
  const language = useLanguage();
  const categoryName = (id: string | null) => {
    const c = categories.data?.find((category) => category.id === id);
    return (language === 'zh-CN' ? c?.nameZh : null) ?? c?.nameEn ?? '';
  };

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (e.key.toLowerCase() === 'n' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target) && !document.querySelector('.ant-drawer-open, .ant-modal-wrap')) {
        e.preventDefault();
        setEditing('new');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const empty = list.data?.total === 0 && !search && !categoryId;
  const columns = [
    { key: 'thumb', width: 56, render: (_: unknown, r: Row) => <ProductThumb sha256={r.thumbnail} alt={r.model} /> },
    { key: 'model', title: t('products.field.model'), render: (_: unknown, r: Row) => <strong data-testid="product-row-model">{r.model}</strong> },
    { key: 'name', title: t('products.field.name'), render: (_: unknown, r: Row) => [r.nameEn, r.nameZh].filter(Boolean).join(' · ') },
    { key: 'category', title: t('products.field.category'), render: (_: unknown, r: Row) => categoryName(r.categoryId) },
    {
      key: 'price',
      title: t('products.field.listPrice'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => (r.listPriceE4 === null ? '' : `${r.listCurrency ?? ''} ${formatMoneyE4(r.listPriceE4)}${r.unit ? ` / ${r.unit}` : ''}`),
    },
  ];

  return (
    <div className="list-page" data-testid="products-page">
      <ListPageHeader title={t('nav.products')} count={list.data ? t('products.page.count', { count: list.data.total }) : null} countTestId="products-count">
        <Space>
          <Button onClick={() => setCategoriesOpen(true)} data-testid="products-categories">{t('products.page.categories')}</Button>
          <Button onClick={() => setImporting(true)} data-testid="products-import">{t('products.page.import')}</Button>
          <Button type="primary" onClick={() => setEditing('new')} data-testid="products-new" title={t('products.page.newHint')}>{t('products.page.new')}</Button>
        </Space>
      </ListPageHeader>
      <Space style={{ margin: '12px 0' }} wrap>
        <Input.Search
          allowClear
          value={query}
          onChange={(e) => { setQuery(e.target.value); setPage(1); }}
          placeholder={t('products.page.searchPlaceholder')}
          style={{ width: 320 }}
          data-testid="products-search"
        />
        <Select
          allowClear
          value={categoryId}
          onChange={(v: string | undefined) => { setCategoryId(v ?? null); setPage(1); }}
          placeholder={t('products.page.allCategories')}
          style={{ width: 220 }}
          options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.nameZh ? `${c.nameEn} · ${c.nameZh}` : c.nameEn }))}
          data-testid="products-category-filter"
        />
      </Space>
      {empty ? (
        <EmptyState
          testId="products-empty"
          title={t('products.page.empty')}
          action={
            <Space>
              <Button type="primary" onClick={() => setEditing('new')}>{t('products.page.new')}</Button>
              <Button onClick={() => setImporting(true)}>{t('products.page.import')}</Button>
            </Space>
          }
        />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.rows ?? []}
          columns={columns}
          onRow={(r) => ({ onClick: () => setEditing(r.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          data-testid="products-table"
        />
      )}
      {editing !== null && <ProductDrawer productId={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onCreated={(id) => setEditing(id)} />}
      {importing && <ProductImportModal onClose={() => setImporting(false)} />}
      {categoriesOpen && <CategoriesModal onClose={() => setCategoriesOpen(false)} />}
    </div>
  );
}
