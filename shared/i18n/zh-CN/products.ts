import type { Catalog } from '../catalog-shape.ts';
import type { products as en } from '../en/products.ts';

export const products: Catalog<typeof en> = {
  products: {
    errors: {
      notFound: '找不到该产品（可能已被删除）。',
      modelTaken: '型号 {{model}} 已在产品库中。请打开该产品，或使用其他型号。',
      categoryNotFound: '找不到该分类（可能已被删除）。',
      attributeUnknown: '该属性不在分类的模板中（可能已被移除）。',
      attributeText: '{{label}} 必须是文本。',
      attributeNumber: '{{label}} 必须是数字。',
      attributeBoolean: '{{label}} 必须是“是”或“否”。',
      attributeChoice: '{{label}} 必须是其选项之一。',
    },
  },
};
