import { z } from 'zod';
import { PRODUCT_IMPORT_FIELDS } from '../domain/product-import-fields.ts';
import { CURRENCIES, MAX_MONEY_E4 } from '../domain/money.ts';
import { EpochMs, Id, optionalText, Page, requiredText } from './primitives.ts';

/** Products and their categories, attribute templates and images (issue 13 point 1). */

export const ProductAttributeType = z.enum(['text', 'number', 'select', 'boolean']);
export const Currency = z.enum(CURRENCIES);
const MoneyE4 = z.number().int().min(0).max(MAX_MONEY_E4);
/** Sizes and weights: positive, and far below anything a carton measures. */
const Measure = z.number().min(0).max(1_000_000).nullish().transform((v) => v ?? null);
/** Most attributes a category's template holds; a product's values are bounded by it. */
export const MAX_ATTRIBUTE_DEFS = 100;
export const MAX_ATTRIBUTE_TEXT = 2000;

export const ProductAttributeDef = z.object({
  id: Id,
  label: z.string(),
  type: ProductAttributeType,
  options: z.array(z.string()),
});
/** A def in a category's create/update: with `id` it keeps (and renames) that def, without it a new one is added. */
export const ProductAttributeDefInput = z.object({
  id: Id.optional(),
  label: requiredText(60),
  type: ProductAttributeType,
  options: z.array(requiredText(60)).max(100).default([]),
});

export const ProductCategory = z.object({
  id: Id,
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  attributes: z.array(ProductAttributeDef),
  productCount: z.number(),
});
export const ProductCategoryInput = z.object({
  nameEn: requiredText(100),
  nameZh: optionalText(100),
  attributes: z.array(ProductAttributeDefInput).max(MAX_ATTRIBUTE_DEFS).default([]),
});

/** An attribute's value: text or a select's choice, a number, or yes/no; null clears it. */
export const ProductAttributeValue = z.union([z.string().max(MAX_ATTRIBUTE_TEXT), z.number(), z.boolean(), z.null()]);
export const ProductAttributeValues = z.record(Id, ProductAttributeValue).superRefine((values, ctx) => {
  if (Object.keys(values).length > MAX_ATTRIBUTE_DEFS) ctx.addIssue({ code: 'custom', message: 'validation.tooManyEntries', params: { max: MAX_ATTRIBUTE_DEFS } });
});

