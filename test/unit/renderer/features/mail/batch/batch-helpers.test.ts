import { describe, expect, it } from 'vitest';
import type { BatchCustomer } from '../../../../../../shared/contract/mail-send.contract.ts';
import { defaultContactId, planRecipients } from '../../../../../../renderer/src/features/mail/batch/batch-helpers.ts';

const contact = (id: string, email: string | null, isPrimary = false) => ({ id, name: id, title: null, email, isPrimary });
const customer = (id: string, contacts: BatchCustomer['contacts']): BatchCustomer => ({ customerId: id, code: id, name: `Customer ${id}`, contacts });

describe('personalised send recipients', () => {
  it('defaults to the primary contact with an email, else the first with one', () => {
    expect(defaultContactId([contact('a', 'a@x.de'), contact('b', 'b@x.de', true)])).toBe('b');
    expect(defaultContactId([contact('a', null, true), contact('b', 'b@x.de')])).toBe('b');
    expect(defaultContactId([contact('a', null)])).toBeNull();
    expect(defaultContactId([])).toBeNull();
  });

  it('takes one contact per customer, a choice over the default, and lists customers without an email', () => {
    const customers = [
      customer('1', [contact('1a', '1a@x.de', true), contact('1b', '1b@x.de')]),
      customer('2', [contact('2a', null)]),
      customer('3', []),
      customer('4', [contact('4a', '4a@x.de')]),
    ];
    const plan = planRecipients(customers, new Map([['1', '1b']]));
    expect(plan.contactIds).toEqual(['1b', '4a']);
    expect(plan.withoutEmail.map((c) => c.customerId)).toEqual(['2', '3']);
    // A choice of a contact that has no email does not count.
    expect(planRecipients(customers, new Map([['2', '2a']])).contactIds).toEqual(['1a', '4a']);
  });
});
