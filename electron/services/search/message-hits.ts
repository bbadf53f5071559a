import type { Db } from '../../../db/database.ts';
import type { MessageHit } from '../../../shared/contract/search.contract.ts';
import { hasHit, highlight, snippetAround } from '../../../shared/domain/search-highlight.ts';
import type { QueryTerm } from '../../../shared/domain/search-text.ts';
import { messageHitRows } from './search-hits.queries.ts';

/**
 * Turns the ids of matching messages into hits with the matched words marked. Only a page of
 * hits is built, so reading their bodies here (up to the indexed 64 KiB each) stays cheap.
 */
export async function messageHits(db: Db, ids: readonly string[], terms: readonly QueryTerm[]): Promise<MessageHit[]> {
  if (ids.length === 0) return [];
  const { messages, attachments, links } = await messageHitRows(db, ids);
  const byId = new Map(messages.map((m) => [m.id, m]));
  return ids.flatMap((id) => {
    const m = byId.get(id);
    if (!m) return [];
    const body = m.text ?? m.snippet ?? '';
    return [
      {
        id: m.id,
        threadId: m.thread_id,
        subject: highlight(m.subject ?? '', terms),
        from: m.from_address ? { name: m.from_name, address: m.from_address } : null,
        snippet: snippetAround(body, terms),
        attachments: attachments.filter((a) => a.message_id === id && hasHit(a.filename, terms)).map((a) => highlight(a.filename!, terms)),
        dateAt: m.date_at,
        direction: m.direction,
        customers: links.filter((l) => l.message_id === id).map((l) => ({ id: l.id, name: l.name, code: l.code, match: l.match })),
      },
    ];
  });
}
