const HOUR = 3_600_000;

export interface HourlyWork {
  /** No further runs; resolves once a run under way has finished, so the core can close after it. */
  stop(): Promise<void>;
}

/**
 * The hosts' hourly chores (the scheduled backup, the daily reminder notice): run now and every
 * hour, never two at once. Stopping waits for a run under way: closing the core beneath a
 * running backup or reminder check ended it with "driver has already been destroyed".
 */
export function startHourlyWork(run: () => Promise<void>, onError: (err: unknown) => void, everyMs = HOUR): HourlyWork {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || current) return;
    current = run()
      .catch(onError)
      .finally(() => {
        current = null;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
