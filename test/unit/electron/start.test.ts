import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/start.ts';

describe('findElectronBinary', () => {
  it('reports a missing binary without requiring the electron package (which would download it)', () => {
    const started = Date.now();
    const found = findElectronBinary({});
    expect(Date.now() - started).toBeLessThan(1000);
    // These machines never have the binary; where it was downloaded the path must exist.
    if (found.ok) expect(fs.existsSync(found.path)).toBe(true);
    else expect(found.reason).toMatch(/never downloaded|missing|not installed/);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-electron-'));
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toMatchObject({ ok: false });
    const binary = path.join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron');
    fs.writeFileSync(binary, '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ ok: true, path: binary });
  });
});
