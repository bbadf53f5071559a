import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { throttle } from '../../../../../electron/services/core/throttle.ts';

describe('throttle', () => {
  it('calls at once, folds a burst into one trailing call, and never loses the last', async () => {
    let calls = 0;
    const t = throttle(() => calls++, 80);
    t();
    expect(calls).toBe(1);
    for (let i = 0; i < 20; i++) t();
    expect(calls).toBe(1);
    await sleep(150);
    expect(calls).toBe(2);
    await sleep(100);
    t();
    expect(calls).toBe(3);
  });

  it('flushes a pending call now, and cancel drops it', async () => {
    let calls = 0;
    const t = throttle(() => calls++, 1000);
    t();
    t();
    t.flush();
    expect(calls).toBe(2);
    t();
    t.cancel();
    await sleep(50);
    expect(calls).toBe(2);
  });
});
