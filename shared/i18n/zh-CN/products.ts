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
      imageNotAbsolute: '请填写图片的完整路径（如 D:\\照片\\BV-100.jpg）：{{file}}',
      imageUnreadable: '无法读取图片 {{file}}（可能不存在）。',
      imageTooLarge: '图片 {{file}} 超过 25 MB。',
      imageNotImage: '{{file}} 不是 JPEG、PNG、WebP 或 GIF 图片。',
      imageMissing: '该图片已不在数据文件夹中。',
    },
    pick: {
      imageTitle: '选择产品图片',
      imageFilter: '图片',
      sheetTitle: '选择产品表格',
      sheetFilter: '表格（.xlsx、.csv）',
      imageFolderTitle: '选择产品图片文件夹',
    },
  },
};
