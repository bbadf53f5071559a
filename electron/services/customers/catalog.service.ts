import { fail } from '../../../shared/contract/result.ts';
import type { CallOutput } from '../../../shared/contract/contract.ts';
import { MAX_CUSTOM_FIELDS } from '../../../shared/contract/customers.contract.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { newId } from '../core/ids.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import {
  countLiveFields,
  deleteRegion,
  insertField,
  insertOwner,
  insertRegion,
  listFields,
  listOwners,
  listRegions,
  listTags,
  regionExists,
  regionHasCustomers,
  softDeleteField,
  updateField,
  updateOwner,
  updateRegion,
} from './catalog.queries.ts';

type OwnerOut = CallOutput<'owners.create'>;
type RegionOut = CallOutput<'regions.create'>;
type FieldOut = CallOutput<'customFields.create'>;
type CatalogKeys =
  | 'owners.list'
  | 'owners.create'
  | 'owners.update'
  | 'regions.list'
  | 'regions.create'
  | 'regions.update'
  | 'regions.remove'
  | 'tags.list'
  | 'customFields.list'
  | 'customFields.create'
  | 'customFields.update'
  | 'customFields.remove';

/** Owners, regions, tags and custom field definitions: the lists customers refer to. */
export function createCatalogService(deps: ServiceDeps): { handlers: Pick<Handlers, CatalogKeys> } {
  const { db, clock, emit } = deps;

  async function getOwner(id: string): Promise<OwnerOut> {
    const owner = (await listOwners(db)).find((o) => o.id === id);
    if (!owner) fail('notFound', 'errors.ownerNotFound', { id });
    return owner;
  }

  async function getRegion(code: string): Promise<RegionOut> {
    const region = (await listRegions(db)).find((r) => r.code === code);
    if (!region) fail('notFound', 'errors.regionNotFound', { code }, [{ path: 'code', message: 'errors.regionNotFound', params: { code } }]);
    return region;
  }

  const getField = async (id: string): Promise<FieldOut> => (await listFields(db)).find((f) => f.id === id)!;

  return {
    handlers: {
      'owners.list': () => listOwners(db),
      'owners.create': async (input) => {
        const id = newId();
        await insertOwner(db, input, id, clock.now());
        emit('data.changed', { entities: ['owners'] });
        return getOwner(id);
      },
      'owners.update': async (input) => {
        if ((await updateOwner(db, input, clock.now())) === 0) fail('notFound', 'errors.ownerNotFound', { id: input.id });
        emit('data.changed', { entities: ['owners', 'customers'] });
        return getOwner(input.id);
      },

      'regions.list': () => listRegions(db),
      'regions.create': async (input) => {
        if (await regionExists(db, input.code)) {
          fail('conflict', 'errors.regionExists', { code: input.code }, [{ path: 'code', message: 'errors.regionExists', params: { code: input.code } }]);
        }
        await insertRegion(db, input);
        emit('data.changed', { entities: ['regions'] });
        return getRegion(input.code);
      },
      'regions.update': async (input) => {
        if ((await updateRegion(db, input)) === 0) fail('notFound', 'errors.regionNotFound', { code: input.code });
        emit('data.changed', { entities: ['regions'] });
        return getRegion(input.code);
      },
      'regions.remove': async ({ code }) => {
        // Deleted customers keep their codes too, so a region that ever had one stays.
        if (await regionHasCustomers(db, code)) fail('conflict', 'errors.regionInUse', { code });
        const count = await deleteRegion(db, code);
        emit('data.changed', { entities: ['regions'] });
        return { count };
      },

      'tags.list': () => listTags(db),

      'customFields.list': () => listFields(db),
      'customFields.create': async (input) => {
        if (input.type === 'select' && input.options.length === 0) {
          fail('validation', 'errors.validation', undefined, [{ path: 'options', message: 'errors.selectNeedsOptions' }]);
        }
        // A customer's values are bounded to this many per call, and the form sends every field.
        if ((await countLiveFields(db)) >= MAX_CUSTOM_FIELDS) {
          fail('validation', 'errors.validation', undefined, [{ path: 'label', message: 'errors.tooManyCustomFields', params: { max: MAX_CUSTOM_FIELDS } }]);
        }
        const id = newId();
        await insertField(db, input, id, clock.now());
        emit('data.changed', { entities: ['customFields'] });
        return getField(id);
      },
      'customFields.update': async (input) => {
        if ((await updateField(db, input)) === 0) fail('notFound', 'errors.customFieldNotFound', { id: input.id });
        emit('data.changed', { entities: ['customFields'] });
        return getField(input.id);
      },
      'customFields.remove': async ({ id }) => {
        const count = await softDeleteField(db, id, clock.now());
        emit('data.changed', { entities: ['customFields'] });
        return { count };
      },
    },
  };
}
