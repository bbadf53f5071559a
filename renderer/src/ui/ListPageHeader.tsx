import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { PageTitle } from './PageTitle.tsx';

interface Props {
  title: ReactNode;
  /** Null while the first page loads, so no "0" flashes. */
  count: ReactNode;
  countTestId: string;
  /** A line of explanation under the header. */
  intro?: ReactNode;
  /** Right-aligned actions. */
  children?: ReactNode;
}

/** The title row of a list screen: what it is, how many, and what can be done to them. */
export function ListPageHeader({ title, count, countTestId, intro, children }: Props) {
  return (
    <>
      <div className="page-header">
        <PageTitle>
          {title}
        </PageTitle>
        <span className="muted" data-testid={countTestId}>
          {count}
        </span>
        <div style={{ flex: 1 }} />
        {children}
      </div>
      {intro !== undefined && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {intro}
        </Typography.Paragraph>
      )}
    </>
  );
}
