import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { CallOutput } from '../../../../shared/contract/contract.ts';

type Def = CallOutput<'productCategories.list'>[number]['attributes'][number];

/** The fields of the chosen category's attribute template, under `attributes.<def id>`. */
export function ProductAttributesFields({ defs }: { defs: readonly Def[] }) {
  if (defs.length === 0) return null;
  return (
    <Row gutter={16} data-testid="product-attributes">
      {defs.map((d) => (
        <Col span={8} key={d.id}>
          <Form.Item name={['attributes', d.id]} label={d.label} valuePropName={d.type === 'boolean' ? 'checked' : 'value'}>
            {d.type === 'number' ? (
              <InputNumber style={{ width: '100%' }} data-testid={`product-attribute-${d.label}`} />
            ) : d.type === 'boolean' ? (
              <Switch data-testid={`product-attribute-${d.label}`} />
            ) : d.type === 'select' ? (
              <Select allowClear options={d.options.map((o) => ({ value: o, label: o }))} data-testid={`product-attribute-${d.label}`} />
            ) : (
              <Input maxLength={2000} data-testid={`product-attribute-${d.label}`} />
            )}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
