import { Select } from 'antd';
import { useState } from 'react';
import { useCall } from '../app/useCall.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';

export interface PickedCustomer {
  id: string;
  name: string;
  code: string;
}

/** Picks a live customer by typing: the customer list's own search (names, codes, contacts, emails). */
export function CustomerPicker(props: { value: PickedCustomer | null; onChange(value: PickedCustomer | null): void; placeholder: string; testId?: string }) {
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), 200);
  const list = useCall('customers.list', { search, limit: 20 }, { placeholderData: (previous) => previous });
  const rows = list.data?.rows ?? [];
  const options = rows.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}${c.localName ? ` · ${c.localName}` : ''}` }));
  // The chosen customer stays labelled when a later search no longer lists it.
  if (props.value && !rows.some((r) => r.id === props.value!.id)) options.unshift({ value: props.value.id, label: `${props.value.code} · ${props.value.name}` });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      allowClear
      style={{ width: '100%' }}
      placeholder={props.placeholder}
      data-testid={props.testId}
      loading={list.isFetching}
      value={props.value?.id}
      options={options}
      onChange={(id) => {
        const row = rows.find((r) => r.id === id);
        props.onChange(row ? { id: row.id, name: row.name, code: row.code } : null);
      }}
    />
  );
}
