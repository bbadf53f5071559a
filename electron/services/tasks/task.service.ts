import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import type { taskCalls } from '../../../shared/contract/tasks.contract.ts';

type Keys = keyof typeof taskCalls;

/** Tasks and appointments (issue 14 point 1). */
export function createTaskService(_deps: ServiceDeps): { handlers: Pick<Handlers, Keys> } {
  return { handlers: {} };
}
