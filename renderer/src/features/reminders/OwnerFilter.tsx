import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/useCall.ts';

/** "All owners" or one salesperson: the owner filter of the reminder lists. */
export function OwnerFilter(props: { value: string | undefined; onChange(value: string | undefined): void; testId: string }) {
  const { t } = useTranslation();
  const owners = useCall('owners.list', {});
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 200 }}
      placeholder={t('reminders.allOwners')}
      aria-label={t('reminders.ownerFilter')}
      data-testid={props.testId}
      loading={owners.isLoading}
      value={props.value}
      onChange={props.onChange}
      options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}
