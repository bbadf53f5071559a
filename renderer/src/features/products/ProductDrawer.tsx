import { Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { lazy, Suspense, useCallback, useMemo, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES } from '../../../../shared/domain/money.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { ProductAttributesFields } from './ProductAttributesFields.tsx';
import { ProductImages } from './ProductImages.tsx';
import { PRODUCT_FIELDS, toFormValues, toInput, type ProductFormValues } from './product-form.ts';

type PanelModule = Record<string, ComponentType<{ productId: string }>>;
/**
 * The quotes' price history and the samples' stock show on the product when those features
 * have them; found at build time, so the product page needs no change when they arrive.
 */
const PANELS = { ...import.meta.glob<PanelModule>('../quotes/PriceHistoryPanel.tsx'), ...import.meta.glob<PanelModule>('../samples/SampleStockPanel.tsx') };
const panels = Object.entries(PANELS).map(([file, load]) => {
  const name = file.replace(/^.*\/|\.tsx$/g, '');
  return { name, Panel: lazy(() => load().then((m) => ({ default: m[name] ?? (() => null) }))) };
});

const currencyOptions = CURRENCIES.map((c) => ({ value: c, label: c }));

interface Props {
  productId: string | null;
  onClose(): void;
  onCreated(id: string): void;
}

/** A product with all its fields, its category's attributes, its images and what other features show of it. */
export function ProductDrawer({ productId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const [form] = Form.useForm<ProductFormValues>();
  const product = useCall('products.get', { id: productId ?? '' }, { enabled: productId !== null });
  const categories = useCall('productCategories.list', {});
  const create = useMutationCall('products.create');
  const update = useMutationCall('products.update');
  const remove = useMutationCall('products.remove');
  const categoryId = Form.useWatch('categoryId', form) ?? null;
  const defs = useMemo(() => categories.data?.find((c) => c.id === categoryId)?.attributes ?? [], [categories.data, categoryId]);
  const labelOf = useCallback(
    (path: string) => {
      const [head, id] = path.split('.');
      if (head === 'attributes') return defs.find((d) => d.id === id)?.label;
      return (PRODUCT_FIELDS as readonly string[]).includes(head ?? '') ? t(`products.field.${head}`) : undefined;
    },
    [defs, t],
  );
  const onError = useFormErrorHandler(form, labelOf);
  const loaded = productId === null || product.data !== undefined;
  const initialValues = useMemo(() => toFormValues(product.data ?? null), [product.data]);

  async function submit(values: ProductFormValues): Promise<void> {
    const built = toInput(values, defs.map((d) => d.id));
    if ('badPrices' in built) {
      form.setFields(built.badPrices.map((name) => ({ name, errors: [t('products.form.badPrice')] })));
      return;
    }
    try {
      if (productId) {
        await update.mutateAsync({ ...built.input, id: productId });
        void message.success(t('products.form.saved', { model: built.input.model }));
        onClose();
      } else {
        const saved = await create.mutateAsync(built.input);
        void message.success(t('products.form.created', { model: saved.model }));
        onCreated(saved.id);
      }
    } catch (err) {
      onError(err);
    }
  }

  function confirmDelete(): void {
    const model = product.data?.model ?? '';
    modal.confirm({
      title: t('products.form.deleteTitle', { model }),
      content: t('products.form.deleteBody'),
      okText: t('products.form.delete'),
      okButtonProps: { danger: true, 'data-testid': 'product-delete-confirm' },
      onOk: async () => {
        await remove.mutateAsync({ id: productId ?? '' });
        void message.success(t('products.form.deleted', { model }));
        onClose();
      },
    });
  }

  const num = (name: keyof ProductFormValues, label: string, span = 8) => (
    <Col span={span}>
      <Form.Item name={name} label={label}>
        <InputNumber min={0} style={{ width: '100%' }} data-testid={`product-field-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={productId ? t('products.form.editTitle', { model: product.data?.model ?? '' }) : t('products.form.createTitle')}
      data-testid="product-drawer"
      footer={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{productId && <Button danger onClick={confirmDelete} data-testid="product-delete">{t('products.form.delete')}</Button>}</span>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="product-save">{t('common.save')}</Button>
          </Space>
        </Space>
      }
    >
      {loaded && (
        <Form<ProductFormValues> key={productId ?? 'new'} form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="product-form">
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="model" label={t('products.field.model')} required>
                <Input autoFocus maxLength={80} data-testid="product-field-model" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="nameEn" label={t('products.field.nameEn')}>
                <Input maxLength={300} data-testid="product-field-nameEn" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="nameZh" label={t('products.field.nameZh')}>
                <Input maxLength={300} data-testid="product-field-nameZh" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="categoryId" label={t('products.field.categoryId')}>
                <Select allowClear options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.nameZh ? `${c.nameEn} · ${c.nameZh}` : c.nameEn }))} data-testid="product-field-categoryId" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="unit" label={t('products.field.unit')}>
                <Input maxLength={20} data-testid="product-field-unit" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={t('products.field.listPrice')}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="listCurrency" noStyle><Select options={currencyOptions} style={{ width: 84 }} showSearch /></Form.Item>
                  <Form.Item name="listPrice" noStyle><Input inputMode="decimal" data-testid="product-field-listPrice" /></Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={t('products.field.cost')}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="costCurrency" noStyle><Select options={currencyOptions} style={{ width: 84 }} showSearch /></Form.Item>
                  <Form.Item name="cost" noStyle><Input inputMode="decimal" data-testid="product-field-cost" /></Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="specs" label={t('products.field.specs')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="product-field-specs" />
          </Form.Item>
          <ProductAttributesFields defs={defs} />
          <Divider titlePlacement="start" plain>{t('products.form.packing')}</Divider>
          <Row gutter={16}>
            {num('unitsPerCarton', t('products.field.unitsPerCarton'))}
            {num('grossWeightKg', t('products.field.grossWeightKg'))}
            {num('netWeightKg', t('products.field.netWeightKg'))}
          </Row>
          <Row gutter={16}>
            {num('cartonLengthCm', t('products.field.cartonLengthCm'))}
            {num('cartonWidthCm', t('products.field.cartonWidthCm'))}
            {num('cartonHeightCm', t('products.field.cartonHeightCm'))}
          </Row>
          <Form.Item name="notes" label={t('products.field.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="product-field-notes" />
          </Form.Item>
        </Form>
      )}
      {productId && product.data && <ProductImages product={product.data} />}
      {productId &&
        panels.map(({ name, Panel }) => (
          <Suspense key={name} fallback={null}>
            <Panel productId={productId} />
          </Suspense>
        ))}
    </Drawer>
  );
}
