/**
 * Whether a process with this id is running, e.g. the one that left an import batch "running"
 * or an export's temp file: signal 0 only checks. EPERM means it is alive but someone else's.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
