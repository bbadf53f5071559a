import type { FaultPoint } from '../services/core/fault-point.ts';

/** Test-only: the environment variable naming the crash point at which the process kills itself. */
export const FAULT_POINT_ENV = 'TRADEFOLIO_TEST_FAULT_POINT';

/**
 * Crash tests run a real host in a child process and need it to die at an exact step of a
 * restore, not by timing luck: with TRADEFOLIO_TEST_FAULT_POINT=<point> the process sends
 * itself SIGKILL there — no cleanup, no flush, as a power cut or the OOM killer would. Hosts
 * read the variable (services never read the environment) and pass the hook to the core.
 */
export function faultPointFromEnv(env: Readonly<Record<string, string | undefined>>): { faultPoint?: (point: FaultPoint) => void } {
  const wanted = env[FAULT_POINT_ENV];
  if (!wanted) return {};
  return {
    faultPoint: (point) => {
      if (point === wanted) process.kill(process.pid, 'SIGKILL');
    },
  };
}
