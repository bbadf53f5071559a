import { SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilterControlsProps } from './CustomerFilterControls.tsx';

/**
 * Flips the list's sort direction. CustomerFilterControls wraps it in a Tooltip once loaded;
 * until then it works without one, so antd's Tooltip (and the popup code it brings, ~35 KB) is
 * not part of the list's first paint.
 */
export function SortDirButton({ value, onChange }: FilterControlsProps) {
  const { t } = useTranslation();
  const label = value.dir === 'desc' ? t('customers.sort.desc') : t('customers.sort.asc');
  return (
    <Button
      aria-label={label}
      data-testid="sort-dir"
      icon={value.dir === 'desc' ? <SortDescendingOutlined /> : <SortAscendingOutlined />}
      onClick={() => onChange({ ...value, dir: value.dir === 'desc' ? 'asc' : 'desc' })}
    />
  );
}
