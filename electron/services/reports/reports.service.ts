import path from 'node:path';
import type { z } from 'zod';
import type { ReportExportInput, reportCalls } from '../../../shared/contract/reports.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import { isCurrency } from '../../../shared/domain/money.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { writeBytesAtomically } from '../exports/export-file.ts';
import { exportText } from '../exports/export-text.ts';
import { defaultWindow, isTimeZone } from './report-months.ts';
import { customersBy, newCustomersBySource, overdueByOwner } from './dashboard.queries.ts';
import { quoteReport, sampleReport, topCustomers, type ReportWindow } from './reports.queries.ts';
import type { ReportTable } from './report-xlsx.ts';

type Input<K extends keyof typeof reportCalls> = z.output<(typeof reportCalls)[K]['input']>;

/** Longer windows are refused: ten years of months is already more than a chart can show. */
const MAX_YEARS = 10;
const MAX_WINDOW_MS = MAX_YEARS * 366 * 86_400_000;

function refuse(field: string, message: string, params: Record<string, string | number>): never {
  return fail('validation', message, params, [{ path: field, message, params }]);
}

/** The window asked for, or the last 12 months; refused, naming the field, when reversed, too long or in an unknown zone. */
function windowOf(input: { from?: number | undefined; to?: number | undefined; timeZone?: string | undefined }, now: number): ReportWindow {
  const fallback = defaultWindow(now);
  const from = input.from ?? fallback.from;
  const to = input.to ?? (input.from !== undefined ? Math.max(now, from) : fallback.to);
  if (from > to) refuse('from', 'reports.errors.rangeReversed', {});
  if (to - from > MAX_WINDOW_MS) refuse('to', 'reports.errors.rangeTooLong', { years: MAX_YEARS });
  const timeZone = input.timeZone || undefined;
  if (timeZone && !isTimeZone(timeZone)) refuse('timeZone', 'reports.errors.unknownTimeZone', { timeZone });
  return { from, to, timeZone };
}

function checkedCurrency(currency: string): string {
  const code = currency.toUpperCase();
  if (!isCurrency(code)) refuse('currency', 'reports.errors.unknownCurrency', { currency });
  return code;
}

/** Reports on quotes and sample shipments (issue 13 point 7): read-only, so nothing is emitted. */
export function createReportService(deps: Pick<ServiceDeps, 'db' | 'clock' | 'log'>): { handlers: Pick<Handlers, keyof typeof reportCalls> } {
  const { db, clock } = deps;

  const quotes = async (input: Input<'reports.quotes'>) => {
    const now = clock.now();
    const window = windowOf(input, now);
    return { from: window.from, to: window.to, rows: await quoteReport(db, { ...window, ownerId: input.ownerId }, now) };
  };
  const samples = async (input: Input<'reports.samples'>) => {
    const window = windowOf(input, clock.now());
    return { from: window.from, to: window.to, groupBy: input.groupBy, rows: await sampleReport(db, { ...window, groupBy: input.groupBy, ownerId: input.ownerId }) };
  };
  const top = async (input: Input<'reports.topCustomers'>) => {
    const now = clock.now();
    const currency = checkedCurrency(input.currency);
    const window = windowOf(input, now);
    return { from: window.from, to: window.to, currency, rows: await topCustomers(db, { ...window, currency, limit: input.limit, ownerId: input.ownerId }, now) };
  };

  /** Every dashboard chart in one call, so the page shows them together (one round trip, one window check). */
  const dashboard = async (input: Input<'reports.dashboard'>) => {
    const now = clock.now();
    const window = windowOf(input, now);
    const ownerId = input.ownerId;
    const [byGrade, byStage, byCountry, bySource, newBySource, quoteRows, sampleCosts, overdue] = await Promise.all([
      customersBy(db, 'grade', ownerId),
      customersBy(db, 'stage', ownerId),
      customersBy(db, 'country', ownerId),
      customersBy(db, 'source', ownerId),
      newCustomersBySource(db, window, ownerId),
      quoteReport(db, { ...window, ownerId }, now),
      sampleReport(db, { ...window, groupBy: 'month', ownerId }),
      overdueByOwner(db, now, ownerId),
    ]);
    const months = new Map<string, { month: string; sent: number; won: number }>();
    for (const r of quoteRows) {
      const m = months.get(r.month) ?? { month: r.month, sent: 0, won: 0 };
      m.sent += r.sent;
      m.won += r.won;
      months.set(r.month, m);
    }
    return { from: window.from, to: window.to, byGrade, byStage, byCountry, bySource, newBySource, quotes: [...months.values()], sampleCosts: sampleCosts, overdue };
  };

  async function tableOf(input: ReportExportInput): Promise<ReportTable> {
    switch (input.report) {
      case 'quotes':
        return { report: 'quotes', rows: (await quotes(input.params)).rows };
      case 'samples':
        return { report: 'samples', groupBy: input.params.groupBy, rows: (await samples(input.params)).rows };
      case 'topCustomers': {
        const answer = await top(input.params);
        return { report: 'topCustomers', currency: answer.currency, rows: answer.rows };
      }
    }
  }

  async function exportXlsx(input: ReportExportInput) {
    if (!path.isAbsolute(input.path)) refuse('path', 'exports.errors.notAbsolute', { file: input.path });
    if (path.extname(input.path).toLowerCase() !== '.xlsx') refuse('path', 'reports.errors.notXlsx', { file: input.path });
    const target = path.normalize(input.path);
    const table = await tableOf(input);
    const { renderReportXlsx } = await import('./report-xlsx.ts');
    const { bytes, rows } = await renderReportXlsx(table, await exportText(input.language));
    await writeBytesAtomically(target, bytes, input.overwrite);
    deps.log.info('report exported', { report: input.report, rows, bytes: bytes.length });
    return { path: target, bytes: bytes.length, rows };
  }

  return {
    handlers: {
      'reports.quotes': quotes,
      'reports.samples': samples,
      'reports.topCustomers': top,
      'reports.dashboard': dashboard,
      'reports.exportXlsx': exportXlsx,
    },
  };
}
