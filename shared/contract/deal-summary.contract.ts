import { z } from 'zod';
import { COURIERS, QUOTE_STATUSES, SAMPLE_SHIPMENT_STATUSES } from '../domain/quote-terms.ts';
import { EpochMs, Id } from './primitives.ts';

/**
 * Where a customer's deals stand, in a line: the last quote and the sample shipments still open
 * (not yet answered with feedback). The mail reading pane shows it beside the customer a mail is
 * filed under (issue 13 point 6), so a salesperson answering a buyer sees the last price given.
 */
export const DealSummary = z.object({
  lastQuote: z
    .object({
      id: Id,
      number: z.string(),
      status: z.enum(QUOTE_STATUSES),
      quotedAt: EpochMs,
      totals: z.array(z.object({ currency: z.string(), amountE4: z.number() })),
    })
    .nullable(),
  openShipments: z.array(
    z.object({
      id: Id,
      courier: z.enum(COURIERS),
      courierName: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      status: z.enum(SAMPLE_SHIPMENT_STATUSES),
      sentAt: EpochMs.nullable(),
    }),
  ),
});
export type DealSummary = z.infer<typeof DealSummary>;

export const dealSummaryCalls = {
  'customers.dealSummary': { input: z.object({ customerId: Id }), output: DealSummary },
} as const;
