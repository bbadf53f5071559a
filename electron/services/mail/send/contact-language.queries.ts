import type { DbOrTx } from '../../../../db/database.ts';
import type { MailLanguage } from '../../../../shared/domain/message-language.ts';

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
  const rows = await db
    .selectFrom('contact_channels as ch')
    .innerJoin('contacts as ct', 'ct.id', 'ch.contact_id')
    .innerJoin('customers as c', 'c.id', 'ct.customer_id')
    .select(['ch.value_normalized as address', 'ct.preferred_language'])
    .where('ch.kind', '=', 'email')
    .where('ch.value_normalized', 'in', wanted)
    .where('ct.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
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
