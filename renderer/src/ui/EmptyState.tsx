import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** One look for "nothing here yet" across screens, with an optional next step. */
export function EmptyState({ title, action, testId }: { title: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={title} data-testid={testId ?? 'empty-state'}>
      {action}
    </Empty>
  );
}
