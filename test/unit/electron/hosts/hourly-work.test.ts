import { describe, expect, it } from 'vitest';
import { startHourlyWork } from '../../../../electron/hosts/hourly-work.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('startHourlyWork', () => {
  it('runs at once, and stopping waits for the run under way before it resolves', async () => {
    const events: string[] = [];
    const g = gate();
    const work = startHourlyWork(
      async () => {
        events.push('run started');
        await g.opened;
        events.push('run finished');
      },
      () => events.push('error'),
    );
    expect(events).toEqual(['run started']);
    const stopped = work.stop().then(() => events.push('stopped'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['run started']);
    g.open();
    await stopped;
    expect(events).toEqual(['run started', 'run finished', 'stopped']);
  });

  it('repeats, never runs twice at once, reports a failed run and goes on, and runs no more once stopped', async () => {
    let runs = 0;
    let running = 0;
    let overlapped = false;
    const errors: unknown[] = [];
    const work = startHourlyWork(
      async () => {
        runs++;
        running++;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 25));
        running--;
        if (runs === 2) throw new Error('backup failed');
      },
      (err) => errors.push(err),
      5,
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    await work.stop();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(errors.map((e) => (e as Error).message)).toEqual(['backup failed']);
    expect(runs).toBe(after);
  });
});
