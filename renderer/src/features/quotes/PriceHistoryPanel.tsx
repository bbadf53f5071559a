import { Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceHistoryRow } from '../../../../shared/contract/quotes.contract.ts';
import { E4, formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { hrefFor } from '../../app/router.ts';
import { useCall } from '../../app/useCall.ts';
import { useTimeFormat } from '../../ui/time-format.ts';
import { EChart, type EChartOption } from '../../ui/EChart.tsx';
import { QuoteStatusTag } from './QuoteStatusTag.tsx';

function HistoryTable({ rows, testId }: { rows: PriceHistoryRow[]; testId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const columns = [
    { key: 'date', title: t('quotes.col.date'), render: (_: unknown, r: PriceHistoryRow) => time.date(r.quotedAt) },
    { key: 'number', title: t('quotes.col.number'), render: (_: unknown, r: PriceHistoryRow) => <a href={hrefFor({ page: 'quote', id: r.quoteId })}>{r.number}</a> },
    { key: 'customer', title: t('quotes.col.customer'), render: (_: unknown, r: PriceHistoryRow) => r.customerName },
    { key: 'price', title: t('quotes.col.price'), align: 'right' as const, render: (_: unknown, r: PriceHistoryRow) => <span data-testid="history-price">{`${formatMoneyE4(r.unitPriceE4)} ${r.currency}`}</span> },
    { key: 'incoterm', title: t('quotes.col.incoterm'), render: (_: unknown, r: PriceHistoryRow) => [r.incoterm, r.incotermPort].filter(Boolean).join(' ') },
    { key: 'quantity', title: t('quotes.col.quantity'), align: 'right' as const, render: (_: unknown, r: PriceHistoryRow) => `${r.quantity} ${r.unit}` },
    { key: 'status', title: t('quotes.col.status'), render: (_: unknown, r: PriceHistoryRow) => <QuoteStatusTag status={r.status} /> },
  ];
  return <Table<PriceHistoryRow> rowKey={(r) => `${r.quoteId}-${r.unitPriceE4}-${r.quantity}`} size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={rows} columns={columns} data-testid={testId} />;
}

/** One series per currency and Incoterm: prices are only comparable within one. */
function chartOption(rows: PriceHistoryRow[], format: (ms: number) => string): EChartOption {
  const groups = new Map<string, Array<[number, number, string]>>();
  for (const r of rows) {
    const key = `${r.currency} ${r.incoterm ?? ''}`.trim();
    groups.set(key, [...(groups.get(key) ?? []), [r.quotedAt, r.unitPriceE4 / E4, r.customerName]]);
  }
  return {
    grid: { left: 48, right: 16, top: 32, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'item', formatter: (p) => { const [at, price, customer] = (p as unknown as { value: [number, number, string] }).value; return `${format(at)}<br/>${customer}<br/>${price}`; } },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true },
    series: [...groups].map(([name, data]) => ({ type: 'scatter' as const, name, data, symbolSize: 7 })),
  };
}

/**
 * A product's earlier quotes — to this customer (when one is given) and to everyone — with a
 * chart of the unit price over time. The quote editor shows it when a product is put on a line;
 * the product page shows it too.
 */
export function PriceHistoryPanel({ productId, customerId }: { productId: string; customerId?: string | null }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const history = useCall('quotes.priceHistory', { productId, ...(customerId ? { customerId } : {}), limit: 200 });
  const rows = useMemo(() => history.data?.rows ?? [], [history.data]);
  const option = useMemo(() => chartOption(rows, time.date), [rows, time]);
  if (history.data && rows.length === 0) {
    return (
      <div data-testid="price-history" data-product-id={productId}>
        <Typography.Text type="secondary" data-testid="price-history-none">{t('quotes.history.none')}</Typography.Text>
      </div>
    );
  }
  const tabs = [
    ...(customerId ? [{ key: 'customer', label: `${t('quotes.history.thisCustomer')} (${history.data?.customerRows.length ?? 0})`, children: <HistoryTable rows={history.data?.customerRows ?? []} testId="price-history-customer" /> }] : []),
    { key: 'all', label: `${t('quotes.history.others')} (${rows.length}${history.data?.more ? '+' : ''})`, children: <HistoryTable rows={rows} testId="price-history-all" /> },
    { key: 'chart', label: t('quotes.history.chart'), children: <EChart option={option} height={220} testId="price-history-chart" /> },
  ];
  return (
    <div data-testid="price-history" data-product-id={productId}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('quotes.history.title')}</Typography.Title>
      <Tabs size="small" items={tabs} destroyOnHidden />
      {history.data?.more && <Typography.Text type="secondary">{t('quotes.history.more', { count: rows.length })}</Typography.Text>}
    </div>
  );
}
