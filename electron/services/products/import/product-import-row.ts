import type { ProductsTable } from '../../../../db/tables/quotes.tables.ts';
import type { MessageParams } from '../../../../shared/contract/result.ts';
import type { Currency } from '../../../../shared/domain/money.ts';
import { productModelKey } from '../../../../shared/domain/product-model.ts';
import type { SheetRow } from '../../imports/contacts/contact-sheet.types.ts';
import { cartonSizeCell, currencyIn, moneyCell, numberCell } from './product-import-cells.ts';
import type { MappedColumn } from './product-import-fields.ts';

/** The columns a sheet row sets; a column the sheet lacks or leaves empty keeps what the product has. */
export type RowColumns = Partial<Omit<ProductsTable, 'rid' | 'id' | 'model_key' | 'attributes' | 'category_id' | 'created_at' | 'updated_at' | 'deleted_at'>>;

export type ReadRow =
  | { ok: true; rowNumber: number; model: string; modelKey: string; columns: RowColumns; category: string | null }
  | { ok: false; rowNumber: number; message: string; params: MessageParams };

export interface RowContext {
  columns: readonly MappedColumn[];
  listCurrency: Currency;
  costCurrency: Currency;
}

const TEXT_LIMITS = { model: 80, name_en: 300, name_zh: 300, specs: 4000, unit: 20, notes: 4000 } as const;
const NUMBER_COLUMNS = {
  unitsPerCarton: 'units_per_carton',
  cartonLengthCm: 'carton_length_cm',
  cartonWidthCm: 'carton_width_cm',
  cartonHeightCm: 'carton_height_cm',
  grossWeightKg: 'gross_weight_kg',
  netWeightKg: 'net_weight_kg',
} as const;

class RowProblem extends Error {
  readonly key: string;
  readonly params: MessageParams;
  constructor(key: string, params: MessageParams) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

function text(column: keyof typeof TEXT_LIMITS, value: string, col: MappedColumn): string {
  if (value.length > TEXT_LIMITS[column]) throw new RowProblem('products.import.tooLong', { column: col.text || col.letter, max: TEXT_LIMITS[column] });
  return value;
}

function bad(col: MappedColumn, value: string, key = 'products.import.badNumber'): never {
  throw new RowProblem(key, { column: col.text || col.letter, value: value.slice(0, 60) });
}

/**
 * One sheet row as product columns, or why it cannot be imported (an i18n key naming the column
 * and the value). Prices take the currency their cell names, else the row's currency column,
 * else their header's ("Unit price (USD)"), else the import's default.
 */
export function readProductRow(row: SheetRow, ctx: RowContext): ReadRow {
  const out: RowColumns = {};
  const extras: string[] = [];
  let model = '';
  let category: string | null = null;
  const prices: Array<{ col: MappedColumn; e4: number; currency: Currency | null; kind: 'list' | 'cost' }> = [];
  try {
    for (const col of ctx.columns) {
      const value = (row.cells[col.index] ?? '').trim();
      if (!value || col.target === 'skip') continue;
      switch (col.target) {
        case 'model': model = text('model', value, col); break;
        case 'nameEn': out.name_en = text('name_en', value, col); break;
        case 'nameZh': out.name_zh = text('name_zh', value, col); break;
        case 'specs': out.specs = text('specs', value, col); break;
        case 'unit': out.unit = text('unit', value, col); break;
        case 'notes': out.notes = text('notes', value, col); break;
        case 'category': category = value.slice(0, 100); break;
        case 'extra': extras.push(`${col.text || col.letter}: ${value}`); break;
        case 'cartonSize': {
          const size = cartonSizeCell(value);
          if (!size.ok) bad(col, value, 'products.import.badCartonSize');
          [out.carton_length_cm, out.carton_width_cm, out.carton_height_cm] = size.value;
          break;
        }
        case 'listCurrency':
        case 'costCurrency': {
          const code = currencyIn(value);
          if (!code) bad(col, value, 'products.import.badCurrency');
          out[col.target === 'listCurrency' ? 'list_currency' : 'cost_currency'] = code;
          break;
        }
        case 'listPrice':
        case 'cost': {
          const money = moneyCell(value);
          if (!money.ok) bad(col, value, 'products.import.badPrice');
          prices.push({ col, ...money.value, kind: col.target === 'cost' ? 'cost' : 'list' });
          break;
        }
        default: {
          const n = numberCell(value);
          if (!n.ok) bad(col, value);
          out[NUMBER_COLUMNS[col.target]] = n.value;
        }
      }
    }
    if (!model) return { ok: false, rowNumber: row.rowNumber, message: 'products.import.noModel', params: {} };
    for (const p of prices) {
      const currency = p.currency ?? (p.kind === 'list' ? out.list_currency : out.cost_currency) ?? currencyIn(p.col.text) ?? (p.kind === 'list' ? ctx.listCurrency : ctx.costCurrency);
      if (p.kind === 'list') Object.assign(out, { list_price_e4: p.e4, list_currency: currency });
      else Object.assign(out, { cost_e4: p.e4, cost_currency: currency });
    }
    if (extras.length) out.specs = text('specs', [out.specs, ...extras].filter(Boolean).join('\n'), { index: 0, letter: '', text: 'specs', target: 'specs' });
  } catch (error) {
    if (error instanceof RowProblem) return { ok: false, rowNumber: row.rowNumber, message: error.key, params: error.params };
    throw error;
  }
  const modelKey = productModelKey(model);
  if (!modelKey) return { ok: false, rowNumber: row.rowNumber, message: 'products.import.noModel', params: {} };
  return { ok: true, rowNumber: row.rowNumber, model, modelKey, columns: out, category };
}
