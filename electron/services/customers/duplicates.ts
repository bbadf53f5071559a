import type { Db, Tx } from '../../../db/database.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import { companyDomains } from '../../../shared/domain/free-mail-domains.ts';
import { areNamesNearSame, normalizeCompanyName } from '../../../shared/domain/name-similarity.ts';
import { DuplicateRanking, NameGroupIndex, runStepsWithPauses, sharedValueGroups, type Pause, type Ranked } from './duplicate-groups.ts';
import { blockOf } from './name-blocks.ts';
import {
  customerRowsByIds,
  customersWithDomains,
  customersWithEmails,
  deleteDismissal,
  dismissedPairs,
  dismissedPartners,
  existingCustomerIds,
  insertDismissal,
  liveNameRows,
  nameKeysStartingWith,
  sharedDomains,
  sharedEmails,
  writeStamp,
} from './duplicates.queries.ts';

type Match = CallOutput<'customers.checkDuplicates'>[number];
type Page = CallOutput<'customers.findDuplicates'>;

/** checkDuplicates reads at most this many names of one block. */
const MAX_BLOCK = 400;

/** Possible duplicates of a customer being created or edited: same email, same company domain, near-same name. */
export async function checkDuplicates(db: Db, candidate: ParsedInput<'customers.checkDuplicates'>): Promise<Match[]> {
  const hits: Array<{ reason: Match['reason']; key: string; id: string }> = [];
  const exclude = candidate.excludeId ?? '';
  const emails = candidate.emails.map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@'));
  if (emails.length) {
    for (const r of await customersWithEmails(db, emails, exclude)) hits.push({ reason: 'email', key: r.value_normalized, id: r.id });
  }
  const domains = companyDomains(candidate.website, emails);
  if (domains.length) {
    for (const r of await customersWithDomains(db, domains, exclude)) hits.push({ reason: 'domain', key: r.domain, id: r.id });
  }
  const key = normalizeCompanyName(candidate.name);
  if (key.length >= 2) {
    for (const r of await nameKeysStartingWith(db, blockOf(key), exclude, MAX_BLOCK)) {
      if (areNamesNearSame(key, r.name_key)) hits.push({ reason: 'name', key: r.name_key, id: r.id });
    }
  }
  const seen = new Set<string>();
  if (candidate.excludeId && hits.length > 0) {
    // Editing a customer: the ones the user said are another company are not warned about again.
    for (const id of await dismissedPartners(db, candidate.excludeId)) seen.add(id);
  }
  const unique = hits.filter((h) => (seen.has(h.id) ? false : (seen.add(h.id), true)));
  const rows = await customerRowsByIds(db, unique.map((h) => h.id));
  return unique.flatMap((h) => {
    const customer = rows.get(h.id);
    return customer ? [{ reason: h.reason, key: h.key, customer }] : [];
  });
}

/**
 * What the last call found, per database: the write stamp it was found at, the name groups and
 * scores (kept up to date block by block) and the ranking. Equal stamps mean nothing was written,
 * so a further page reads only its own rows; after a write, only the name blocks that changed are
 * grouped and scored again.
 */
interface DuplicateState {
  stamp: string;
  names: NameGroupIndex;
  scores: DuplicateRanking;
  ranked: Ranked[];
}

const states = new WeakMap<Db, DuplicateState>();

/** A ranking under way; `pace.hurry` is set when a visit waits for it, and it stops giving way. */
interface Job {
  done: Promise<DuplicateState>;
  pace: { hurry: boolean };
}

/** The ranking under way per database: one at a time, and a call meanwhile waits for it (warmDuplicateGroups). */
const running = new WeakMap<Db, Job>();

/** Live customers' names read per statement, so a recompute can give way between reads (~30 ms each at 100k). */
const NAME_ROWS_PER_READ = 10_000;
/** A warm-up gives way to other calls after about this much work (the event loop's turn). */
const SLICE_MS = 25;

