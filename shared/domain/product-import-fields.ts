/**
 * Kept out of the contract so the renderer's Products page can list them without loading zod
 * (zod probes `new Function`, which the app's CSP refuses).
 */
/** What a column of a product sheet can fill; 'extra' keeps the column in specs as "Header: value", 'skip' drops it. */
export const PRODUCT_IMPORT_FIELDS = [
  'model',
  'nameEn',
  'nameZh',
  'category',
  'specs',
  'unit',
  'unitsPerCarton',
  'cartonSize',
  'cartonLengthCm',
  'cartonWidthCm',
  'cartonHeightCm',
  'grossWeightKg',
  'netWeightKg',
  'cost',
  'costCurrency',
  'listPrice',
  'listCurrency',
  'notes',
] as const;
