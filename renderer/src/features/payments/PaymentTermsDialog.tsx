import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Skeleton, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuoteTerms } from '../../../../shared/contract/payments.contract.ts';
import { PAYMENT_LABELS } from '../../../../shared/domain/payment-deadlines.ts';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { DateField } from './DateField.tsx';
import { CURRENCY_OPTIONS, fieldLabel, formValues, sumText, toInput, type PaymentRowValue, type TermsFormValues } from './payment-form.ts';

/** Records (or changes) an accepted quote's payment terms: its expected payments and its L/C. */
export function PaymentTermsDialog({ quoteId, onClose }: { quoteId: string; onClose(): void }) {
  const { t } = useTranslation();
  const terms = useCall('payments.forQuote', { quoteId });
  return (
    <Modal open width={920} onCancel={onClose} footer={null} destroyOnHidden title={terms.data ? t('payments.dialog.title', { number: terms.data.quoteNumber }) : ''} data-testid="payment-terms-dialog">
      {/* Read once: a refetch while the dialog is open must not wipe what was typed. */}
      {terms.data ? <TermsForm terms={terms.data} onClose={onClose} /> : <Skeleton active />}
    </Modal>
  );
}

function PaymentRow({ index, onRemove }: { index: number; onRemove(): void }) {
  const { t } = useTranslation();
  const f = (leaf: string) => t(`payments.fields.${leaf}`);
  return (
    <Row gutter={8} align="bottom" data-testid={`payment-row-${index}`}>
      <Col span={4}>
        <Form.Item name={[index, 'label']} label={f('label')}>
          <Select data-testid={`payment-label-${index}`} options={PAYMENT_LABELS.map((l) => ({ value: l, label: t(`payments.labels.${l}`) }))} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[index, 'amountE4']} label={f('amountE4')} required>
          <Input inputMode="decimal" data-testid={`payment-amount-${index}`} />
        </Form.Item>
      </Col>
      <Col span={3}>
        <Form.Item name={[index, 'currency']} label={f('currency')}>
          <Select showSearch options={CURRENCY_OPTIONS} data-testid={`payment-currency-${index}`} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <DateField name={[index, 'dueAt']} label={f('dueAt')} testId={`payment-due-${index}`} />
      </Col>
      <Col span={4}>
        <DateField name={[index, 'receivedAt']} label={f('receivedAt')} testId={`payment-received-${index}`} />
      </Col>
      <Col span={4}>
        <Form.Item name={[index, 'receivedAmountE4']} label={f('receivedAmountE4')}>
          <Input inputMode="decimal" data-testid={`payment-received-amount-${index}`} />
        </Form.Item>
      </Col>
      <Col span={1}>
        <Form.Item>
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('payments.dialog.remove')} onClick={onRemove} data-testid={`payment-remove-${index}`} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={[index, 'note']} style={{ marginTop: -12 }}>
          <Input placeholder={f('note')} data-testid={`payment-note-${index}`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function LetterOfCreditFields() {
  const { t } = useTranslation();
  const f = (leaf: string) => t(`payments.fields.${leaf}`);
  const at = (leaf: string) => ['letterOfCredit', leaf];
  return (
    <Row gutter={8} data-testid="lc-fields">
      <Col span={8}><Form.Item name={at('number')} label={f('number')} required><Input data-testid="lc-number" /></Form.Item></Col>
      <Col span={8}><Form.Item name={at('issuingBank')} label={f('issuingBank')} required><Input data-testid="lc-bank" /></Form.Item></Col>
      <Col span={5}><Form.Item name={at('amountE4')} label={f('lcAmountE4')} required><Input inputMode="decimal" data-testid="lc-amount" /></Form.Item></Col>
      <Col span={3}><Form.Item name={at('currency')} label={f('currency')}><Select showSearch options={CURRENCY_OPTIONS} data-testid="lc-currency" /></Form.Item></Col>
      <Col span={8}><DateField name={at('expiresAt')} label={f('expiresAt')} testId="lc-expires" required /></Col>
      <Col span={8}><DateField name={at('latestShipmentAt')} label={f('latestShipmentAt')} testId="lc-latest-shipment" /></Col>
      <Col span={8}><Form.Item name={at('presentationDays')} label={f('presentationDays')}><InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} data-testid="lc-presentation-days" /></Form.Item></Col>
      <Col span={24}><Form.Item name={at('notes')} label={f('notes')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="lc-notes" /></Form.Item></Col>
    </Row>
  );
}

function TermsForm({ terms, onClose }: { terms: QuoteTerms; onClose(): void }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const [form] = Form.useForm<TermsFormValues>();
  const save = useMutationCall('payments.saveTerms');
  const [{ values, prefilled }] = useState(() => formValues(terms));
  const byLc = Form.useWatch('byLc', form) ?? values.byLc;
  const rows = (Form.useWatch('payments', form) ?? values.payments) as PaymentRowValue[];
  const lc = Form.useWatch('letterOfCredit', form) ?? values.letterOfCredit;
  const labelOf = useCallback((path: string) => fieldLabel(t, path), [t]);
  const onError = useFormErrorHandler(form, labelOf);
  const total = useMemo(() => terms.totals.map((x) => `${formatMoneyE4(x.amountE4)} ${x.currency}`).join(' + '), [terms.totals]);

  async function submit(): Promise<void> {
    // antd gives the names back untyped (its internal paths); they are this form's own fields.
    const shown = form.getFieldsError().filter((f) => f.errors.length > 0);
    if (shown.length) form.setFields(shown.map((f) => ({ name: f.name as never, errors: [] })));
    const built = toInput(t, terms.quoteId, form.getFieldsValue(true));
    if ('errors' in built) {
      form.setFields(built.errors.map((e) => ({ name: e.name as never, errors: e.errors })));
      return;
    }
    try {
      await save.mutateAsync(built.input);
      void message.success(t('payments.dialog.saved'));
      onClose();
    } catch (err) {
      // The form keeps every typed amount: the same save can be tried again.
      onError(err);
    }
  }

  /** A saved payment is only deleted when the terms are saved, and only after asking. */
  function removeRow(index: number, remove: (index: number) => void): void {
    const row = (form.getFieldValue(['payments', index]) ?? {}) as PaymentRowValue;
    if (!row.id) return remove(index);
    modal.confirm({ title: t('payments.confirm.removeRowTitle'), content: t('payments.confirm.removeRowBody'), okButtonProps: { danger: true, 'data-testid': 'payment-remove-confirm' }, onOk: () => remove(index) });
  }

  return (
    // No submit on Enter: Enter confirms a typed date in a picker, and must not save half-filled terms.
    <Form form={form} layout="vertical" initialValues={values} data-testid="payment-terms-form">
      <Typography.Paragraph type="secondary">{terms.paymentTerms ? t('payments.dialog.quoteTerms', { terms: terms.paymentTerms }) : t('payments.dialog.noQuoteTerms')}</Typography.Paragraph>
      {prefilled && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('payments.dialog.prefilled')} data-testid="payment-terms-prefilled" />}
      <Divider titlePlacement="start">{t('payments.dialog.payments')}</Divider>
      <Form.List name="payments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <PaymentRow key={field.key} index={field.name} onRemove={() => removeRow(field.name, remove)} />
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ label: rows.length ? 'balance' : 'deposit', currency: rows.at(-1)?.currency ?? values.letterOfCredit.currency })} data-testid="payment-add">
              {t('payments.dialog.addPayment')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="byLc" valuePropName="checked" style={{ marginTop: 16 }}>
        <Checkbox data-testid="payment-by-lc">{t('payments.dialog.byLc')}</Checkbox>
      </Form.Item>
      {byLc && <LetterOfCreditFields />}
      <Typography.Paragraph type="secondary" data-testid="payment-terms-sum">{t('payments.dialog.sum', { sum: sumText(rows, byLc ? lc : null) || '0', total })}</Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onClose} data-testid="payment-terms-later">{t('payments.dialog.later')}</Button>
        <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="payment-terms-save">{t('payments.dialog.save')}</Button>
      </div>
    </Form>
  );
}