/** A Pause that gives way to the event loop once `sliceMs` have passed since it last did, until the job must hurry. */
function slicedPause(pace: { hurry: boolean }, sliceMs: number): Pause {
  let since = performance.now();
  return async () => {
    if (pace.hurry || performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

const noPause: Pause = () => Promise.resolve();

/**
 * Every group of live customers that look like the same company, ranked. Given a fresh index and
 * ranking this is a full recompute; given the last call's, only what changed is grouped and scored
 * again — the result is the same either way (duplicate-groups.ts; test: duplicates.test.ts).
 * `pause` is called between parts of the work (reads, blocks, groups scored).
 */
export async function rankDuplicateGroups(db: Db, names = new NameGroupIndex(), scores = new DuplicateRanking(), pause: Pause = noPause): Promise<Ranked[]> {
  const emailRows = await sharedEmails(db);
  await pause();
  const domainRows = await sharedDomains(db);
  await pause();
  const nameRows = await liveNameRows(db, NAME_ROWS_PER_READ, pause);
  const dismissed = await dismissedPairs(db);
  await runStepsWithPauses(names.updateSteps(nameRows), pause);
  const raw = [...sharedValueGroups('email', emailRows), ...sharedValueGroups('domain', domainRows), ...names.groups()];
  return runStepsWithPauses(scores.rankSteps(raw, names, dismissed), pause);
}

/**
 * The ranking at the database's current write stamp. One recompute per database at a time: a call
 * while one is under way waits for it, then reads the stamp again. A warm-up (`hurry` false)
 * gives way to the event loop every SLICE_MS, until a visit waits for it; a visit's own recompute
 * does not give way. Anything written while a warm-up gave way renewed the stamp, so the next
 * call brings the groups up to date (block by block, as after any write) before it answers.
 */
async function currentRanking(db: Db, hurry: boolean, sliceMs = SLICE_MS): Promise<DuplicateState> {
  for (;;) {
    const under = running.get(db);
    if (under) {
      if (hurry) under.pace.hurry = true;
      await under.done.catch(() => undefined);
    }
    const stamp = await writeStamp(db);
    // The stamp is read first: a write landing during the reads below renews it, so the next call
    // reads again rather than trusting a ranking older than its stamp.
    const state = states.get(db);
    if (state && state.stamp === stamp) return state;
    if (running.has(db)) continue; // another call started one while this one read the stamp
    const pace = { hurry };
    const job: Job = { done: recompute(db, stamp, state, hurry ? noPause : slicedPause(pace, sliceMs)), pace };
    running.set(db, job);
    try {
      return await job.done;
    } finally {
      if (running.get(db) === job) running.delete(db);
    }
  }
}

async function recompute(db: Db, stamp: string, last: DuplicateState | undefined, pause: Pause): Promise<DuplicateState> {
  const names = last?.names ?? new NameGroupIndex();
  const scores = last?.scores ?? new DuplicateRanking();
  const state = { stamp, names, scores, ranked: await rankDuplicateGroups(db, names, scores, pause) };
  states.set(db, state);
  return state;
}

/**
 * Finds and ranks the duplicate groups ahead of the first visit to the Duplicates page — hosts
 * call it after start (AppCore.warmUp) — giving way to other calls as it goes. A visit meanwhile
 * waits for it rather than starting its own, and it then goes on without giving way.
 * `sliceMs`: how much work between turns given way (tests make it 0: a turn at every step).
 */
export async function warmDuplicateGroups(db: Db, options: { sliceMs?: number } = {}): Promise<void> {
  await currentRanking(db, false, options.sliceMs);
}

/**
 * Every group of live customers that look like the same company, most certain first (see
 * shared/domain/duplicate-confidence.ts), one page of them with their rows. Groups that found
 * the same customers for several reasons become one, carrying every reason as a signal. Pairs
 * the user dismissed are left out: a group keeps only customers with a pair not dismissed.
 */
export async function findDuplicateGroups(db: Db, page: { offset: number; limit: number }): Promise<Page> {
  const state = await currentRanking(db, true);
  const slice = state.ranked.slice(page.offset, page.offset + page.limit);
  const rows = await customerRowsByIds(db, [...new Set(slice.flatMap((g) => g.ids))]);
  return {
    total: state.ranked.length,
    groups: slice.map((g) => ({
      id: g.id,
      reason: g.reason,
      key: g.key,
      score: g.score,
      confidence: g.confidence,
      signals: g.signals,
      customers: g.ids.flatMap((id) => {
        const row = rows.get(id);
        return row ? [row] : [];
      }),
    })),
  };
}

/** Every unordered pair among the ids, ordered within (a < b), once. */
function pairsOf(ids: readonly string[]): Array<[string, string]> {
  const unique = [...new Set(ids)].sort();
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < unique.length; i++) for (let j = i + 1; j < unique.length; j++) pairs.push([unique[i]!, unique[j]!]);
  return pairs;
}

/** "Not a duplicate": remembers every pair among these customers; returns how many pairs were new. */
export async function dismissDuplicates(trx: Tx, ids: string[], now: number): Promise<number> {
  const unique = [...new Set(ids)];
  if (unique.length < 2) return 0;
  const found = await existingCustomerIds(trx, unique);
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) fail('notFound', 'errors.customerNotFound', { id: missing });
  let added = 0;
  for (const [a, b] of pairsOf(unique)) if (await insertDismissal(trx, a, b, now)) added++;
  return added;
}

/** Undo of dismissDuplicates: forgets the pairs among these customers; returns how many there were. */
export async function restoreDuplicates(trx: Tx, ids: string[]): Promise<number> {
  let removed = 0;
  for (const [a, b] of pairsOf(ids)) if (await deleteDismissal(trx, a, b)) removed++;
  return removed;
}
