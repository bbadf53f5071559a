import type { Tx } from '../../../db/database.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { productCalls } from '../../../shared/contract/products.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { newId } from '../core/ids.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import {
  categoryIsLive,
  insertCategory,
  listAttributeDefs,
  listCategories,
  replaceAttributeDefs,
  softDeleteCategory,
  updateCategory,
} from './category.queries.ts';
import { checkAttributes } from './product-attributes.ts';
import { createProductImageHandlers } from './product-image.service.ts';
import { createProductImageStore } from './product-images.ts';
import { getProduct, insertProduct, listProducts, liveProductByModel, productColumns, softDeleteProduct, updateProduct } from './product.queries.ts';

type ProductKeys = keyof typeof productCalls;
type Fields = ParsedInput<'products.create'>;
type ProductOut = CallOutput<'products.get'>;

/**
 * A product's fields made ready to store inside the write's transaction: the model must be free
 * among live products (the error names the model as it was written), the category live, and the
 * attribute values fit the category's template.
 */
export async function checkedProduct(trx: Tx, input: Fields, exceptId?: string): Promise<Fields> {
  const taken = await liveProductByModel(trx, input.model, exceptId);
  if (taken) {
    const params = { model: taken.model };
    fail('conflict', 'products.errors.modelTaken', params, [{ path: 'model', message: 'products.errors.modelTaken', params }]);
  }
  if (input.categoryId && !(await categoryIsLive(trx, input.categoryId))) {
    fail('validation', 'errors.validation', undefined, [{ path: 'categoryId', message: 'products.errors.categoryNotFound' }]);
  }
  const defs = input.categoryId ? await listAttributeDefs(trx, [input.categoryId]) : [];
  const { values, errors } = checkAttributes(defs, input.attributes);
  if (errors.length) fail('validation', 'errors.validation', undefined, errors);
  return { ...input, attributes: values };
}

/** A select needs choices: a product could hold no value of it. The error names the def's options. */
function checkTemplate(input: ParsedInput<'productCategories.create'>): void {
  const errors = input.attributes.flatMap((d, i) =>
    d.type === 'select' && d.options.length === 0 ? [{ path: `attributes.${i}.options`, message: 'errors.selectNeedsOptions' }] : [],
  );
  if (errors.length) fail('validation', 'errors.validation', undefined, errors);
}

/** Products and their categories, attribute templates and images (issue 13 point 1). */
export function createProductService(deps: ServiceDeps & { dataDir: string }): { handlers: Pick<Handlers, ProductKeys> } {
  const { db, clock, emit } = deps;
  const images = createProductImageStore(deps.dataDir);
  const changed = () => emit('data.changed', { entities: ['products'] });

  async function get(id: string): Promise<ProductOut> {
    const product = await getProduct(db, id);
    if (!product) fail('notFound', 'products.errors.notFound', { id });
    return product;
  }

  async function getCategory(id: string): Promise<CallOutput<'productCategories.create'>> {
    const category = (await listCategories(db)).find((c) => c.id === id);
    if (!category) fail('notFound', 'products.errors.categoryNotFound', { id });
    return category;
  }

  return {
    handlers: {
      'products.list': (input) => listProducts(db, input),
      'products.get': ({ id }) => get(id),
      'products.create': async (input) => {
        const id = newId();
        await db.transaction().execute(async (trx) => {
          await insertProduct(trx, productColumns(await checkedProduct(trx, input)), id, clock.now());
        });
        changed();
        return get(id);
      },
      'products.update': async ({ id, ...input }) => {
        await db.transaction().execute(async (trx) => {
          const count = await updateProduct(trx, id, productColumns(await checkedProduct(trx, input, id)), clock.now());
          if (count === 0) fail('notFound', 'products.errors.notFound', { id });
        });
        changed();
        return get(id);
      },
      'products.remove': async ({ id }) => {
        const count = await softDeleteProduct(db, id, clock.now());
        if (count) changed();
        return { count };
      },

      ...createProductImageHandlers({ ...deps, images, get }),
      // The sheet readers (exceljs, csv-parse, iconv-lite) load with the first import, not at every start.
      'products.previewImport': async (input) => (await import('./import/product-import.ts')).previewProductImport(db, input),
      'products.import': async (input) => {
        const { importProducts } = await import('./import/product-import.ts');
        const report = await importProducts({ db, now: () => clock.now(), newId, images }, input);
        if (report.created + report.updated + report.imagesAdded > 0) changed();
        return report;
      },

      'productCategories.list': () => listCategories(db),
      'productCategories.create': async (input) => {
        checkTemplate(input);
        const id = newId();
        await db.transaction().execute(async (trx) => {
          const now = clock.now();
          await insertCategory(trx, id, input, now);
          await replaceAttributeDefs(trx, id, input.attributes, newId, now);
        });
        changed();
        return getCategory(id);
      },
      'productCategories.update': async (input) => {
        checkTemplate(input);
        await db.transaction().execute(async (trx) => {
          const now = clock.now();
          if ((await updateCategory(trx, input, now)) === 0) fail('notFound', 'products.errors.categoryNotFound', { id: input.id });
          await replaceAttributeDefs(trx, input.id, input.attributes, newId, now);
        });
        changed();
        return getCategory(input.id);
      },
      'productCategories.remove': async ({ id }) => {
        const count = await db.transaction().execute((trx) => softDeleteCategory(trx, id, clock.now()));
        if (count) changed();
        return { count };
      },
    },
  };
}
