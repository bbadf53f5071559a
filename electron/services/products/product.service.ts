import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import type { productCalls } from '../../../shared/contract/products.contract.ts';

type ProductKeys = keyof typeof productCalls;

/** Products and their categories, attribute templates and images (issue 13 point 1). */
export function createProductService(deps: ServiceDeps): { handlers: Pick<Handlers, ProductKeys> } {
  void deps;
  return { handlers: {} };
}
