import fs from 'node:fs';
import { afterEach } from 'vitest';
import { tempDir } from './temp-core.ts';

/**
 * Temp folders for the tests of one file, each removed after the test that made it. Call at
 * the file's top level: it registers the afterEach. (Apart from temp-core.ts, which the
 * benchmarks import outside vitest.)
 */
export function tempFolders(defaultPrefix: string): (prefix?: string) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return (prefix = defaultPrefix) => {
    const dir = tempDir(prefix);
    dirs.push(dir);
    return dir;
  };
}
