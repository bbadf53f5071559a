import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Real file-system faults for tests: a read-only view of a folder (a USB stick with its write
 * switch on) and a tiny tmpfs (a full disk). Both need root, which the test machines and CI have;
 * without it these throw, and the test fails rather than skips: a missing capability in CI is
 * a failure.
 */
export interface Mount {
  path: string;
  unmount(): void;
}

function mountPoint(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function unmounter(target: string): () => void {
  return () => {
    execFileSync('umount', [target]);
    fs.rmdirSync(target);
  };
}

/** `source`, seen through a read-only bind mount: every write there fails with EROFS, even as root. */
export function readOnlyView(source: string): Mount {
  const target = mountPoint('tf-ro-');
  execFileSync('mount', ['--bind', source, target]);
  execFileSync('mount', ['-o', 'remount,ro,bind', target]);
  return { path: target, unmount: unmounter(target) };
}

/** A tmpfs of `size` (e.g. '2m'): writes beyond it fail with ENOSPC / SQLITE_FULL. */
export function smallDisk(size: string): Mount {
  const target = mountPoint('tf-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', target]);
  return { path: target, unmount: unmounter(target) };
}
