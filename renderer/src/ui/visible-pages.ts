/**
 * The page numbers a virtualized list needs for rows firstIndex..lastIndex: always page 0
 * (it carries the total), then only the pages covering the visible rows, so dragging the
 * scrollbar anywhere in 50,000 rows asks for one or two pages, not everything before them.
 */
export function visiblePages(firstIndex: number, lastIndex: number, pageSize: number): number[] {
  const from = Math.floor(Math.max(0, firstIndex) / pageSize);
  const to = Math.floor(Math.max(0, lastIndex) / pageSize);
  const pages = [0];
  for (let p = Math.max(1, from); p <= to; p++) pages.push(p);
  return pages;
}
