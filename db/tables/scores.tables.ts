import type { Stage } from '../../shared/domain/customer-enums.ts';
import type { SuggestionReason } from '../../shared/domain/value-score.ts';

/** Tables of migration 0018 (issue 14 point 4): the value (RFM) score and lifecycle suggestions. */
export interface CustomerScoresTable {
  customer_id: string;
  /** 0–100, the weighted R/F/M (shared/domain/value-score.ts). */
  score: number;
  r: number;
  f: number;
  m: number;
  /** The later of the last contact and the last order. */
  recency_at: number | null;
  /** Accepted quotes by base number (uncapped; F caps it). */
  orders: number;
  last_order_at: number | null;
  /** When R drops with time alone; the score service rescores it then. */
  valid_until: number | null;
  computed_at: number;
}

export interface CustomerMoneyTable {
  customer_id: string;
  currency: string;
  total_e4: number;
}

export interface ScoreQuartilesTable {
  currency: string;
  q1_e4: number;
  q2_e4: number;
  q3_e4: number;
  /** How many customers ordered in this currency when the boundaries were taken. */
  customers: number;
  computed_at: number;
}

export interface ScoreStateTable {
  id: 1;
  /** Changes of customers' ordered values since the boundaries were taken. */
  money_changes: number;
  /** Customers with an ordered value when the boundaries were taken. */
  population: number;
  quartiles_at: number | null;
}

export interface ScoreWeightsTable {
  id: 1;
  recency: number;
  frequency: number;
  monetary: number;
  updated_at: number;
}

export interface ScoreDirtyTable {
  customer_id: string;
}

export type SuggestionStatus = 'pending' | 'confirmed' | 'dismissed';

export interface StageSuggestionsTable {
  id: string;
  customer_id: string;
  reason: SuggestionReason;
  basis: number;
  from_stage: Stage;
  to_stage: Stage;
  status: SuggestionStatus;
  created_at: number;
  decided_at: number | null;
}

export interface ScoreTables {
  customer_scores: CustomerScoresTable;
  customer_money: CustomerMoneyTable;
  score_quartiles: ScoreQuartilesTable;
  score_state: ScoreStateTable;
  score_weights: ScoreWeightsTable;
  score_dirty: ScoreDirtyTable;
  stage_suggestions: StageSuggestionsTable;
}
