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
    import: {
      notAbsolute: '请填写表格的完整路径：{{file}}',
      notSheet: '{{file}} 是 vCard 文件，不是产品表格（.xlsx 或 .csv）。',
      noModelColumn: '{{file}} 中没有型号列。请把表头写为“型号”或“Model”，或手动选择该列。',
      imageFolderNotAbsolute: '请填写图片文件夹的完整路径：{{folder}}',
      imageFolderUnreadable: '无法读取图片文件夹 {{folder}}（可能不存在）。',
      noModel: '该行没有型号。',
      repeatedModel: '型号 {{model}} 已出现在本表第 {{firstRow}} 行。',
      badNumber: '{{column}}：“{{value}}”不是数字。',
      badPrice: '{{column}}：“{{value}}”不是价格（最多四位小数）。',
      badCurrency: '{{column}}：“{{value}}”不是币种。',
      badCartonSize: '{{column}}：“{{value}}”不是外箱尺寸（如 50×40×30）。',
      tooLong: '{{column}} 超过 {{max}} 个字符。',
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
