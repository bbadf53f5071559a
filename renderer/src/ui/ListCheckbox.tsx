import { useEffect, useRef } from 'react';

/**
 * A native checkbox in the primary colour, for rows of long virtualized lists: antd's Checkbox
 * (wave effect, contexts, style hooks per instance) measured ~35 ms of the customer list's first
 * render for its 16 visible rows. `indeterminate` is a DOM property only, hence the effect.
 */
export function ListCheckbox({
  checked,
  indeterminate = false,
  onChange,
  label,
}: {
  checked: boolean;
  indeterminate?: boolean;
  onChange(checked: boolean): void;
  label: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" className="list-checkbox" aria-label={label} checked={checked} onChange={(e) => onChange(e.target.checked)} />;
}
