/**
 * Runs `callback` just after the next frame has been painted (a frame's callback runs just
 * before that frame paints; a timeout set there, just after it). Returns a cancel function, for
 * effects. Used to keep work that the first screen does not need out of its first paint.
 */
export function afterFirstPaint(callback: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(callback);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
