import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import type { paymentCalls } from '../../../shared/contract/payments.contract.ts';

type Keys = keyof typeof paymentCalls;

/** Expected payments and letters of credit of accepted quotes (issue 14 point 2). */
export function createPaymentService(_deps: ServiceDeps): { handlers: Pick<Handlers, Keys> } {
  return { handlers: {} };
}
