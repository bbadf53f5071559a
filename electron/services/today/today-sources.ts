import type { Db } from '../../../db/database.ts';
import type { EventPayload } from '../../../shared/contract/contract.ts';
import type { TodayKind } from '../../../shared/domain/today-kinds.ts';
import type { SectionQuery, SectionRows } from './today.queries.ts';

type Entity = EventPayload<'data.changed'>['entities'][number];

const ENTITY: Record<TodayKind, Entity> = {
  task: 'tasks',
  appointment: 'tasks',
  payment: 'payments',
  letterOfCredit: 'payments',
  quoteFollowUp: 'quotes',
  sampleFeedback: 'samples',
  waitingForReply: 'mailMessages',
  notContacted: 'customers',
};

/**
 * The sections other rooms own (tasks, payments, letters of credit): each room's own due-query
 * behind one shape, so that Today's service reads like a list of kinds.
 */
export function todaySources(_db: Db) {
  return {
    entityOf: (kind: TodayKind): Entity => ENTITY[kind],
    section: async (_kind: TodayKind, _q: SectionQuery): Promise<SectionRows> => ({ total: 0, rows: [] }),
    snooze: async (_kind: TodayKind, _recordId: string, _until: number, _now: number): Promise<number> => 0,
    canComplete: (_kind: TodayKind): boolean => false,
    complete: async (_kind: TodayKind, _recordId: string, _now: number): Promise<number> => 0,
  };
}
