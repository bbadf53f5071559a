/**
 * Runs `callback` once the page's first contentful frame is on screen, or after the next frame
 * when that has happened already. Returns a cancel function, for effects. Used to keep work
 * that the first screen does not need out of its first paint.
 *
 * "On screen" rather than "painted on the main thread": the first frame is rastered on a worker
 * afterwards (~70 ms in software), and code loaded meanwhile competes with it for the CPU — on
 * a two-core laptop that showed the list ~40 ms later. Paint-timing entries are delivered once
 * the frame has been presented, so their observer is the signal.
 */
export function afterFirstPaint(callback: () => void): () => void {
  const presented = performance.getEntriesByName('first-contentful-paint').length > 0;
  if (presented || !PerformanceObserver.supportedEntryTypes.includes('paint')) return afterNextFrame(callback);
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) run();
  });
  // A window that is never shown paints nothing; the work still happens.
  const fallback = window.setTimeout(run, FALLBACK_MS);
  function run() {
    observer.disconnect();
    window.clearTimeout(fallback);
    callback();
  }
  observer.observe({ type: 'paint' });
  return () => {
    observer.disconnect();
    window.clearTimeout(fallback);
  };
}

const FALLBACK_MS = 2000;

/** Runs `callback` just after the next frame (a frame's callback runs just before it paints; a timeout set there, just after). */
function afterNextFrame(callback: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(callback);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
