import { describe, expect, it } from 'vitest';
import type { QuoteReportRow } from '../../../../../shared/contract/reports.contract.ts';
import { mainCurrency, moneyList, monthsBetween, percent, quoteChartOption, quoteTotalsByMonth, quoteTotalsByOwner, sampleChartOption, topChartOption } from '../../../../../renderer/src/features/reports/report-view.ts';

const row = (ownerId: string, month: string, sent: number, won: number, rejected: number, expired: number): QuoteReportRow => ({
  ownerId,
  ownerName: ownerId,
  month,
  sent,
  won,
  rejected,
  expired,
  winRate: null,
});

describe('the Reports page view of the rows', () => {
  it('lists every month of the window, gaps included', () => {
    expect(monthsBetween(new Date(2025, 10, 15).getTime(), new Date(2026, 1, 10).getTime())).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it("adds the salespeople's quotes per month and recomputes the win rate from the sums", () => {
    const totals = quoteTotalsByMonth([row('a', '2026-01', 3, 1, 1, 0), row('b', '2026-01', 2, 2, 0, 1), row('a', '2026-03', 1, 0, 0, 0)], ['2026-01', '2026-02', '2026-03']);
    expect(totals).toEqual([
      { label: '2026-01', sent: 5, won: 3, rejected: 1, expired: 1, winRate: 0.6 },
      { label: '2026-02', sent: 0, won: 0, rejected: 0, expired: 0, winRate: null },
      { label: '2026-03', sent: 1, won: 0, rejected: 0, expired: 0, winRate: null },
    ]);
    const option = quoteChartOption(totals, { sent: 'Sent', won: 'Won', winRate: 'Win rate' });
    expect((option.series as Array<{ data: unknown[] }>).map((s) => s.data)).toEqual([
      [5, 0, 1],
      [3, 0, 0],
      [60, null, null],
    ]);
    expect(quoteTotalsByOwner([row('a', '2026-01', 3, 1, 1, 0), row('b', '2026-01', 2, 2, 0, 1), row('a', '2026-03', 1, 0, 0, 0), { ...row('x', '2026-03', 1, 1, 0, 0), ownerName: null }], 'Nobody')).toEqual([
      { label: 'a', sent: 4, won: 1, rejected: 1, expired: 0, winRate: 0.5 },
      { label: 'b', sent: 2, won: 2, rejected: 0, expired: 1, winRate: 2 / 3 },
      { label: 'Nobody', sent: 1, won: 1, rejected: 0, expired: 0, winRate: 1 },
    ]);
    expect(percent(0.6)).toBe('60.0%');
    expect(percent(null)).toBe('—');
  });

  it('never adds currencies: money is listed per currency and the cost series is of one currency', () => {
    expect(moneyList([{ currency: 'USD', amountE4: 12_345_000 }, { currency: 'CNY', amountE4: 2_000_000 }])).toBe('USD 1,234.50 · CNY 200.00');
    expect(moneyList([])).toBe('—');
    const rows = [
      { key: 'c1', label: 'A', name: 'A', shipments: 2, quantity: 5, costs: [{ currency: 'USD', sampleE4: 300_000, freightE4: 450_000 }, { currency: 'CNY', sampleE4: 0, freightE4: 2_000_000 }] },
      { key: 'c2', label: 'B', name: 'B', shipments: 1, quantity: 1, costs: [{ currency: 'USD', sampleE4: 100_000, freightE4: 0 }] },
    ];
    expect(mainCurrency(rows)).toBe('USD');
    const series = sampleChartOption(rows, 'USD', { shipments: 's', quantity: 'q', cost: 'c' }).series as Array<{ data: unknown[] }>;
    expect(series.map((s) => s.data)).toEqual([
      [2, 1],
      [5, 1],
      [75, 10],
    ]);
    expect(mainCurrency([])).toBeNull();
  });

  it('draws the top customer at the top of the bar chart', () => {
    const option = topChartOption(
      [
        { customerId: '1', name: 'First', code: null, country: null, quotes: 2, amountE4: 25_000_000 },
        { customerId: '2', name: 'Second', code: null, country: null, quotes: 1, amountE4: 3_000_000 },
      ],
      'USD',
      'Quoted value',
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['Second', 'First']);
    expect((option.series as Array<{ data: number[] }>)[0]!.data).toEqual([300, 2500]);
  });
});
