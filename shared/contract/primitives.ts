import { z } from 'zod';

/** App-generated ids (UUIDv7). */
export const Id = z.string().min(1).max(64);
/** UTC epoch milliseconds. */
export const EpochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/** Trimmed text with a length limit; empty becomes null for optional fields. */
export function text(max: number) {
  return z.string().trim().max(max);
}
export function requiredText(max: number) {
  return z.string().trim().min(1).max(max);
}
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
}

export const Page = z.object({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
