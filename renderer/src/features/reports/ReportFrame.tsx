import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { Alert, Segmented, Spin, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { toAppError, translateError } from '../../app/app-errors.ts';

export type ReportView = 'chart' | 'table';

/**
 * One report's tab: what it counts (help), its own controls, the Chart / Table switch and its
 * export, then the chart or the table — or "nothing in this period". Both views show the same
 * numbers; the table is also what the .xlsx holds.
 */
export function ReportFrame(props: {
  testId: string;
  help: string;
  controls?: ReactNode;
  exportButton: ReactNode;
  loading: boolean;
  error: unknown;
  empty: boolean;
  chart(): ReactNode;
  table(): ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<ReportView>('chart');
  let body: ReactNode;
  // A refused window (e.g. longer than ten years) says why, in place of the report.
  if (props.error) body = <Alert type="error" showIcon message={translateError(t, toAppError(props.error))} data-testid={`${props.testId}-error`} />;
  else if (props.loading) body = <Spin style={{ display: 'block', margin: '48px auto' }} />;
  else if (props.empty) body = <EmptyState title={t('reports.empty')} testId={`${props.testId}-empty`} />;
  else body = view === 'chart' ? props.chart() : props.table();
  return (
    <div data-testid={props.testId}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 880 }}>
        {props.help}
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        {props.controls}
        <div style={{ flex: 1 }} />
        <Segmented<ReportView>
          value={view}
          onChange={setView}
          data-testid={`${props.testId}-view`}
          options={[
            { value: 'chart', label: t('reports.showChart'), icon: <BarChartOutlined /> },
            { value: 'table', label: t('reports.showTable'), icon: <TableOutlined /> },
          ]}
        />
        {props.exportButton}
      </div>
      {body}
    </div>
  );
}
