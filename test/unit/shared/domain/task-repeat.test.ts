import { describe, expect, it } from 'vitest';
import { addMonthsClamped, nextOccurrence, occurrenceAt } from '../../../../shared/domain/task-repeat.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('task repeat rules', () => {
  it('clamps month ends and keeps counting from the anchor: Jan 31 → Feb 28 → Mar 31, Feb 29 in a leap year', () => {
    const jan31 = at('2027-01-31T09:00:00.000Z');
    expect(iso(addMonthsClamped(jan31, 1))).toBe('2027-02-28T09:00:00.000Z');
    expect(iso(addMonthsClamped(jan31, 2))).toBe('2027-03-31T09:00:00.000Z');
    expect(iso(addMonthsClamped(jan31, 3))).toBe('2027-04-30T09:00:00.000Z');
    expect(iso(addMonthsClamped(at('2028-01-31T00:00:00.000Z'), 1))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(addMonthsClamped(at('2026-11-30T00:00:00.000Z'), 3))).toBe('2027-02-28T00:00:00.000Z');
    expect(iso(addMonthsClamped(at('2026-12-15T00:00:00.000Z'), 13))).toBe('2028-01-15T00:00:00.000Z');
  });

  it('steps days and weeks by their length', () => {
    const start = at('2026-06-01T08:00:00.000Z');
    expect(iso(occurrenceAt(start, { unit: 'day', every: 3 }, 2))).toBe('2026-06-07T08:00:00.000Z');
    expect(iso(occurrenceAt(start, { unit: 'week', every: 2 }, 1))).toBe('2026-06-15T08:00:00.000Z');
  });

  it('the next occurrence skips those already past when a task is done late', () => {
    const start = at('2026-06-01T08:00:00.000Z');
    const weekly = { unit: 'week', every: 1 } as const;
    expect(nextOccurrence(start, weekly, 0, at('2026-06-01T10:00:00.000Z'))).toEqual({ index: 1, dueAt: at('2026-06-08T08:00:00.000Z') });
    expect(nextOccurrence(start, weekly, 0, at('2026-06-20T10:00:00.000Z'))).toEqual({ index: 3, dueAt: at('2026-06-22T08:00:00.000Z') });
    // Done early: still the next one on the schedule, never the same one again.
    expect(nextOccurrence(start, weekly, 0, at('2026-05-20T10:00:00.000Z'))).toEqual({ index: 1, dueAt: at('2026-06-08T08:00:00.000Z') });
  });
});
