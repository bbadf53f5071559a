import type { TodayKind } from '../../shared/domain/today-kinds.ts';

/** Migration 0020-today. */
export interface TodaySnoozesTable {
  kind: TodayKind;
  record_id: string;
  /** Hidden from Today until then (epoch ms). */
  until: number;
  created_at: number;
}

export interface TodayNotifiedTable {
  /** TodayItem.key: `<kind>:<record id>:<due>`. */
  item_key: string;
  notified_at: number;
}

export interface TodayTables {
  today_snoozes: TodaySnoozesTable;
  today_notified: TodayNotifiedTable;
}
