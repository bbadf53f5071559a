import { DatePicker, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { OwnerFilter } from '../reminders/OwnerFilter.tsx';
import { QuotesReport } from './QuotesReport.tsx';
import { SamplesReport } from './SamplesReport.tsx';
import { TopCustomersReport } from './TopCustomersReport.tsx';

/** The period and salesperson every tab reports on; months are the browser's (timeZone). */
export interface ReportWindow {
  from: number;
  to: number;
  timeZone: string;
  ownerId?: string;
}

type Range = [Dayjs, Dayjs];

/** The last 12 months, this one included — the service's default too. */
function lastTwelveMonths(): Range {
  return [dayjs().startOf('month').subtract(11, 'month'), dayjs().startOf('month')];
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Reports (issue 13 point 7): quotes won per salesperson and month, sample shipments and their
 * costs, and the customers quoted the most — each as a chart or a table, and as an .xlsx.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>(lastTwelveMonths);
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const period: ReportWindow = {
    from: range[0].startOf('month').valueOf(),
    to: range[1].endOf('month').valueOf(),
    timeZone: browserTimeZone(),
    ...(ownerId ? { ownerId } : {}),
  };
  return (
    <div className="page" data-testid="reports-page">
      <ListPageHeader title={t('reports.title')} count={null} countTestId="reports-count">
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={range}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          aria-label={t('reports.range')}
          data-testid="reports-range"
        />
        <OwnerFilter testId="reports-owner" value={ownerId} onChange={setOwnerId} />
      </ListPageHeader>
      <Tabs
        destroyOnHidden
        data-testid="reports-tabs"
        items={[
          { key: 'quotes', label: t('reports.tabs.quotes'), children: <QuotesReport period={period} /> },
          { key: 'samples', label: t('reports.tabs.samples'), children: <SamplesReport period={period} /> },
          { key: 'topCustomers', label: t('reports.tabs.topCustomers'), children: <TopCustomersReport period={period} /> },
        ]}
      />
    </div>
  );
}
