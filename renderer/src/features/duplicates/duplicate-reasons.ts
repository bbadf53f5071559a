import type { CallOutput } from '../../../../shared/contract/contract.ts';

type Group = CallOutput<'customers.findDuplicates'>['groups'][number];

/** The strongest evidence is the reddest: a shared email is almost surely the same company. */
export const REASON_COLORS: Record<Group['reason'], string> = { email: 'red', domain: 'orange', name: 'blue' };

export const CONFIDENCE_COLORS: Record<Group['confidence'], string> = { high: 'red', medium: 'gold', low: 'default' };

/** Signals that speak against one company are shown apart from those that speak for it. */
export const SIGNAL_AGAINST: ReadonlySet<Group['signals'][number]> = new Set(['differentCountries', 'differentLegalForms']);
