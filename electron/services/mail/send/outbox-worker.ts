import { copyPending } from './copy-to-sent.ts';
import { sendDue } from './delivery.ts';
import { reconcileInterrupted } from './interrupted-sends.ts';
import { nextWakeAt } from './outbox-due.queries.ts';
import { newWorkerState, type OutboxWorkerDeps } from './worker-context.ts';

export type { OutboxWorkerDeps };

/** Shortest sleep between passes, so a burst of kicks or a due row never spins the CPU. */
const MIN_SLEEP_MS = 20;

/**
 * The background worker that delivers queued mail. One pass:
 *  1. settles rows left in 'sending' by a crash (or by another process that died) —
 *     interrupted-sends.ts;
 *  2. per account, in parallel across accounts, sends due queued rows one at a time, keeping
 *     each batch's mails at least 60000 / rate ms apart — delivery.ts;
 *  3. per account, one IMAP connection appends the sent mails that have no Sent copy yet —
 *     copy-to-sent.ts.
 * Then it sleeps until the next row is due (or `idlePollMs`); kick() wakes it at once.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const { clock, log } = deps;
  const idlePollMs = deps.idlePollMs ?? 60_000;
  const state = newWorkerState();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  async function pass(): Promise<void> {
    await reconcileInterrupted(deps, state);
    await sendDue(deps, state);
    if (!state.closed) await copyPending(deps, state);
  }

  async function schedule(): Promise<void> {
    if (state.closed) return;
    const wake = await nextWakeAt(deps.db);
    const delay = wake === null ? idlePollMs : Math.min(Math.max(wake - clock.now(), MIN_SLEEP_MS), idlePollMs);
    if (state.closed) return;
    timer = setTimeout(kick, delay);
    // Never keep a CLI process alive just to look at an empty outbox.
    timer.unref();
  }

  /** Passes until no kick came during the last one, then sleeps until the next row is due. */
  async function run(): Promise<void> {
    do {
      again = false;
      try {
        await pass();
      } catch (err) {
        log.error('mail.send.passFailed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      }
    } while (again && !state.closed);
    await schedule().catch(() => {
      // Only when the database is closing, and then close() is on its way.
    });
  }

  /** Runs a pass now, or once more right after the current one. */
  function kick(): void {
    if (state.closed) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = run().finally(() => {
      running = null;
      // A kick that came while the timer was being set must not wait for the timer.
      if (again && !state.closed) kick();
    });
  }

  return {
    kick,
    /** Resolves when the current pass (if any) has finished. */
    async whenIdle(): Promise<void> {
      while (running) await running;
    },
    /** Stops the loop and waits for a send in flight to finish (its outcome is recorded). */
    async close(): Promise<void> {
      state.closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      while (running) await running;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
