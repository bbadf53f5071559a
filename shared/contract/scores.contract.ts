import { z } from 'zod';
import { STAGES } from '../domain/customer-enums.ts';
import { MAX_WEIGHT, SUGGESTION_REASONS } from '../domain/value-score.ts';
import { EpochMs, Id, Page } from './primitives.ts';

/** The value (RFM) score and lifecycle suggestions (issue 14 point 4; rules in shared/domain/value-score.ts). */

const Weight = z.number().int().min(0).max(MAX_WEIGHT);
export const ScoreWeights = z
  .object({ recency: Weight, frequency: Weight, monetary: Weight })
  .refine((w) => w.recency + w.frequency + w.monetary > 0, { message: 'scores.errors.noWeight', path: ['recency'] });

const StageEnum = z.enum(STAGES);
export const SuggestionReason = z.enum(SUGGESTION_REASONS);

export const StageSuggestion = z.object({
  id: Id,
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
  reason: SuggestionReason,
  fromStage: StageEnum,
  toStage: StageEnum,
  createdAt: EpochMs,
});
export type StageSuggestion = z.infer<typeof StageSuggestion>;

export const CustomerScore = z.object({
  customerId: Id,
  /** 0–100; null until the customer's first scoring pass. */
  score: z.number().nullable(),
  r: z.number(),
  f: z.number(),
  m: z.number(),
  recencyAt: EpochMs.nullable(),
  orders: z.number(),
  lastOrderAt: EpochMs.nullable(),
  /** Ordered value per currency with its quartile (1–4) among the customers who ordered in it. */
  money: z.array(z.object({ currency: z.string(), totalE4: z.number(), quartile: z.number() })),
  weights: z.object({ recency: z.number(), frequency: z.number(), monetary: z.number() }),
  suggestions: z.array(StageSuggestion),
});
export type CustomerScore = z.infer<typeof CustomerScore>;

export const scoreCalls = {
  /** One customer's score, its parts and its pending stage suggestions (the customer folder). */
  'scores.get': { input: z.object({ customerId: Id }), output: CustomerScore },
  'scores.getWeights': { input: z.object({}).default({}), output: ScoreWeights },
  /** New weights rescore every customer in the same transaction. */
  'scores.setWeights': { input: ScoreWeights, output: ScoreWeights },
  /** Pending stage suggestions of all customers, newest first. */
  'scores.suggestions': { input: Page.extend({}), output: z.object({ total: z.number(), rows: z.array(StageSuggestion) }) },
  /** Confirm (the customer's stage becomes the suggested one) or dismiss (never suggested again for this reason). */
  'scores.decide': { input: z.object({ id: Id, decision: z.enum(['confirm', 'dismiss']) }), output: z.object({ count: z.number() }) },
  /** Rescores customers whose data changed or whose recency band ran out (after each write and hourly). */
  'scores.refresh': { input: z.object({}).default({}), output: z.object({ count: z.number() }) },
} as const;