export const ProductRow = z.object({
  id: Id,
  model: z.string(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  categoryId: Id.nullable(),
  unit: z.string().nullable(),
  listPriceE4: z.number().nullable(),
  listCurrency: z.string().nullable(),
  costE4: z.number().nullable(),
  costCurrency: z.string().nullable(),
  /** The first image's SHA-256, or null when the product has none. */
  thumbnail: z.string().nullable(),
});

export const ProductImage = z.object({
  sha256: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

export const Product = ProductRow.extend({
  specs: z.string().nullable(),
  attributes: z.record(z.string(), ProductAttributeValue),
  unitsPerCarton: z.number().nullable(),
  cartonLengthCm: z.number().nullable(),
  cartonWidthCm: z.number().nullable(),
  cartonHeightCm: z.number().nullable(),
  grossWeightKg: z.number().nullable(),
  netWeightKg: z.number().nullable(),
  notes: z.string().nullable(),
  images: z.array(ProductImage),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  /** Set on a deleted product: quotes that name it still read it. */
  deletedAt: EpochMs.nullable(),
});

const ProductFields = z.object({
  model: requiredText(80),
  nameEn: optionalText(300),
  nameZh: optionalText(300),
  categoryId: Id.nullish().transform((v) => v ?? null),
  specs: optionalText(4000),
  attributes: ProductAttributeValues.default({}),
  unitsPerCarton: Measure,
  cartonLengthCm: Measure,
  cartonWidthCm: Measure,
  cartonHeightCm: Measure,
  grossWeightKg: Measure,
  netWeightKg: Measure,
  costE4: MoneyE4.nullish().transform((v) => v ?? null),
  costCurrency: Currency.nullish().transform((v) => v ?? null),
  listPriceE4: MoneyE4.nullish().transform((v) => v ?? null),
  listCurrency: Currency.nullish().transform((v) => v ?? null),
  unit: optionalText(20),
  notes: optionalText(4000),
});

// A price without its currency cannot be quoted or compared; the error names the currency field.
function currencyWithPrice(p: z.output<typeof ProductFields>, ctx: z.RefinementCtx): void {
  if (p.costE4 !== null && p.costCurrency === null) ctx.addIssue({ code: 'custom', path: ['costCurrency'], message: 'validation.required' });
  if (p.listPriceE4 !== null && p.listCurrency === null) ctx.addIssue({ code: 'custom', path: ['listCurrency'], message: 'validation.required' });
}
export const ProductInput = ProductFields.superRefine(currencyWithPrice);
export const ProductUpdate = ProductFields.extend({ id: Id }).superRefine(currencyWithPrice);

export const ProductQuery = Page.extend({
  query: z.string().trim().max(200).default(''),
  categoryId: Id.nullish().transform((v) => v ?? null),
});
export const ProductPage = z.object({ total: z.number(), rows: z.array(ProductRow) });

export { PRODUCT_IMPORT_FIELDS };
export const ProductImportTarget = z.enum([...PRODUCT_IMPORT_FIELDS, 'extra', 'skip']);
export const ProductImportInput = z.object({
  path: z.string().trim().min(1).max(4000),
  /** A folder of images named by model ("BV-100.jpg", any case; .jpg, .jpeg, .png). */
  imageFolder: optionalText(4000),
  /**
   * Targets by header as written; a header left out is mapped as chosen last time for a sheet
   * with the same headers, else by its name. A mapping given is remembered for those headers.
   */
  mapping: z.record(z.string().max(200), ProductImportTarget).optional(),
  /** The currency of a price cell that names none (neither in the cell nor in its header). */
  listCurrency: Currency.default('USD'),
  costCurrency: Currency.default('CNY'),
});
export const ProductImportReport = z.object({
  sheet: z.string(),
  columns: z.array(z.object({ letter: z.string(), header: z.string(), target: ProductImportTarget })),
  created: z.number(),
  updated: z.number(),
  imagesAdded: z.number(),
  /** Image files whose name is no model of the sheet (at most 100 named). */
  imagesUnmatched: z.array(z.string()),
  skippedCount: z.number(),
  /** Rows not imported (the first 1,000): the row number as the sheet shows it, and why (an i18n key with its params). */
  skipped: z.array(z.object({ row: z.number(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
});

export const ProductImportPreview = z.object({
  sheet: z.string(),
  /** The mapping chosen for a sheet with these headers last time is applied. */
  remembered: z.boolean(),
  /** Each column's suggested target and its first few values, so the user can check and change the mapping. */
  columns: z.array(z.object({ letter: z.string(), header: z.string(), target: ProductImportTarget, samples: z.array(z.string()) })),
});

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const ById = z.object({ id: Id });
const Count = z.object({ count: z.number() });

export const productCalls = {
  /** Live products, by model, English or Chinese name; a model matches by its key's prefix ("ab 10" finds "AB-100"). */
  'products.list': call(ProductQuery, ProductPage),
  /** One product, deleted ones too (a quote that names it still shows it). */
  'products.get': call(ById, Product),
  'products.create': call(ProductInput, Product),
  'products.update': call(ProductUpdate, Product),
  /** Soft delete: the product leaves the list and its model may be used again; quotes keep reading it. */
  'products.remove': call(ById, Count),

  /** Copies the image file at `path` (absolute; JPEG, PNG, WebP or GIF) into the data folder and adds it last. */
  'products.addImage': call(z.object({ productId: Id, path: z.string().trim().min(1).max(4000) }), Product),
  'products.removeImage': call(z.object({ productId: Id, sha256: Sha256 }), Product),
  /** The product's images in this order; the first is its thumbnail. */
  'products.reorderImages': call(z.object({ productId: Id, sha256s: z.array(Sha256).max(200) }), Product),
  /**
   * A product image's bytes (a small WebP for 'thumb'), as mail attachments are read: through the
   * contract, so the web host's token guards it, by hash only (never a path), and only a hash some
   * product holds.
   */
  'products.image': call(z.object({ sha256: Sha256, size: z.enum(['thumb', 'full']) }), z.object({ mimeType: z.string(), base64: z.string() })),

  /**
   * Reads an .xlsx or .csv (any common encoding) with the contact sheets' reader and header
   * mapping, and upserts by model: a second run updates, never duplicates.
   */
  'products.import': call(ProductImportInput, ProductImportReport),
  /** The sheet's columns as products.import would map them, with sample values; nothing is written. */
  'products.previewImport': call(ProductImportInput.pick({ path: true, mapping: true }), ProductImportPreview),

  'productCategories.list': call(z.object({}).default({}), z.array(ProductCategory)),
  'productCategories.create': call(ProductCategoryInput, ProductCategory),
  'productCategories.update': call(ProductCategoryInput.extend({ id: Id }), ProductCategory),
  /** The category's products keep their values but lose the category. */
  'productCategories.remove': call(ById, Count),
} as const;
