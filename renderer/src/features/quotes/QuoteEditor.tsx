import { AutoComplete, Button, Col, DatePicker, Divider, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { INCOTERMS, PAYMENT_TERMS } from '../../../../shared/domain/quote-terms.ts';
import { call, CallError } from '../../api/client.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { CustomerPicker, type PickedCustomer } from '../../ui/CustomerPicker.tsx';
import { PriceHistoryPanel } from './PriceHistoryPanel.tsx';
import { formPath, LINE_FIELD_LABELS, QUOTE_FIELDS, toFormValues, toInput, totalsText, type QuoteFormValues } from './quote-form.ts';
import { confirmLowerPrices } from './price-warning.tsx';
import { QuoteLinesField } from './QuoteLinesField.tsx';
import { amountE4, parseMoneyE4, totalsByCurrency } from '../../../../shared/domain/money.ts';

type Quote = CallOutput<'quotes.get'>;

/** The customer field: a picker holding the id the form stores, labelled once the customer is known. */
function CustomerField({ value, onChange, initial }: { value?: string; onChange?(id: string | undefined): void; initial: PickedCustomer | null }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedCustomer | null>(initial);
  const detail = useCall('customers.get', { id: value ?? '' }, { enabled: Boolean(value) && picked?.id !== value });
  const shown = picked?.id === value ? picked : detail.data ? { id: detail.data.id, name: detail.data.name, code: detail.data.code } : null;
  return <CustomerPicker value={shown} onChange={(c) => { setPicked(c); onChange?.(c?.id); }} placeholder={t('quotes.field.customerId')} testId="quote-customer" />;
}

/**
 * A new quote, or a draft being edited: customer and contact, terms, lines. Before saving, the
 * prices are checked against the last ones quoted to this customer (quotes.priceCheck); a lower
 * one asks for confirmation.
 */
export function QuoteEditor({ quote, customerId, onSaved }: { quote: Quote | null; customerId: string | null; onSaved(id: string): void }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const [form] = Form.useForm<QuoteFormValues>();
  const initialValues = useMemo(() => toFormValues(quote, customerId), [quote, customerId]);
  const [historyProduct, setHistoryProduct] = useState<string | null>(null);
  const chosenCustomer = Form.useWatch('customerId', form) ?? initialValues.customerId;
  const incoterm = Form.useWatch('incoterm', form);
  const lines = Form.useWatch('lines', form) ?? [];
  const customer = useCall('customers.get', { id: chosenCustomer ?? '' }, { enabled: Boolean(chosenCustomer) });
  const owners = useCall('owners.list', {});
  const create = useMutationCall('quotes.create');
  const update = useMutationCall('quotes.update');
  const labelOf = useCallback((path: string) => {
    const parts = path.split('.');
    if (parts[0] === 'lines' && parts.length === 3) return LINE_FIELD_LABELS[parts[2]!] ? t(LINE_FIELD_LABELS[parts[2]!]!) : undefined;
    return (QUOTE_FIELDS as readonly string[]).includes(path) ? t(`quotes.field.${path}`) : undefined;
  }, [t]);
  const onError = useFormErrorHandler(form, (path) => labelOf(path.replace(/\.unitPrice$/, '.unitPriceE4')));
  const totals = totalsByCurrency(lines.flatMap((l) => {
    const price = parseMoneyE4(l?.unitPrice ?? '');
    return price === null || !l?.quantity || !l.currency ? [] : [{ currency: l.currency, amountE4: amountE4(l.quantity, price) }];
  }));

  async function submit(): Promise<void> {
    const built = toInput(form.getFieldsValue(true) as QuoteFormValues);
    if ('badPrices' in built) {
      form.setFields(built.badPrices.map((name) => ({ name, errors: [t('validation.invalidNumber', { field: t('quotes.field.unitPrice') })] })));
      return;
    }
    const { input } = built;
    try {
      if (input.customerId) {
        const check = await call('quotes.priceCheck', { customerId: input.customerId, incoterm: input.incoterm, ...(quote ? { excludeQuoteId: quote.id } : {}), lines: (input.lines ?? []).map((l) => ({ productId: l.productId ?? null, unitPriceE4: l.unitPriceE4, currency: l.currency })) });
        if (check.warnings.length && !(await confirmLowerPrices(modal, t, check.warnings))) return;
      }
      const saved = quote ? await update.mutateAsync({ ...input, id: quote.id }) : await create.mutateAsync(input);
      void message.success(t('quotes.saved', { number: saved.number }));
      onSaved(saved.id);
    } catch (err) {
      // The price is typed as text: its field errors go under the text field.
      onError(err instanceof CallError ? new CallError({ ...err.error, ...(err.error.fieldErrors ? { fieldErrors: err.error.fieldErrors.map((f) => ({ ...f, path: formPath(f.path) })) } : {}) }) : err);
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()} data-testid="quote-editor">
      <Row gutter={16}>
        <Col span={8}><Form.Item name="customerId" label={t('quotes.field.customerId')} required><CustomerField initial={null} /></Form.Item></Col>
        <Col span={8}>
          <Form.Item name="contactId" label={t('quotes.field.contactId')}>
            <Select allowClear options={(customer.data?.contacts ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="quote-contact" />
          </Form.Item>
        </Col>
        <Col span={8}><Form.Item name="ownerId" label={t('quotes.field.ownerId')}><Select allowClear options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item></Col>
      </Row>
      <Row gutter={16}>
        <Col span={4}><Form.Item name="incoterm" label={t('quotes.field.incoterm')}><Select allowClear options={INCOTERMS.map((i) => ({ value: i, label: i }))} data-testid="quote-incoterm" /></Form.Item></Col>
        <Col span={6}><Form.Item name="incotermPort" label={t('quotes.field.incotermPort')} required={Boolean(incoterm && incoterm !== 'EXW')}><Input data-testid="quote-port" /></Form.Item></Col>
        <Col span={8}><Form.Item name="paymentTerms" label={t('quotes.field.paymentTerms')}><AutoComplete options={PAYMENT_TERMS.map((p) => ({ value: p }))} data-testid="quote-payment" /></Form.Item></Col>
        <Col span={6}>
          <Form.Item name="validUntil" label={t('quotes.field.validUntil')} getValueProps={(v: number | null | undefined) => ({ value: v ? dayjs(v) : null })} normalize={(d: dayjs.Dayjs | null) => (d ? d.endOf('day').valueOf() : null)}>
            <DatePicker style={{ width: '100%' }} data-testid="quote-valid-until" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}><Form.Item name="leadTime" label={t('quotes.field.leadTime')}><Input /></Form.Item></Col>
        <Col span={6}><Form.Item name="moq" label={t('quotes.field.moq')}><Input /></Form.Item></Col>
        <Col span={6}>
          <Form.Item name="language" label={t('quotes.field.language')}>
            <Select options={(['en', 'zh-CN'] as const).map((l) => ({ value: l, label: t(`quotes.languageName.${l}`) }))} data-testid="quote-language" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('quotes.lines')}</Divider>
      <QuoteLinesField form={form} onProduct={setHistoryProduct} />
      <Typography.Paragraph strong style={{ textAlign: 'right', marginTop: 8 }} data-testid="quote-editor-totals">{totals.length ? `${t('quotes.totals')}: ${totalsText(totals)}` : ''}</Typography.Paragraph>
      {historyProduct && <PriceHistoryPanel productId={historyProduct} customerId={chosenCustomer ?? null} />}
      <Form.Item name="notes" label={t('quotes.field.notes')}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="quote-save">{t('quotes.actions.save')}</Button>
      </Space>
    </Form>
  );
}
