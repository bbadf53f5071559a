import dayjs from 'dayjs';
import type { QuoteReportRow, SampleCost, SampleReportRow, TopCustomerRow } from '../../../../shared/contract/reports.contract.ts';
import { E4, formatMoneyE4 } from '../../../../shared/domain/money.ts';
import type { EChartOption } from '../../ui/EChart.tsx';

/**
 * What the Reports page draws, from the service's rows: pure, so the numbers the chart shows
 * are tested without a browser. A chart never adds money of different currencies: the cost and
 * value series are of one chosen currency.
 */

/** Every month of the window, 'YYYY-MM' in the browser's zone (as the service groups them): a month without quotes is a gap, not missing. */
export function monthsBetween(from: number, to: number): string[] {
  const months: string[] = [];
  const last = dayjs(to).startOf('month');
  for (let m = dayjs(from).startOf('month'); !m.isAfter(last) && months.length < 240; m = m.add(1, 'month')) months.push(m.format('YYYY-MM'));
  return months;
}

export interface QuoteTotals {
  /** The month ('YYYY-MM') or the salesperson's name. */
  label: string;
  sent: number;
  won: number;
  rejected: number;
  expired: number;
  /** won / decided, as the service defines it; null when none is decided. */
  winRate: number | null;
}

/** Rows added up by `keyOf` (two salespeople of the same name stay apart), starting from `keys` so gaps show. */
function addUp(rows: readonly QuoteReportRow[], keyOf: (row: QuoteReportRow) => string, labelOf: (row: QuoteReportRow) => string, keys: readonly string[] = []): QuoteTotals[] {
  const totals = new Map(keys.map((key) => [key, { label: key, sent: 0, won: 0, rejected: 0, expired: 0, winRate: null as number | null }]));
  for (const row of rows) {
    let sum = totals.get(keyOf(row));
    if (!sum) totals.set(keyOf(row), (sum = { label: labelOf(row), sent: 0, won: 0, rejected: 0, expired: 0, winRate: null }));
    sum.sent += row.sent;
    sum.won += row.won;
    sum.rejected += row.rejected;
    sum.expired += row.expired;
  }
  const all = [...totals.values()];
  for (const sum of all) {
    const decided = sum.won + sum.rejected + sum.expired;
    sum.winRate = decided > 0 ? sum.won / decided : null;
  }
  return all;
}

/** The salespeople's rows added up per month, every month of the window shown. */
export function quoteTotalsByMonth(rows: readonly QuoteReportRow[], months: readonly string[]): QuoteTotals[] {
  return addUp(rows, (r) => r.month, (r) => r.month, months).sort((a, b) => a.label.localeCompare(b.label));
}

/** The months added up per salesperson, most quotes sent first. */
export function quoteTotalsByOwner(rows: readonly QuoteReportRow[], noOwner: string): QuoteTotals[] {
  return addUp(rows, (r) => r.ownerId ?? '', (r) => r.ownerName ?? noOwner).sort((a, b) => b.sent - a.sent || a.label.localeCompare(b.label));
}

/** A lone category's bar would fill the chart's width. */
const BAR_MAX_WIDTH = 48;

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function quoteChartOption(totals: readonly QuoteTotals[], labels: { sent: string; won: string; winRate: string }): EChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    // ECharts 6 puts the legend at the bottom by default, over the month labels.
    legend: { top: 0, data: [labels.sent, labels.won, labels.winRate] },
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: totals.map((t) => t.label), axisLabel: { width: 110, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      // The right-hand axis draws no grid lines of its own: they would not meet the left's.
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: labels.sent, type: 'bar', barMaxWidth: BAR_MAX_WIDTH, data: totals.map((t) => t.sent) },
      { name: labels.won, type: 'bar', barMaxWidth: BAR_MAX_WIDTH, data: totals.map((t) => t.won) },
      { name: labels.winRate, type: 'line', yAxisIndex: 1, connectNulls: true, data: totals.map((t) => (t.winRate === null ? null : Math.round(t.winRate * 1000) / 10)) },
    ],
  };
}

/** The currency most groups have costs in, for the samples chart's cost series; null when no cost is recorded. */
export function mainCurrency(rows: readonly SampleReportRow[]): string | null {
  const sums = new Map<string, number>();
  for (const row of rows) for (const c of row.costs) sums.set(c.currency, (sums.get(c.currency) ?? 0) + 1);
  return [...sums].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function totalCostE4(costs: readonly SampleCost[], currency: string): number {
  const cost = costs.find((c) => c.currency === currency);
  return cost ? cost.sampleE4 + cost.freightE4 : 0;
}

/** "USD 1,234.50 · CNY 200.00": each currency on its own, never added together. */
export function moneyList(items: ReadonlyArray<{ currency: string; amountE4: number }>): string {
  return items.length === 0 ? '—' : items.map((i) => `${i.currency} ${formatMoneyE4(i.amountE4)}`).join(' · ');
}

export function sampleChartOption(
  rows: ReadonlyArray<SampleReportRow & { name: string }>,
  currency: string | null,
  labels: { shipments: string; quantity: string; cost: string },
): EChartOption {
  const names = rows.map((r) => r.name);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.shipments, labels.quantity, ...(currency ? [labels.cost] : [])] },
    grid: { left: 48, right: 64, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' } },
    yAxis: [{ type: 'value', minInterval: 1 }, ...(currency ? [{ type: 'value' as const, name: currency, splitLine: { show: false } }] : [])],
    series: [
      { name: labels.shipments, type: 'bar', barMaxWidth: BAR_MAX_WIDTH, data: rows.map((r) => r.shipments) },
      { name: labels.quantity, type: 'bar', barMaxWidth: BAR_MAX_WIDTH, data: rows.map((r) => r.quantity) },
      ...(currency ? [{ name: labels.cost, type: 'line' as const, yAxisIndex: 1, data: rows.map((r) => totalCostE4(r.costs, currency) / E4) }] : []),
    ],
  };
}

export function topChartOption(rows: readonly TopCustomerRow[], currency: string, label: string): EChartOption {
  // Largest at the top: a horizontal bar chart draws its first category at the bottom.
  const ordered = [...rows].reverse();
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${currency} ${formatMoneyE4(Math.round(Number(v) * E4))}` },
    grid: { left: 160, right: 48, top: 24, bottom: 32 },
    xAxis: { type: 'value', name: currency },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{ name: label, type: 'bar', barMaxWidth: BAR_MAX_WIDTH, data: ordered.map((r) => r.amountE4 / E4) }],
  };
}
