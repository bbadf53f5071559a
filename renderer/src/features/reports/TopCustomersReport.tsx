import { Select, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopCustomerRow } from '../../../../shared/contract/reports.contract.ts';
import { CURRENCIES, formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { hrefFor } from '../../app/routes.ts';
import { useCall } from '../../app/useCall.ts';
import { countryName } from '../../ui/country-names.ts';
import { useLanguage } from '../../ui/time-format.ts';
import { EChart } from '../../ui/EChart.tsx';
import { ReportExportButton } from './ReportExportButton.tsx';
import { ReportFrame } from './ReportFrame.tsx';
import { topChartOption } from './report-view.ts';
import type { ReportWindow } from './ReportsPage.tsx';

const LIMITS = [10, 20, 50];

/** Customers by the value of their sent and accepted quotes in one currency, largest first. */
export function TopCustomersReport({ period }: { period: ReportWindow }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [currency, setCurrency] = useState<string>('USD');
  const [limit, setLimit] = useState(10);
  const params = { ...period, currency, limit };
  const report = useCall('reports.topCustomers', params);
  const rows = useMemo(() => report.data?.rows ?? [], [report.data]);
  const option = useMemo(() => topChartOption(rows, currency, t('reports.topCustomers.amount')), [rows, currency, t]);
  const columns: TableColumnsType<TopCustomerRow> = [
    { key: 'rank', title: t('reports.topCustomers.rank'), width: 64, render: (_, __, i) => i + 1 },
    { key: 'customer', title: t('reports.topCustomers.customer'), render: (_, r) => <a href={hrefFor({ page: 'customer', id: r.customerId })}>{r.name}</a> },
    { key: 'code', title: t('reports.topCustomers.code'), dataIndex: 'code' },
    { key: 'country', title: t('reports.topCustomers.country'), render: (_, r) => countryName(r.country, language) },
    { key: 'quotes', title: t('reports.topCustomers.quotes'), dataIndex: 'quotes', align: 'right' },
    { key: 'amount', title: t('reports.topCustomers.amount'), align: 'right', render: (_, r) => `${currency} ${formatMoneyE4(r.amountE4)}` },
  ];
  return (
    <ReportFrame
      testId="report-top"
      help={t('reports.topCustomers.help')}
      controls={
        <>
          <Select<string>
            showSearch
            value={currency}
            onChange={setCurrency}
            style={{ width: 110 }}
            aria-label={t('reports.currency')}
            data-testid="report-top-currency"
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          />
          <Select<number>
            value={limit}
            onChange={setLimit}
            style={{ width: 120 }}
            aria-label={t('reports.topCustomers.limit')}
            options={LIMITS.map((n) => ({ value: n, label: `${t('reports.topCustomers.limit')} ${n}` }))}
          />
        </>
      }
      loading={report.isLoading}
      error={report.error}
      empty={rows.length === 0}
      exportButton={<ReportExportButton request={{ report: 'topCustomers', params }} title={t('reports.tabs.topCustomers')} fileName="top-customers.xlsx" disabled={rows.length === 0} />}
      chart={() => <EChart option={option} height={Math.max(240, rows.length * 28 + 64)} testId="report-top-chart" />}
      table={() => (
        <Table<TopCustomerRow>
          size="small"
          rowKey="customerId"
          columns={columns}
          dataSource={rows}
          pagination={false}
          data-testid="report-top-table"
        />
      )}
    />
  );
}
