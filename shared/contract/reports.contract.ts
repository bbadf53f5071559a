import { z } from 'zod';
import { LANGUAGES } from './app.contract.ts';
import { EpochMs, Id, requiredText } from './primitives.ts';

/**
 * Reports (issue 13 point 7): how quotes and sample shipments went, per salesperson, month,
 * customer, country or product. Read-only: each call reads the quotes and samples tables.
 *
 * The window is [from, to] in epoch ms, both inclusive; without them the last 12 months (from
 * the first day of the month 11 months back to now). The service refuses from > to, a window
 * longer than 10 years and an unknown time zone or currency, each naming the field.
 * Months are 'YYYY-MM' in `timeZone` (an IANA name such as 'Asia/Shanghai'; the renderer sends
 * the browser's, so the web host groups by the user's months, not the server's), else the
 * computer's own.
 *
 * A quote counts once per base number (Q2026-0001 and its revisions are one deal): its newest
 * live revision that was sent stands for it, with that revision's sent date and status.
 */

const Window = z.object({
  from: EpochMs.optional(),
  to: EpochMs.optional(),
  timeZone: z.string().trim().max(64).optional(),
});

export const MoneyTotal = z.object({ currency: z.string(), amountE4: z.number() });
export type MoneyTotal = z.infer<typeof MoneyTotal>;

export const QuoteReportInput = Window.extend({ ownerId: Id.optional() });
export const QuoteReportRow = z.object({
  /** null: quotes of no salesperson. */
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  month: z.string(),
  sent: z.number(),
  won: z.number(),
  rejected: z.number(),
  expired: z.number(),
  /** won / (won + rejected + expired): of the quotes decided, the share won; null when none is decided yet. */
  winRate: z.number().nullable(),
});
export type QuoteReportRow = z.infer<typeof QuoteReportRow>;
export const QuoteReport = z.object({ from: EpochMs, to: EpochMs, rows: z.array(QuoteReportRow) });
export type QuoteReport = z.infer<typeof QuoteReport>;

export const SAMPLE_GROUPS = ['customer', 'country', 'product', 'owner', 'month'] as const;
export type SampleGroup = (typeof SAMPLE_GROUPS)[number];
export const SampleReportInput = Window.extend({ groupBy: z.enum(SAMPLE_GROUPS).default('customer'), ownerId: Id.optional() });
export const SampleCost = z.object({ currency: z.string(), sampleE4: z.number(), freightE4: z.number() });
export type SampleCost = z.infer<typeof SampleCost>;
export const SampleReportRow = z.object({
  /** The customer's, product's or owner's id, the country code or the month; null: none recorded. */
  key: z.string().nullable(),
  label: z.string().nullable(),
  shipments: z.number(),
  quantity: z.number(),
  /** Per currency, never added across currencies. By product: the costs of the shipments that carried it. */
  costs: z.array(SampleCost),
});
export type SampleReportRow = z.infer<typeof SampleReportRow>;
export const SampleReport = z.object({ from: EpochMs, to: EpochMs, groupBy: z.enum(SAMPLE_GROUPS), rows: z.array(SampleReportRow) });
export type SampleReport = z.infer<typeof SampleReport>;

export const TopCustomersInput = Window.extend({
  currency: z.string().trim().max(8).default('USD'),
  limit: z.number().int().min(1).max(100).default(10),
  ownerId: Id.optional(),
});
export const TopCustomerRow = z.object({
  customerId: Id,
  name: z.string(),
  code: z.string().nullable(),
  country: z.string().nullable(),
  quotes: z.number(),
  amountE4: z.number(),
});
export type TopCustomerRow = z.infer<typeof TopCustomerRow>;
export const TopCustomers = z.object({ from: EpochMs, to: EpochMs, currency: z.string(), rows: z.array(TopCustomerRow) });
export type TopCustomers = z.infer<typeof TopCustomers>;

/**
 * The home dashboard (issue 14 point 5): customers by grade, stage, country (top 10, the rest as
 * key '*') and source, for now; new customers by source and month, quotes sent and won per month
 * (deals once per base number, as above) and sample costs per month, in the window; overdue
 * follow-ups per owner at now. `ownerId` narrows every chart.
 */
export const DashboardInput = Window.extend({ ownerId: Id.optional() });
export const DashboardCount = z.object({ key: z.string().nullable(), count: z.number() });
export type DashboardCount = z.infer<typeof DashboardCount>;
export const DashboardOverdueRow = z.object({
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  quotes: z.number(),
  samples: z.number(),
  customers: z.number(),
  tasks: z.number(),
});
export type DashboardOverdueRow = z.infer<typeof DashboardOverdueRow>;
export const Dashboard = z.object({
  from: EpochMs,
  to: EpochMs,
  byGrade: z.array(DashboardCount),
  byStage: z.array(DashboardCount),
  byCountry: z.array(DashboardCount),
  bySource: z.array(DashboardCount),
  newBySource: z.array(z.object({ month: z.string(), source: z.string().nullable(), count: z.number() })),
  quotes: z.array(z.object({ month: z.string(), sent: z.number(), won: z.number() })),
  sampleCosts: z.array(SampleReportRow),
  overdue: z.array(DashboardOverdueRow),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const REPORT_KINDS = ['quotes', 'samples', 'topCustomers'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const ExportTarget = {
  /** Absolute, ending in .xlsx; an existing file is replaced only with `overwrite`. */
  path: requiredText(4000),
  /** The language of the sheet's headers and words. */
  language: z.enum(LANGUAGES).default('en'),
  overwrite: z.boolean().default(false),
};
export const ReportExportInput = z.discriminatedUnion('report', [
  z.object({ report: z.literal('quotes'), params: QuoteReportInput, ...ExportTarget }),
  z.object({ report: z.literal('samples'), params: SampleReportInput, ...ExportTarget }),
  z.object({ report: z.literal('topCustomers'), params: TopCustomersInput, ...ExportTarget }),
]);
export type ReportExportInput = z.output<typeof ReportExportInput>;
export const ReportFile = z.object({ path: z.string(), bytes: z.number(), rows: z.number() });

export const reportCalls = {
  'reports.quotes': { input: QuoteReportInput, output: QuoteReport },
  'reports.samples': { input: SampleReportInput, output: SampleReport },
  /** Customers by the value of their sent and accepted quotes in `currency`, largest first. */
  'reports.topCustomers': { input: TopCustomersInput, output: TopCustomers },
  'reports.dashboard': { input: DashboardInput, output: Dashboard },
  /** The report's table as an .xlsx, written under a temporary name and renamed when complete. */
  'reports.exportXlsx': { input: ReportExportInput, output: ReportFile },
} as const;
