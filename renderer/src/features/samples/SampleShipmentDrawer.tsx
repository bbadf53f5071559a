import { Button, Col, Divider, Drawer, Form, Input, Row, Select, Skeleton, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { COURIERS, FREIGHT_PAYERS } from '../../../../shared/domain/quote-terms.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { CustomerPicker, type PickedCustomer } from '../../ui/CustomerPicker.tsx';
import { clearFormErrors, CURRENCY_OPTIONS, formValues, toInput, type SampleFormValues } from './sample-form.ts';
import { TrackingLink } from './SampleBits.tsx';
import { SampleItemsField } from './SampleItemsField.tsx';
import { SampleStatusActions } from './SampleStatusActions.tsx';

type Shipment = CallOutput<'samples.get'>;

interface Props {
  /** null: a new shipment (for `customer` when given). */
  shipmentId: string | null;
  customer?: PickedCustomer | null;
  onClose(): void;
}

/** One sample shipment: its form, its status buttons and the customer's feedback. */
export function SampleShipmentDrawer({ shipmentId, customer = null, onClose }: Props) {
  const { t } = useTranslation();
  // A new shipment stays open once saved, so it can be marked sent right away.
  const [id, setId] = useState(shipmentId);
  const shipment = useCall('samples.get', { id: id ?? '' }, { enabled: id !== null });
  const title = shipment.data ? t('samples.drawer.title', { customer: shipment.data.customerName }) : t('samples.drawer.newTitle');
  return (
    <Drawer open onClose={onClose} size={820} destroyOnHidden title={title} data-testid="sample-drawer">
      {id !== null && !shipment.data ? <Skeleton active /> : <ShipmentForm key={id ?? 'new'} shipment={shipment.data} customer={customer} onSaved={setId} onClose={onClose} />}
    </Drawer>
  );
}

function ShipmentForm({ shipment, customer, onSaved, onClose }: { shipment: Shipment | undefined; customer: PickedCustomer | null; onSaved(id: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const [form] = Form.useForm<SampleFormValues>();
  const create = useMutationCall('samples.create');
  const update = useMutationCall('samples.update');
  const remove = useMutationCall('samples.remove');
  const courier = Form.useWatch('courier', form);
  const tracking = Form.useWatch('trackingNumber', form);
  const locked = shipment !== undefined && shipment.status !== 'preparing';
  const knownLabels = useMemo(() => new Map((shipment?.items ?? []).flatMap((i) => (i.productId ? [[i.productId, i.model ?? i.description] as const] : []))), [shipment]);

  const labelOf = useCallback(
    (path: string): string | undefined => {
      const [head, , leaf] = path.split('.');
      if (head === 'items' && leaf) return t(`samples.fields.${leaf}`);
      return head ? t(`samples.fields.${head}`, { defaultValue: '' }) || undefined : undefined;
    },
    [t],
  );
  const onError = useFormErrorHandler(form, labelOf);

  /** Saves the form; returns the shipment's id, or null when it could not be saved (errors shown). */
  async function save(quiet: boolean): Promise<string | null> {
    clearFormErrors(form);
    const built = toInput(t, form.getFieldsValue(true));
    if ('errors' in built) {
      form.setFields(built.errors);
      return null;
    }
    try {
      const saved = shipment ? await update.mutateAsync({ ...built.input, id: shipment.id }) : await create.mutateAsync(built.input);
      if (!quiet) void message.success(t('samples.drawer.saved'));
      if (!shipment) onSaved(saved.id);
      return saved.id;
    } catch (err) {
      onError(err);
      return null;
    }
  }

  function confirmDelete(): void {
    if (!shipment) return;
    modal.confirm({
      title: t('samples.drawer.deleteTitle'),
      content: t('samples.drawer.deleteBody'),
      okText: t('samples.drawer.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        await remove.mutateAsync({ id: shipment.id });
        void message.success(t('samples.drawer.deleted'));
        onClose();
      },
    });
  }

  return (
    <Form form={form} layout="vertical" initialValues={formValues(shipment, customer)} data-testid="sample-form">
      {shipment && <SampleStatusActions shipment={shipment} form={form} saveFirst={() => save(true)} onError={onError} />}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="customerId" label={t('samples.fields.customerId')} rules={[{ required: true, message: t('validation.required', { field: t('samples.fields.customerId') }) }]}>
            <CustomerPickerField />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="courier" label={t('samples.fields.courier')}>
            <Select data-testid="sample-courier" options={COURIERS.map((c) => ({ value: c, label: t(`samples.couriers.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          {courier === 'other' && (
            <Form.Item name="courierName" label={t('samples.fields.courierName')}>
              <Input data-testid="sample-courier-name" />
            </Form.Item>
          )}
        </Col>
        <Col span={12}>
          <Form.Item name="trackingNumber" label={t('samples.fields.trackingNumber')} extra={courier ? <TrackingLink courier={courier} trackingNumber={tracking ?? null} /> : null}>
            <Input data-testid="sample-tracking-input" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="freightPayer" label={t('samples.fields.freightPayer')}>
            <Select allowClear data-testid="sample-freight-payer" options={FREIGHT_PAYERS.map((p) => ({ value: p, label: t(`samples.freightPayers.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="sampleCostE4" label={t('samples.fields.sampleCostE4')}>
            <Input inputMode="decimal" data-testid="sample-cost" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="freightCostE4" label={t('samples.fields.freightCostE4')}>
            <Input inputMode="decimal" data-testid="sample-freight-cost" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="currency" label={t('samples.fields.currency')}>
            <Select allowClear showSearch data-testid="sample-currency" options={CURRENCY_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('samples.fields.items')}</Divider>
      {locked && <p className="muted">{t('samples.drawer.itemsLocked')}</p>}
      <SampleItemsField locked={locked} knownLabels={knownLabels} />
      <Form.Item name="notes" label={t('samples.fields.notes')} style={{ marginTop: 16 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="sample-notes" />
      </Form.Item>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <span>
          {shipment && (
            <Button danger onClick={confirmDelete} data-testid="sample-delete">
              {t('samples.drawer.delete')}
            </Button>
          )}
        </span>
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void save(false)} data-testid="sample-save">
            {t('samples.drawer.save')}
          </Button>
        </Space>
      </Space>
    </Form>
  );
}

/** CustomerPicker as a form control (Form.Item passes value and onChange). */
function CustomerPickerField(props: { value?: PickedCustomer | null; onChange?(value: PickedCustomer | null): void }) {
  const { t } = useTranslation();
  return <CustomerPicker value={props.value ?? null} onChange={(v) => props.onChange?.(v)} placeholder={t('samples.fields.customerId')} testId="sample-customer" />;
}
