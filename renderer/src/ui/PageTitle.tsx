import type { HTMLAttributes } from 'react';

/**
 * A screen's or pane's title, in antd's heading style (app.css). A plain heading rather than
 * Typography.Title, whose ellipsis and copy machinery (resize observers, measuring) none of the
 * titles use and which was a measurable part of the customer list's first render.
 */
export function PageTitle({ level = 3, className, ...rest }: { level?: 3 | 4 } & HTMLAttributes<HTMLHeadingElement>) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return <Heading className={`page-title page-title-${level}${className ? ` ${className}` : ''}`} {...rest} />;
}
