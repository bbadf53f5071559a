/**
 * Calls `fn` at most once every `ms`: the first call at once, later ones folded into one
 * call at the end of the interval, so the last change is never lost. `flush` calls a pending
 * one now (e.g. when the work ends), `cancel` drops it (when the owner closes).
 */
export function throttle(fn: () => void, ms: number): { (): void; flush(): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  const call = () => {
    if (timer) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  call.flush = () => {
    if (timer) {
      clearTimeout(timer);
      run();
    }
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}
