import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import type { todayCalls } from '../../../shared/contract/today.contract.ts';

type Keys = keyof typeof todayCalls;

/** Today: every due reminder by kind (issue 14 point 3). */
export function createTodayService(_deps: ServiceDeps): { handlers: Pick<Handlers, Keys> } {
  return { handlers: {} };
}
