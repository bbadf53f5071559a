import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { FieldError } from '../../../shared/contract/result.ts';

type Def = CallOutput<'productCategories.list'>[number]['attributes'][number];
type Values = ParsedInput<'products.create'>['attributes'];

/**
 * Checks a product's attribute values against its category's template: each key must be one of
 * the template's defs and each value of the def's type (a select's value one of its options).
 * Returns the values to store — nulls and empty text dropped — and an error per bad value, whose
 * path (`attributes.<def id>`) and `label` param name the field.
 */
export function checkAttributes(defs: readonly Def[], values: Values): { values: Values; errors: FieldError[] } {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: Values = {};
  const errors: FieldError[] = [];
  for (const [id, value] of Object.entries(values)) {
    if (value === null || value === '') continue;
    const path = `attributes.${id}`;
    const def = byId.get(id);
    if (!def) {
      errors.push({ path, message: 'products.errors.attributeUnknown' });
      continue;
    }
    const problem = valueProblem(def, value);
    if (problem) errors.push({ path, message: problem, params: { label: def.label } });
    else out[id] = typeof value === 'string' ? value.trim() : value;
  }
  return { values: out, errors };
}

function valueProblem(def: Def, value: string | number | boolean): string | null {
  switch (def.type) {
    case 'text':
      return typeof value === 'string' ? null : 'products.errors.attributeText';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'products.errors.attributeNumber';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'products.errors.attributeBoolean';
    case 'select':
      return typeof value === 'string' && def.options.includes(value.trim()) ? null : 'products.errors.attributeChoice';
  }
}
