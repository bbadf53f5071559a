import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Table, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { amountE4, CURRENCIES, formatMoneyE4, parseMoneyE4 } from '../../../../shared/domain/money.ts';
import { useCall } from '../../app/useCall.ts';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import { priceText, type LineValues, type QuoteFormValues } from './quote-form.ts';

type Product = CallOutput<'products.list'>['rows'][number];
const currencyOptions = CURRENCIES.map((c) => ({ value: c, label: c }));

/** Finds a product by model or name (products.list); empty means a free-text line. */
function ProductPicker({ value, label, onPick, testId }: { value?: string | null; onChange?(id: string | null): void; label: string | null; onPick(p: Product | null): void; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 200);
  const list = useCall('products.list', { query, limit: 20 }, { placeholderData: (previous) => previous });
  const rows = list.data?.rows ?? [];
  const options = rows.map((p) => ({ value: p.id, label: [p.model, p.nameEn ?? p.nameZh].filter(Boolean).join(' · ') }));
  if (value && !rows.some((r) => r.id === value)) options.unshift({ value, label: label ?? value });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      allowClear
      style={{ width: 220 }}
      placeholder={t('quotes.pickProduct')}
      value={value ?? undefined}
      options={options}
      onChange={(id) => onPick(rows.find((r) => r.id === id) ?? null)}
      data-testid={testId}
    />
  );
}

/**
 * The lines of a quote: a product (or free text), spec, quantity, unit, unit price and currency,
 * with the amount. Picking a product fills the line from it and calls `onProduct`, so the editor
 * shows that product's earlier quotes at once.
 */
export function QuoteLinesField({ form, onProduct }: { form: FormInstance<QuoteFormValues>; onProduct(productId: string | null): void }) {
  const { t } = useTranslation();
  const lines = (Form.useWatch('lines', form) ?? []) as LineValues[];

  function pick(index: number, p: Product | null): void {
    const current = form.getFieldValue(['lines', index]) as LineValues;
    const next: LineValues = p
      ? { ...current, productId: p.id, model: p.model, description: p.nameEn ?? p.nameZh ?? p.model, unit: p.unit ?? current.unit ?? 'pcs', ...(p.listPriceE4 !== null && p.listCurrency ? { unitPrice: priceText(p.listPriceE4), currency: p.listCurrency as LineValues['currency'] } : {}) }
      : { ...current, productId: null, model: null };
    form.setFieldValue(['lines', index], next);
    onProduct(p?.id ?? null);
  }

  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            data-testid="quote-lines"
            locale={{ emptyText: t('quotes.noLines') }}
            columns={[
              { key: 'seq', width: 32, render: (_, f) => f.name + 1 },
              {
                key: 'product',
                title: t('quotes.field.product'),
                render: (_, f) => (
                  // Form.Item gives the picker its value and shows a field error (a deleted product) under it.
                  <Form.Item name={[f.name, 'productId']} style={{ margin: 0 }}>
                    <ProductPicker label={lines[f.name]?.model ?? null} onPick={(p) => pick(f.name, p)} testId={`line-${f.name}-product`} />
                  </Form.Item>
                ),
              },
              {
                key: 'description',
                title: t('quotes.field.description'),
                render: (_, f) => (
                  <>
                    <Form.Item name={[f.name, 'description']} style={{ margin: 0 }}><Input data-testid={`line-${f.name}-description`} /></Form.Item>
                    <Form.Item name={[f.name, 'spec']} style={{ margin: '4px 0 0' }}><Input placeholder={t('quotes.field.spec')} data-testid={`line-${f.name}-spec`} /></Form.Item>
                  </>
                ),
              },
              { key: 'quantity', title: t('quotes.field.quantity'), width: 110, render: (_, f) => <Form.Item name={[f.name, 'quantity']} style={{ margin: 0 }}><InputNumber style={{ width: '100%' }} data-testid={`line-${f.name}-quantity`} /></Form.Item> },
              { key: 'unit', title: t('quotes.field.unit'), width: 80, render: (_, f) => <Form.Item name={[f.name, 'unit']} style={{ margin: 0 }}><Input data-testid={`line-${f.name}-unit`} /></Form.Item> },
              { key: 'price', title: t('quotes.field.unitPrice'), width: 120, render: (_, f) => <Form.Item name={[f.name, 'unitPrice']} style={{ margin: 0 }}><Input inputMode="decimal" data-testid={`line-${f.name}-price`} /></Form.Item> },
              { key: 'currency', title: t('quotes.field.currency'), width: 100, render: (_, f) => <Form.Item name={[f.name, 'currency']} style={{ margin: 0 }}><Select showSearch options={currencyOptions} data-testid={`line-${f.name}-currency`} /></Form.Item> },
              {
                key: 'amount',
                title: t('quotes.field.amount'),
                align: 'right',
                render: (_, f) => {
                  const l = lines[f.name];
                  const price = parseMoneyE4(l?.unitPrice ?? '');
                  return price === null || !l?.quantity ? '' : formatMoneyE4(amountE4(l.quantity, price));
                },
              },
              { key: 'remove', width: 40, render: (_, f) => <Button type="text" icon={<DeleteOutlined />} aria-label={t('quotes.removeLine')} onClick={() => remove(f.name)} /> },
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1, unit: 'pcs', unitPrice: '', currency: lines.at(-1)?.currency ?? 'USD', description: '' })} data-testid="quote-add-line">
              {t('quotes.addLine')}
            </Button>
          </Space>
        </>
      )}
    </Form.List>
  );
}
