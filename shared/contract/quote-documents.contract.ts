import { z } from 'zod';
import { requiredText } from './primitives.ts';

/**
 * A quote's documents (issue 13 point 4): the PDF on the company letterhead and the .xlsx, in
 * the quote's own language, written to `path` (absolute; .pdf or .xlsx) under a temporary name
 * and renamed when complete. An existing file is replaced only with `overwrite`, else the call
 * fails with exports.errors.exists (code conflict), as every export does.
 */

const QuoteDocumentInput = z.object({
  /** The quote's id, or its number ("Q2026-0001"; a revision's is "Q2026-0001-R1"). */
  id: requiredText(100),
  path: requiredText(4000),
  overwrite: z.boolean().default(false),
});

export const QuoteDocumentFile = z.object({ path: z.string(), bytes: z.number(), number: z.string(), ms: z.number() });
export type QuoteDocumentFile = z.infer<typeof QuoteDocumentFile>;

export const quoteDocumentCalls = {
  'quotes.exportPdf': { input: QuoteDocumentInput, output: QuoteDocumentFile },
  'quotes.exportXlsx': { input: QuoteDocumentInput, output: QuoteDocumentFile },
} as const;
