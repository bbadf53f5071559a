import type { z } from 'zod';
import { PRODUCT_IMPORT_FIELDS, ProductImportTarget } from '../../../../shared/contract/products.contract.ts';
import { normalizeHeader } from '../../imports/contacts/contact-fields.ts';
import type { ColumnHeader } from '../../imports/contacts/contact-sheet.types.ts';
import { headerRecognizer } from '../../imports/contacts/header-mapping.ts';

type Field = (typeof PRODUCT_IMPORT_FIELDS)[number];
export type ImportTarget = z.output<typeof ProductImportTarget>;
export const PRODUCT_IMPORT_TARGETS: readonly ImportTarget[] = ProductImportTarget.options;

/**
 * Header names of each product field, Chinese and English, as suppliers' and traders' sheets
 * write them; compared after normalizeHeader (case, spaces, punctuation, full-width forms do not
 * matter), and a remark in brackets is ignored ("毛重(kg)", "Unit price (USD)").
 */
const PRODUCT_HEADER_NAMES: Record<Field, readonly string[]> = {
  model: ['型号', '产品型号', '货号', '款号', '产品编号', '产品代码', '物料编码', '型號', 'model', 'model no', 'model number', 'item no', 'item number', 'item code', 'sku', 'article', 'art no', 'part no', 'part number', 'ref', 'style no', 'product code'],
  nameEn: ['英文品名', '英文名称', '英文名', '品名英文', '英文描述', 'english name', 'name en', 'product name', 'item name', 'name', 'description', 'desc', 'product description', 'item description'],
  nameZh: ['中文品名', '品名', '中文名称', '产品名称', '名称', '中文名', '品名中文', '產品名稱', 'chinese name', 'name cn', 'name zh'],
  category: ['分类', '类别', '产品类别', '产品分类', '品类', '類別', 'category', 'product category', 'product type', 'group'],
  specs: ['规格', '规格参数', '参数', '产品规格', '規格', 'specification', 'specifications', 'spec', 'specs'],
  unit: ['单位', '计量单位', '單位', 'unit', 'uom'],
  unitsPerCarton: ['装箱数', '装箱量', '每箱数量', '箱装数', '入数', '外箱装量', 'pcs/ctn', 'qty/ctn', 'pcs per carton', 'units per carton', 'qty per carton', 'packing qty'],
  cartonSize: ['外箱尺寸', '箱规', '纸箱尺寸', '外箱规格', 'carton size', 'carton dimensions', 'carton dimension', 'ctn size', 'carton meas', 'meas', 'measurement'],
  cartonLengthCm: ['箱长', '外箱长', 'carton length', 'ctn length', 'length'],
  cartonWidthCm: ['箱宽', '外箱宽', 'carton width', 'ctn width', 'width'],
  cartonHeightCm: ['箱高', '外箱高', 'carton height', 'ctn height', 'height'],
  grossWeightKg: ['毛重', '外箱毛重', 'gross weight', 'gw', 'gross wt', 'g.w.'],
  netWeightKg: ['净重', '外箱净重', 'net weight', 'nw', 'net wt', 'n.w.'],
  cost: ['成本', '成本价', '采购价', '进价', '进货价', '工厂价', 'cost', 'cost price', 'purchase price', 'factory price'],
  costCurrency: ['成本币种', '采购币种', 'cost currency'],
  listPrice: ['单价', '价格', '报价', '售价', '销售价', '外销价', 'fob价', 'fob价格', '單價', 'price', 'unit price', 'list price', 'fob price', 'fob', 'selling price', 'sales price'],
  listCurrency: ['币种', '货币', '币别', '幣別', 'currency', 'curr'],
  notes: ['备注', '说明', '備註', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'],
};

export const recognizeProductHeader = headerRecognizer(PRODUCT_IMPORT_FIELDS, PRODUCT_HEADER_NAMES);

/** Row-number columns ("序号", "No.") that sheets start with: nothing to keep. */
const ROW_NUMBER_HEADERS = new Set(['序号', '序', '行号', 'no', 'nr', 'sn', 'seq', 'index', '#'].map(normalizeHeader));

export interface MappedColumn extends ColumnHeader {
  target: ImportTarget;
}

/**
 * Each column's target: the caller's choice for its header first, else the field its header
 * names, else 'extra' (kept in specs under its header). A field only one column may fill: a
 * second column naming it becomes 'extra' too, so nothing read is lost.
 */
export function mapProductColumns(headers: readonly ColumnHeader[], chosen: Readonly<Record<string, ImportTarget>> = {}): MappedColumn[] {
  const byKey = new Map(Object.entries(chosen).map(([header, target]) => [normalizeHeader(header), target]));
  const taken = new Set<ImportTarget>();
  return headers.map((h) => {
    const key = normalizeHeader(h.text);
    let target: ImportTarget = byKey.get(key) ?? (!key || ROW_NUMBER_HEADERS.has(key) ? 'skip' : (recognizeProductHeader(h.text)?.field ?? 'extra'));
    if (target !== 'extra' && target !== 'skip' && taken.has(target)) target = 'extra';
    taken.add(target);
    return { ...h, target };
  });
}
