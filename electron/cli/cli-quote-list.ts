import type { CallOutput } from '../../shared/contract/contract.ts';
import { QUOTE_STATUSES, type QuoteStatus } from '../../shared/domain/quote-terms.ts';
import { formatMoneyE4 } from '../../shared/domain/money.ts';
import { flagValue, UsageError } from '../hosts/data-dir.ts';
import { day, intFlag, onlyFlags } from './cli-args.ts';
import { formatTable } from './text-table.ts';

/** `quotes list`: the quotes, newest first, as the Quotes screen lists them (issue 13 point 6). */

export const QUOTE_LIST_USAGE = `  quotes list [--search <number>] [--status <draft|sent|accepted|rejected|expired>] [--limit <n>]
                                    quotes, newest first, with their customer and totals`;

export interface QuoteListEnv {
  call(key: 'quotes.list', input: unknown): Promise<unknown>;
  out(text: string): void;
  err(text: string): void;
}

function isStatus(value: string): value is QuoteStatus {
  return (QUOTE_STATUSES as readonly string[]).includes(value);
}

export async function runQuoteList(env: QuoteListEnv, args: readonly string[]): Promise<void> {
  onlyFlags(args, ['--search', '--status', '--limit'], 0);
  const limit = intFlag(args, '--limit', 1, 1000) ?? 50;
  const status = flagValue(args, '--status');
  if (status !== undefined && !isStatus(status)) throw new UsageError(`--status must be one of ${QUOTE_STATUSES.join(', ')}, not "${status}"`);
  const page = (await env.call('quotes.list', { text: flagValue(args, '--search') ?? '', statuses: status ? [status] : [], limit })) as CallOutput<'quotes.list'>;
  env.out(
    formatTable(
      ['NUMBER', 'DATE', 'CUSTOMER', 'STATUS', 'TERMS', 'TOTAL'],
      page.rows.map((q) => [
        q.number,
        day(q.quotedAt),
        q.customerName,
        q.status,
        [q.incoterm, q.incotermPort].filter(Boolean).join(' ') || '-',
        q.totals.map((t) => `${t.currency} ${formatMoneyE4(t.amountE4)}`).join(' + ') || '-',
      ]),
    ),
  );
  env.err(`${page.rows.length} of ${page.total} quotes`);
}
