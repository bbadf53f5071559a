import type { ReactNode } from 'react';

export type ListTagColor = 'default' | 'volcano' | 'gold' | 'blue';

/**
 * antd's Tag as a plain span (styled alike in app.css), for long virtualized lists: the customer
 * list's first screen shows ~50 tags, and antd's Tag (its wave, context and style hooks per
 * instance) measured ~40 ms of that first render.
 */
export function ListTag({ color = 'default', title, testId, children }: { color?: ListTagColor; title?: string; testId?: string; children: ReactNode }) {
  return (
    <span className={`list-tag list-tag-${color}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}
