import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/useCall.ts';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';

export interface ItemValue {
  productId?: string | null;
  description?: string | null;
  quantity?: number | null;
}

/** Picks a live product by model or name (the product list's own search); empty means free text. */
function ProductSelect(props: { value?: string | null; onChange?(value: string | null): void; knownLabels: ReadonlyMap<string, string>; disabled: boolean; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 200);
  const list = useCall('products.list', { query, offset: 0, limit: 20 }, { placeholderData: (previous) => previous });
  const options = (list.data?.rows ?? []).map((p) => ({ value: p.id, label: [p.model, p.nameEn ?? p.nameZh].filter(Boolean).join(' · ') }));
  // The chosen product stays labelled when a later search no longer lists it.
  const known = props.value ? props.knownLabels.get(props.value) : undefined;
  if (props.value && known && !options.some((o) => o.value === props.value)) options.unshift({ value: props.value, label: known });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      allowClear
      disabled={props.disabled}
      style={{ width: 260 }}
      placeholder={t('samples.drawer.productPlaceholder')}
      data-testid={props.testId}
      loading={list.isFetching}
      value={props.value ?? undefined}
      options={options}
      onChange={(id) => props.onChange?.(id ?? null)}
    />
  );
}

/** The shipment's items: a product with a quantity, or free text; locked once the shipment is sent. */
export function SampleItemsField({ locked, knownLabels }: { locked: boolean; knownLabels: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <div data-testid="sample-items">
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap data-testid="sample-item">
              <Form.Item name={[field.name, 'productId']} style={{ marginBottom: 8 }}>
                <ProductSelect knownLabels={knownLabels} disabled={locked} testId={`sample-item-product-${index}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'description']} style={{ marginBottom: 8 }}>
                <Input disabled={locked} style={{ width: 240 }} placeholder={t('samples.drawer.descriptionPlaceholder')} aria-label={t('samples.fields.description')} data-testid={`sample-item-description-${index}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'quantity']} style={{ marginBottom: 8 }} rules={[{ required: true, message: t('validation.required', { field: t('samples.fields.quantity') }) }]}>
                <InputNumber disabled={locked} style={{ width: 100 }} placeholder={t('samples.fields.quantity')} aria-label={t('samples.fields.quantity')} data-testid={`sample-item-quantity-${index}`} />
              </Form.Item>
              {!locked && <MinusCircleOutlined style={{ marginTop: 9 }} onClick={() => remove(field.name)} aria-label={t('common.delete')} />}
            </Space>
          ))}
          {!locked && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ productId: null, description: null, quantity: 1 })} data-testid="sample-add-item">
              {t('samples.drawer.addItem')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
