import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, List, Modal, Row, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallOutput } from '../../../../shared/contract/contract.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';

type Category = CallOutput<'productCategories.list'>[number];
type Values = CallInput<'productCategories.create'>;
const TYPES = ['text', 'number', 'select', 'boolean'] as const;

/** Product categories and their attribute templates (the custom fields of a category's products). */
export function CategoriesModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const categories = useCall('productCategories.list', {});
  const remove = useMutationCall('productCategories.remove');
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  const confirmRemove = (c: Category) =>
    modal.confirm({
      title: t('products.categories.deleteTitle', { name: c.nameEn }),
      content: t('products.categories.deleteBody', { count: c.productCount }),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync({ id: c.id }),
    });

  return (
    <Modal open onCancel={onClose} footer={null} width={760} title={t('products.categories.title')} data-testid="product-categories">
      {editing ? (
        <CategoryEditor category={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <>
          <List
            dataSource={categories.data ?? []}
            locale={{ emptyText: t('products.categories.empty') }}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Button key="edit" type="link" onClick={() => setEditing(c)}>{t('common.edit')}</Button>,
                  <Button key="delete" type="link" danger onClick={() => confirmRemove(c)}>{t('common.delete')}</Button>,
                ]}
              >
                <List.Item.Meta
                  title={c.nameZh ? `${c.nameEn} · ${c.nameZh}` : c.nameEn}
                  description={t('products.categories.summary', { count: c.productCount, attributes: c.attributes.map((a) => a.label).join(', ') || '—' })}
                />
              </List.Item>
            )}
          />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="category-new">{t('products.categories.new')}</Button>
        </>
      )}
    </Modal>
  );
}

function CategoryEditor({ category, onDone }: { category: Category | null; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useMutationCall('productCategories.create');
  const update = useMutationCall('productCategories.update');
  const labelOf = useCallback((path: string) => {
    if (path === 'nameEn' || path === 'nameZh') return t(`products.categories.${path}`);
    if (/^attributes\.\d+\.(label|options)$/.test(path)) return t(`products.categories.attribute.${path.split('.')[2]}`);
    return undefined;
  }, [t]);
  const onError = useFormErrorHandler(form, labelOf);
  const initialValues: Values = category
    ? { nameEn: category.nameEn, nameZh: category.nameZh, attributes: category.attributes.map((a) => ({ id: a.id, label: a.label, type: a.type, options: a.options })) }
    : { nameEn: '', nameZh: null, attributes: [] };

  async function save(values: Values): Promise<void> {
    const attributes = (values.attributes ?? []).map((a) => ({ ...a, options: a.type === 'select' ? (a.options ?? []) : [] }));
    try {
      if (category) await update.mutateAsync({ ...values, attributes, id: category.id });
      else await create.mutateAsync({ ...values, attributes });
      onDone();
    } catch (err) {
      onError(err);
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={save} data-testid="category-form">
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('products.categories.nameEn')} required>
            <Input maxLength={100} autoFocus data-testid="category-nameEn" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameZh" label={t('products.categories.nameZh')}>
            <Input maxLength={100} data-testid="category-nameZh" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="attributes">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, i) => (
              <Row gutter={8} key={field.key} align="top">
                <Form.Item name={[field.name, 'id']} hidden><Input /></Form.Item>
                <Col span={7}>
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, message: t('validation.required', { field: t('products.categories.attribute.label') }) }]}>
                    <Input maxLength={60} placeholder={t('products.categories.attribute.label')} data-testid="category-attribute-label" />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'type']} initialValue="text">
                    <Select options={TYPES.map((type) => ({ value: type, label: t(`products.categories.type.${type}`) }))} data-testid="category-attribute-type" />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['attributes', field.name, 'type']) === 'select' ? (
                        <Form.Item name={[field.name, 'options']}>
                          <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('products.categories.attribute.options')} data-testid="category-attribute-options" />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Space size={0}>
                    <Button type="text" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('products.categories.moveUp')}>↑</Button>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                  </Space>
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', type: 'text', options: [] })} data-testid="category-attribute-add">
              {t('products.categories.addAttribute')}
            </Button>
          </>
        )}
      </Form.List>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="category-save">{t('common.save')}</Button>
      </Space>
    </Form>
  );
}
