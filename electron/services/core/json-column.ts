/**
 * Reads a JSON text column, falling back when it is empty or damaged: a bad value in one row
 * (a hand-edited database, an old bug) must show as "nothing there", not break the screen.
 */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
