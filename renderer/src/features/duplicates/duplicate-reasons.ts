import type { CallOutput } from '../../../../shared/contract/contract.ts';

type Reason = CallOutput<'customers.findDuplicates'>[number]['reason'];

/** The strongest evidence is the reddest: a shared email is almost surely the same company. */
export const REASON_COLORS: Record<Reason, string> = { email: 'red', domain: 'orange', name: 'blue' };
