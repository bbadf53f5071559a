import { Select, Tooltip, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_SORT_FIELDS, GRADES, STAGES, type CustomerSortField } from '../../../../shared/domain/customer-enums.ts';
import { VALUE_BANDS } from '../../../../shared/domain/value-score.ts';
import { useCall } from '../../app/useCall.ts';
import { countryOptions } from '../../ui/country-names.ts';
import { useLanguage } from '../../ui/time-format.ts';
import { SortDirButton } from './SortDirButton.tsx';
import { LAST_CONTACT_PRESETS, type CustomerListFilters, type LastContactPreset } from './customer-list-filters.ts';

const NO_OWNER = '';

/** The many-valued filters differ only in their options and a few Select props. */
interface MultiFilter {
  key: 'grades' | 'values' | 'stages' | 'countries' | 'ownerIds' | 'tagIds';
  label: string;
  testId: string;
  options: { value: string; label: string }[];
  extra?: SelectProps<string[]>;
}

export interface FilterControlsProps {
  value: CustomerListFilters;
  onChange(next: CustomerListFilters): void;
}

/**
 * The filter and sort Selects of the customer list, and the sort direction with its tooltip. They load after the list's first paint
 * (CustomerFilters.tsx shows look-alike boxes until then): seven antd Selects cost ~40 ms of
 * that first render, and their code a good part of the first download.
 */
export function CustomerFilterControls({ value, onChange }: FilterControlsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const owners = useCall('owners.list', {});
  const tags = useCall('tags.list', {});
  // Naming and sorting ~250 countries costs a frame; it waits until the list is opened (or shows picks).
  const [countriesOpened, setCountriesOpened] = useState(false);
  const countriesWanted = countriesOpened || Boolean(value.countries?.length);
  const set = (patch: Partial<CustomerListFilters>) => onChange({ ...value, ...patch });
  const searchable = { showSearch: { optionFilterProp: 'label' } };
  const multiFilters: MultiFilter[] = [
    {
      key: 'grades',
      label: t('customers.filters.grade'),
      testId: 'filter-grade',
      options: GRADES.map((g) => ({ value: g, label: `${g} · ${t(`grades.${g}`)}` })),
    },
    { key: 'values', label: t('scores.filter'), testId: 'filter-value', options: VALUE_BANDS.map((b) => ({ value: b, label: t(`scores.bands.${b}`) })) },
    { key: 'stages', label: t('customers.filters.stage'), testId: 'filter-stage', options: STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) })) },
    {
      key: 'countries',
      label: t('customers.filters.country'),
      testId: 'filter-country',
      options: countriesWanted ? countryOptions(language) : [],
      extra: {
        ...searchable,
        style: { minWidth: 160 },
        onOpenChange: (open) => {
          if (open) setCountriesOpened(true);
        },
      },
    },
    {
      key: 'ownerIds',
      label: t('customers.filters.owner'),
      testId: 'filter-owner',
      options: [
        { value: NO_OWNER, label: t('customers.filters.noOwner') },
        ...(owners.data ?? []).map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name} (${t('customers.filters.inactive')})` })),
      ],
      extra: { ...searchable, loading: owners.isLoading },
    },
    {
      key: 'tagIds',
      label: t('customers.filters.tag'),
      testId: 'filter-tag',
      options: (tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name })),
      extra: { ...searchable, loading: tags.isLoading, notFoundContent: t('customers.filters.noTags') },
    },
  ];

  return (
    <>
      {multiFilters.map(({ key, label, testId, options, extra }) => (
        <Select<string[]>
          key={key}
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={label}
          aria-label={label}
          data-testid={testId}
          value={value[key] ?? []}
          // Only the entry's own options can be picked, so the values fit the key's type.
          onChange={(picked) => set({ [key]: picked })}
          options={options}
          {...extra}
        />
      ))}
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
      {/* The direction stays beside its field when the row wraps (at 1366 wide it did not). */}
      <span className="filter-sort">
        <Select<CustomerSortField>
          aria-label={t('customers.sort.label')}
          data-testid="sort-field"
          style={{ minWidth: 150 }}
          value={value.sort ?? 'name'}
          onChange={(sort) => set({ sort })}
          options={CUSTOMER_SORT_FIELDS.map((f) => ({ value: f, label: t('customers.sort.by', { field: t(`customers.sort.fields.${f}`) }) }))}
        />
        <Tooltip title={value.dir === 'desc' ? t('customers.sort.desc') : t('customers.sort.asc')}>
          <SortDirButton value={value} onChange={onChange} />
        </Tooltip>
      </span>
    </>
  );
}
