import type { CallKey, CallOutput } from '../../../shared/contract/contract.ts';
import { firstScreenCalls } from '../../../shared/contract/first-screen.ts';
import { call } from '../api/client.ts';
import { loadLanguagePack, type LanguagePack } from '../app/language-packs.ts';
import { lastLanguage, resolveLanguage, setDocumentLanguage, systemLanguage } from '../app/language.ts';
import { parseRoute } from '../app/routes.ts';
import { onServer, serverRenderedState, type FirstScreenState } from './state.ts';

/** A call the first screen will make, started before React (and most of the app's code) has loaded. */
export interface FirstScreenCall {
  /** The query key the screen reads it under: [contract key, input]. */
  queryKey: readonly [CallKey, unknown];
  /** The answer, for the first attempt only; a retry asks again. */
  take(): Promise<unknown>;
  /** Set once the answer is in, so the first render can find it without waiting. */
  answer?: { value: unknown };
  /** Resolves when the call has answered or failed. */
  settled: Promise<void>;
  /** What the first render is worth waiting for: the language and the rows; the badges are not. */
  essential: boolean;
}

let started: FirstScreenCall[] | null = null;

const ESSENTIAL: ReadonlySet<CallKey> = new Set<CallKey>(['settings.get', 'customers.list', 'today.list']);

/** What the shell and the screen at `hash` ask for on their first render: the contract's one list (shared/contract/first-screen.ts). */
export function firstScreenQueries(hash: string): [CallKey, unknown][] {
  const page = parseRoute(hash).page;
  return firstScreenCalls(page === 'customers' || page === 'today' ? page : 'other').map(([key, input]) => [key, input]);
}

/**
 * Starts the first screen's calls once per page load. The tiny `first-screen` entry runs this
 * as soon as it arrives, in parallel with the download and evaluation of the app's code;
 * the app calls it again (a no-op by then) and seeds its query cache from the answers.
 */
export function startFirstScreenCalls(): FirstScreenCall[] {
  const rendered = serverRenderedState();
  // On the host, each render has its own answers.
  if (onServer) return rendered ? answeredCalls(rendered) : [];
  // The host rendered the page: its answers are the first screen's (and it set the language).
  if (!started && rendered) {
    started = answeredCalls(rendered);
    // The pack of the language it was rendered in, while the app's code is still arriving.
    void firstLanguagePack().catch(() => {});
  }
  // Most people keep the system's language; the settings can still change it when they answer.
  if (!started) setDocumentLanguage(lastLanguage() ?? systemLanguage());
  started ??= firstScreenQueries(window.location.hash).map(([key, input]) => {
    let pending: Promise<unknown> | null = call(key, input as never);
    const entry: FirstScreenCall = {
      queryKey: [key, input],
      essential: ESSENTIAL.has(key),
      take: () => {
        const first = pending;
        pending = null;
        return first ?? call(key, input as never);
      },
      settled: pending.then(
        (value) => {
          entry.answer = { value };
        },
        () => {},
      ),
    };
    if (key === 'settings.get') void entry.settled.then(() => firstLanguagePack().catch(() => {}));
    return entry;
  });
  return started;
}

function answeredCalls(state: FirstScreenState): FirstScreenCall[] {
  // Answered already: the cache is seeded from `answer`, so `take` is only ever a retry.
  return state.answers.map(([key, input, value]) => ({
    queryKey: [key, input],
    essential: ESSENTIAL.has(key),
    answer: { value },
    settled: Promise.resolve(),
    take: () => call(key, input as never),
  }));
}

/**
 * The first render's language (the setting if it has answered, else the system's), set on the
 * document, and its pack. startFirstScreenCalls began loading it the moment the settings
 * answered, while the app's code was still arriving.
 */
export function firstLanguagePack(): Promise<LanguagePack> {
  const rendered = serverRenderedState();
  if (rendered) return loadLanguagePack(rendered.language);
  const settings = startFirstScreenCalls().find((c) => c.queryKey[0] === 'settings.get');
  const setting = (settings?.answer?.value as CallOutput<'settings.get'> | undefined)?.language;
  // Not answered yet: the language this page was last shown in is the better guess.
  const language = setting === undefined ? (lastLanguage() ?? systemLanguage()) : resolveLanguage(setting, systemLanguage());
  setDocumentLanguage(language);
  return loadLanguagePack(language);
}

/** Resolves once every first-screen call (or every essential one) has answered or failed. */
export function firstScreenSettled(which: 'all' | 'essential' = 'all'): Promise<void> {
  const calls = startFirstScreenCalls().filter((c) => which === 'all' || c.essential);
  return Promise.all(calls.map((c) => c.settled)).then(() => {});
}
