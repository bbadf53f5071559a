import { describe, expect, it } from 'vitest';
import { contract, type CallKey } from '../../../../shared/contract/contract.ts';
import { FIRST_CUSTOMER_PAGE, FIRST_TODAY_INPUT, firstScreenCalls } from '../../../../shared/contract/first-screen.ts';
import { customerPageInput, INITIAL_FILTERS } from '../../../../renderer/src/features/customers/customer-list-filters.ts';
import { firstScreenQueries } from '../../../../renderer/src/first-screen/calls.ts';

/**
 * The first screen's calls are listed once (shared/contract/first-screen.ts): the hosts render and
 * warm up with that list (electron/web/first-screen-page.ts, app-core's warmUp), the renderer
 * starts the same calls early and seeds its query cache from the answers. What can still drift
 * apart is the screens' own query keys: if the list asked for its first page differently, it
 * would not find the host's answer, ask again and render differently from the host's HTML.
 */
describe('the first screen\'s calls', () => {
  it('ask for the customer list\'s first page exactly as the list does when it opens', () => {
    expect(customerPageInput(INITIAL_FILTERS, 0)).toEqual(FIRST_CUSTOMER_PAGE);
  });

  it('ask for Today\'s answer exactly as the Today page does when it opens (all owners)', () => {
    expect(firstScreenCalls('today')[0]).toEqual(['today.list', FIRST_TODAY_INPUT]);
  });

  it('are what the renderer starts early: Today on the home screen, the whole list at #/customers, the shell\'s part elsewhere', () => {
    expect(firstScreenQueries('')).toEqual(firstScreenCalls('today'));
    expect(firstScreenQueries('#/today')).toEqual(firstScreenCalls('today'));
    expect(firstScreenQueries('#/customers')).toEqual(firstScreenCalls('customers'));
    expect(firstScreenQueries('#/mail')).toEqual(firstScreenCalls('other'));
    const keys = (calls: readonly (readonly [CallKey, unknown])[]) => calls.map(([key]) => key);
    expect(keys(firstScreenCalls('customers'))).toEqual(['customers.list', ...keys(firstScreenCalls('other'))]);
    expect(keys(firstScreenCalls('today'))).toEqual(['today.list', ...keys(firstScreenCalls('other'))]);
  });

  it('are calls the contract accepts as they are, so the hosts can answer them', () => {
    for (const [key, input] of [...firstScreenCalls('customers'), ...firstScreenCalls('today')]) {
      expect(contract[key].input.safeParse(input).success, key).toBe(true);
    }
  });
});
