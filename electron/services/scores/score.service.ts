import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import type { scoreCalls } from '../../../shared/contract/scores.contract.ts';

type Keys = keyof typeof scoreCalls;

/** The value (RFM) score and lifecycle suggestions (issue 14 point 4). */
export function createScoreService(_deps: ServiceDeps): { handlers: Pick<Handlers, Keys> } {
  return { handlers: {} };
}
