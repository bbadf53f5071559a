import type { FetchMessageObject, ImapFlow } from 'imapflow';

/**
 * The IMAP questions the sync asks of an opened folder, all by UID: which UIDs lie in a range,
 * how many, where the sync window starts, and the messages themselves in bounded batches.
 * ESEARCH answers in one short line where offered; without it the plain SEARCH list is used.
 */

/** A batch also ends at this many bytes of message source, so a run of big attachments cannot exhaust memory. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

/** `[1,2,3,7,9,10]` → `1:3,7,9:10`. */
export function toSequenceSet(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `1:3,7` → `[1,2,3,7]`. */
export function fromSequenceSet(set: string | undefined): number[] {
  if (!set) return [];
  const out: number[] = [];
  for (const part of set.split(',')) {
    const [a, b] = part.split(':').map(Number);
    if (a === undefined || !Number.isFinite(a)) continue;
    if (b === undefined) out.push(a);
    else for (let u = Math.min(a, b); u <= Math.max(a, b); u++) out.push(u);
  }
  return out;
}

function hasEsearch(client: ImapFlow): boolean {
  return client.capabilities.has('ESEARCH');
}

/** UIDs in [from, to] (to = null: up to the highest), ascending. */
export async function uidsIn(client: ImapFlow, from: number, to: number | null): Promise<number[]> {
  if (to !== null && to < from) return [];
  const range = `${from}:${to ?? '*'}`;
  let uids: number[];
  if (hasEsearch(client)) {
    const r = await client.search({ uid: range }, { uid: true, returnOptions: ['ALL'] });
    uids = fromSequenceSet(r && typeof r === 'object' && !Array.isArray(r) ? r.all : undefined);
  } else {
    const r = await client.search({ uid: range }, { uid: true });
    uids = Array.isArray(r) ? r : [];
  }
  // "n:*" always includes the highest UID, even below n.
  return uids.filter((u) => u >= from && (to === null || u <= to)).sort((a, b) => a - b);
}

export async function countIn(client: ImapFlow, from: number, to: number): Promise<number> {
  if (to < from) return 0;
  if (hasEsearch(client)) {
    const r = await client.search({ uid: `${from}:${to}` }, { uid: true, returnOptions: ['COUNT'] });
    if (r && typeof r === 'object' && !Array.isArray(r)) return r.count ?? 0;
  }
  return (await uidsIn(client, from, to)).length;
}

/** Lowest UID that arrived on or after `since`; uidNext when none did. */
export async function windowFloor(client: ImapFlow, since: number, uidNext: number): Promise<number> {
  const date = new Date(since);
  if (hasEsearch(client)) {
    const r = await client.search({ since: date }, { uid: true, returnOptions: ['MIN'] });
    if (r && typeof r === 'object' && !Array.isArray(r)) return r.min ?? uidNext;
  }
  const r = await client.search({ since: date }, { uid: true });
  return Array.isArray(r) && r.length > 0 ? Math.min(...r) : uidNext;
}

/**
 * Consecutive slices of `uids` (in the order given) of at most `batchSize` messages and
 * MAX_BATCH_BYTES bytes (by RFC822.SIZE, fetched for all of them in one command), so the
 * checkpoint can move past each slice as it commits.
 */
export async function batchesOf(client: ImapFlow, uids: readonly number[], batchSize: number): Promise<number[][]> {
  if (uids.length === 0) return [];
  const sizes = new Map<number, number>();
  for (const m of await client.fetchAll(toSequenceSet(uids), { uid: true, size: true }, { uid: true })) sizes.set(m.uid, m.size ?? 0);
  const out: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const uid of uids) {
    const size = sizes.get(uid) ?? 0;
    if (current.length > 0 && (current.length >= batchSize || bytes + size > MAX_BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(uid);
    bytes += size;
  }
  out.push(current);
  return out;
}

export async function fetchBatch(client: ImapFlow, uids: readonly number[]): Promise<FetchMessageObject[]> {
  if (uids.length === 0) return [];
  const fetched = await client.fetchAll(toSequenceSet(uids), { uid: true, flags: true, internalDate: true, size: true, source: true }, { uid: true });
  // The server answers in UID order; store in the order asked (newest first when backfilling).
  const rank = new Map(uids.map((u, i) => [u, i]));
  return fetched.sort((a, b) => (rank.get(a.uid) ?? 0) - (rank.get(b.uid) ?? 0));
}
