import { Select, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SampleGroup, SampleReportRow } from '../../../../shared/contract/reports.contract.ts';
import { useCall } from '../../app/useCall.ts';
import { countryName } from '../../ui/country-names.ts';
import { useLanguage } from '../../ui/time-format.ts';
import { EChart } from '../../ui/EChart.tsx';
import { ReportExportButton } from './ReportExportButton.tsx';
import { ReportFrame } from './ReportFrame.tsx';
import { mainCurrency, moneyList, sampleChartOption } from './report-view.ts';
import type { ReportWindow } from './ReportsPage.tsx';

type NamedRow = SampleReportRow & { name: string };

/**
 * The groupings, in the order offered. Not the contract's SAMPLE_GROUPS: importing a value from
 * the contract brings zod into the page, whose start-up probe for `new Function` is reported as a
 * CSP violation; the Record makes the typecheck fail when the contract gains a grouping.
 */
const GROUPS = Object.keys({ customer: true, country: true, product: true, owner: true, month: true } satisfies Record<SampleGroup, true>) as SampleGroup[];

/** Sample shipments, items and costs by customer, country, product, salesperson or month. */
export function SamplesReport({ period }: { period: ReportWindow }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [groupBy, setGroupBy] = useState<SampleGroup>('customer');
  const params = { ...period, groupBy };
  const report = useCall('reports.samples', params);
  const rows = useMemo<NamedRow[]>(() => {
    const none = groupBy === 'product' ? t('reports.otherItems') : groupBy === 'country' ? t('reports.noCountry') : t('reports.noOwner');
    return (report.data?.rows ?? []).map((r) => ({ ...r, name: r.label === null ? none : groupBy === 'country' ? countryName(r.label, language) : r.label }));
  }, [report.data, groupBy, language, t]);
  const currency = mainCurrency(rows);
  const option = useMemo(
    () => sampleChartOption(rows, currency, { shipments: t('reports.samples.shipments'), quantity: t('reports.samples.quantity'), cost: `${t('reports.samples.totalCost')} (${currency ?? ''})` }),
    [rows, currency, t],
  );
  const columns: TableColumnsType<NamedRow> = [
    { key: 'name', title: t(`reports.groups.${groupBy}`), dataIndex: 'name' },
    { key: 'shipments', title: t('reports.samples.shipments'), dataIndex: 'shipments', align: 'right' },
    { key: 'quantity', title: t('reports.samples.quantity'), dataIndex: 'quantity', align: 'right' },
    { key: 'sample', title: t('reports.samples.sampleCost'), align: 'right', render: (_, r) => moneyList(r.costs.map((c) => ({ currency: c.currency, amountE4: c.sampleE4 }))) },
    { key: 'freight', title: t('reports.samples.freightCost'), align: 'right', render: (_, r) => moneyList(r.costs.map((c) => ({ currency: c.currency, amountE4: c.freightE4 }))) },
    { key: 'total', title: t('reports.samples.totalCost'), align: 'right', render: (_, r) => moneyList(r.costs.map((c) => ({ currency: c.currency, amountE4: c.sampleE4 + c.freightE4 }))) },
  ];
  return (
    <ReportFrame
      testId="report-samples"
      help={t('reports.samples.help')}
      controls={
        <Select<SampleGroup>
          value={groupBy}
          onChange={setGroupBy}
          style={{ minWidth: 160 }}
          aria-label={t('reports.groupBy')}
          data-testid="report-samples-group"
          options={GROUPS.map((g) => ({ value: g, label: `${t('reports.groupBy')}: ${t(`reports.groups.${g}`)}` }))}
        />
      }
      loading={report.isLoading}
      error={report.error}
      empty={rows.length === 0}
      exportButton={<ReportExportButton request={{ report: 'samples', params }} title={t('reports.tabs.samples')} fileName="samples-report.xlsx" disabled={rows.length === 0} />}
      chart={() => <EChart option={option} height={360} testId="report-samples-chart" />}
      table={() => (
        <Table<NamedRow>
          size="small"
          rowKey={(r) => r.key ?? ''}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="report-samples-table"
        />
      )}
    />
  );
}
