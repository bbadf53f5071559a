import type { TodayItem } from '../../../../shared/contract/today.contract.ts';
import type { TodayKind } from '../../../../shared/domain/today-kinds.ts';
import { hrefFor } from '../../app/routes.ts';
import { mailHref } from '../mail/mail-route.ts';

/** Where a row's title leads: the record itself where it has a screen, else its customer. */
export function recordHref(item: TodayItem): string {
  switch (item.kind) {
    case 'quoteFollowUp':
      return hrefFor({ page: 'quote', id: item.recordId });
    case 'payment':
    case 'letterOfCredit':
      return item.quoteId ? hrefFor({ page: 'quote', id: item.quoteId }) : customerHref(item);
    case 'sampleFeedback':
      return hrefFor({ page: 'samples', open: item.recordId });
    case 'waitingForReply':
      return mailHref({ messageId: item.recordId });
    default:
      return customerHref(item);
  }
}

function customerHref(item: TodayItem): string {
  return item.customerId ? hrefFor({ page: 'customer', id: item.customerId }) : hrefFor({ page: 'today' });
}

/** The full list of a kind, where one exists (the reminders tabs). */
export function allOfKindHref(kind: TodayKind): string | null {
  switch (kind) {
    case 'task':
    case 'appointment':
      return hrefFor({ page: 'tasks' });
    case 'notContacted':
      return '#/not-contacted';
    case 'waitingForReply':
      return '#/not-contacted?tab=waiting';
    case 'quoteFollowUp':
      return '#/not-contacted?tab=quotes';
    case 'sampleFeedback':
      return '#/not-contacted?tab=samples';
    default:
      return null;
  }
}

/** Which one-click actions a row offers besides Snooze. */
export interface RowActions {
  /** today.done: a task completed, a payment received, a follow-up cleared. */
  done: 'done' | 'received' | null;
  logCall: boolean;
  /** 'reply' answers the waiting mail; 'new' writes to the row's contact. */
  mail: 'new' | 'reply' | null;
  recordFeedback: boolean;
}

export function actionsFor(item: TodayItem): RowActions {
  const withCustomer = item.customerId !== null;
  switch (item.kind) {
    case 'task':
    case 'appointment':
      return { done: 'done', logCall: withCustomer, mail: item.contactId ? 'new' : null, recordFeedback: false };
    case 'payment':
      return { done: 'received', logCall: false, mail: item.contactId ? 'new' : null, recordFeedback: false };
    case 'letterOfCredit':
      return { done: null, logCall: false, mail: item.contactId ? 'new' : null, recordFeedback: false };
    case 'quoteFollowUp':
      return { done: 'done', logCall: withCustomer, mail: item.contactId ? 'new' : null, recordFeedback: false };
    case 'sampleFeedback':
      return { done: null, logCall: withCustomer, mail: null, recordFeedback: true };
    case 'waitingForReply':
      return { done: null, logCall: withCustomer, mail: 'reply', recordFeedback: false };
    case 'notContacted':
      return { done: null, logCall: true, mail: item.contactId ? 'new' : null, recordFeedback: false };
  }
}
