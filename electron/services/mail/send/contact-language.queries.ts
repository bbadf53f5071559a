import type { DbOrTx } from '../../../../db/database.ts';
import type { MailLanguage } from '../../../../shared/domain/message-language.ts';
import { liveEmailChannels } from '../../customers/live-customer.queries.ts';

/**
 * The mail language of the person a mail goes to (contacts.preferred_language), for the
 * quote and forward headers of a reply or forward.
 *
 * `addresses` in order of importance (the one answered first): the first address that belongs
 * to a live contact of a live customer decides, and its contact's preference — null when they
 * have none, which means "follow the mail". Two contacts sharing one address (a shared sales@
 * mailbox) decide together: a preference one of them has wins over none.
 */
export async function preferredMailLanguage(db: DbOrTx, addresses: readonly string[]): Promise<MailLanguage | null> {
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))].slice(0, 500);
  if (wanted.length === 0) return null;
  const rows = await liveEmailChannels(db, wanted)
    .select(['ch.value_normalized as address', 'ct.preferred_language'])
    // The primary contact first, then the oldest: the same answer every time.
    .orderBy('ct.is_primary', 'desc')
    .orderBy('ct.created_at')
    .orderBy('ct.id')
    .execute();
  for (const address of wanted) {
    const known = rows.filter((r) => r.address === address);
    if (known.length > 0) return known.find((r) => r.preferred_language !== null)?.preferred_language ?? null;
  }
  return null;
}
