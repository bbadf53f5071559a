import { Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuoteReportRow } from '../../../../shared/contract/reports.contract.ts';
import { useCall } from '../../app/useCall.ts';
import { EChart } from '../../ui/EChart.tsx';
import { ReportExportButton } from './ReportExportButton.tsx';
import { ReportFrame } from './ReportFrame.tsx';
import { monthsBetween, percent, quoteChartOption, quoteTotalsByMonth, quoteTotalsByOwner } from './report-view.ts';
import type { ReportWindow } from './ReportsPage.tsx';

/** Quotes sent, won and the win rate: charts per month and per salesperson, the table per salesperson and month. */
export function QuotesReport({ period }: { period: ReportWindow }) {
  const { t } = useTranslation();
  const report = useCall('reports.quotes', period);
  const rows = useMemo(() => report.data?.rows ?? [], [report.data]);
  const options = useMemo(() => {
    const labels = { sent: t('reports.quotes.sent'), won: t('reports.quotes.won'), winRate: t('reports.quotes.winRate') };
    return {
      byMonth: quoteChartOption(quoteTotalsByMonth(rows, report.data ? monthsBetween(report.data.from, report.data.to) : []), labels),
      byOwner: quoteChartOption(quoteTotalsByOwner(rows, t('reports.noOwner')), labels),
    };
  }, [rows, report.data, t]);
  const columns: TableColumnsType<QuoteReportRow> = [
    { key: 'month', title: t('reports.quotes.month'), dataIndex: 'month' },
    { key: 'owner', title: t('reports.quotes.owner'), render: (_, r) => r.ownerName ?? t('reports.noOwner') },
    { key: 'sent', title: t('reports.quotes.sent'), dataIndex: 'sent', align: 'right' },
    { key: 'won', title: t('reports.quotes.won'), dataIndex: 'won', align: 'right' },
    { key: 'rejected', title: t('reports.quotes.rejected'), dataIndex: 'rejected', align: 'right' },
    { key: 'expired', title: t('reports.quotes.expired'), dataIndex: 'expired', align: 'right' },
    { key: 'winRate', title: t('reports.quotes.winRate'), align: 'right', render: (_, r) => percent(r.winRate) },
  ];
  return (
    <ReportFrame
      testId="report-quotes"
      help={t('reports.quotes.help')}
      loading={report.isLoading}
      error={report.error}
      empty={rows.length === 0}
      exportButton={<ReportExportButton request={{ report: 'quotes', params: period }} title={t('reports.tabs.quotes')} fileName="quotes-report.xlsx" disabled={rows.length === 0} />}
      chart={() => (
        <>
          <Typography.Title level={5}>{t('reports.quotes.byMonth')}</Typography.Title>
          <EChart option={options.byMonth} height={320} testId="report-quotes-chart" />
          <Typography.Title level={5}>{t('reports.quotes.byOwner')}</Typography.Title>
          <EChart option={options.byOwner} height={280} testId="report-quotes-owner-chart" />
        </>
      )}
      table={() => (
        <Table<QuoteReportRow>
          size="small"
          rowKey={(r) => `${r.ownerId ?? ''}|${r.month}`}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="report-quotes-table"
        />
      )}
    />
  );
}
