import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import type { sampleCalls } from '../../../shared/contract/samples.contract.ts';

type SampleKeys = keyof typeof sampleCalls;

/** Sample stock and sample shipments (issue 13 point 5). */
export function createSampleService(deps: ServiceDeps): { handlers: Pick<Handlers, SampleKeys> } {
  void deps;
  return { handlers: {} };
}
