import { SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import { Button, Select, Tooltip } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_SORT_FIELDS, GRADES, STAGES, type CustomerSortField, type Grade, type Stage } from '../../../../shared/domain/customer-enums.ts';
import { useCall } from '../../app/useCall.ts';
import { countryOptions } from '../../ui/country-names.ts';
import { useLanguage } from '../../ui/time-format.ts';
import { LAST_CONTACT_PRESETS, type CustomerListFilters, type LastContactPreset } from './customer-list-filters.ts';



export const NO_OWNER = '';

export function hasActiveFilters(f: CustomerListFilters): boolean {
  return Boolean(
    f.search?.trim() || f.grades?.length || f.stages?.length || f.countries?.length || f.ownerIds?.length || f.tagIds?.length || f.lastContact,
  );
}

/** Memoized: the list re-renders as pages arrive, the filters need not. */
export const CustomerFilters = memo(function CustomerFilters({ value, onChange }: { value: CustomerListFilters; onChange(next: CustomerListFilters): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const owners = useCall('owners.list', {});
  const tags = useCall('tags.list', {});
  const set = (patch: Partial<CustomerListFilters>) => onChange({ ...value, ...patch });

  return (
    <div className="customer-filters" data-testid="customer-filters">
      <Select<Grade[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('customers.filters.grade')}
        aria-label={t('customers.filters.grade')}
        data-testid="filter-grade"
        value={value.grades ?? []}
        onChange={(grades) => set({ grades })}
        options={GRADES.map((g) => ({ value: g, label: `${g} · ${t(`grades.${g}`)}` }))}
      />
      <Select<Stage[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('customers.filters.stage')}
        aria-label={t('customers.filters.stage')}
        data-testid="filter-stage"
        value={value.stages ?? []}
        onChange={(stages) => set({ stages })}
        options={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        maxTagCount="responsive"
        placeholder={t('customers.filters.country')}
        aria-label={t('customers.filters.country')}
        data-testid="filter-country"
        style={{ minWidth: 160 }}
        value={value.countries ?? []}
        onChange={(countries) => set({ countries })}
        options={countryOptions(language)}
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        maxTagCount="responsive"
        placeholder={t('customers.filters.owner')}
        aria-label={t('customers.filters.owner')}
        data-testid="filter-owner"
        loading={owners.isLoading}
        value={value.ownerIds ?? []}
        onChange={(ownerIds) => set({ ownerIds })}
        options={[
          { value: NO_OWNER, label: t('customers.filters.noOwner') },
          ...(owners.data ?? []).map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name} (${t('customers.filters.inactive')})` })),
        ]}
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        maxTagCount="responsive"
        placeholder={t('customers.filters.tag')}
        aria-label={t('customers.filters.tag')}
        data-testid="filter-tag"
        loading={tags.isLoading}
        value={value.tagIds ?? []}
        onChange={(tagIds) => set({ tagIds })}
        notFoundContent={t('customers.filters.noTags')}
        options={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
      />
      <Select<LastContactPreset>
        allowClear
        placeholder={t('customers.filters.lastContact')}
        aria-label={t('customers.filters.lastContact')}
        data-testid="filter-last-contact"
        style={{ minWidth: 170 }}
        value={value.lastContact ?? undefined}
        onChange={(lastContact) => set({ lastContact: lastContact ?? null })}
        options={LAST_CONTACT_PRESETS.map((o) => ({ value: o, label: t(`customers.lastContact.${o}`) }))}
      />
      <Select<CustomerSortField>
        aria-label={t('customers.sort.label')}
        data-testid="sort-field"
        style={{ minWidth: 150 }}
        value={value.sort ?? 'name'}
        onChange={(sort) => set({ sort })}
        options={CUSTOMER_SORT_FIELDS.map((f) => ({ value: f, label: t('customers.sort.by', { field: t(`customers.sort.fields.${f}`) }) }))}
      />
      <Tooltip title={value.dir === 'desc' ? t('customers.sort.desc') : t('customers.sort.asc')}>
        <Button
          aria-label={value.dir === 'desc' ? t('customers.sort.desc') : t('customers.sort.asc')}
          data-testid="sort-dir"
          icon={value.dir === 'desc' ? <SortDescendingOutlined /> : <SortAscendingOutlined />}
          onClick={() => set({ dir: value.dir === 'desc' ? 'asc' : 'desc' })}
        />
      </Tooltip>
    </div>
  );
});
