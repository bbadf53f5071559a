import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../helpers/web-app.ts';

/**
 * The packaged app's Electron fuses, as electron-builder itself reads build/electron-builder.yml
 * (its loader and its schema), so a misspelt key fails here rather than being ignored at
 * packaging. Whether the packaged binary really carries them needs a real build (see README).
 */

/** Each security-relevant fuse and the value the Electron security checklist asks for. */
const REQUIRED = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
} as const;

/** Fuses electron-builder knows that do not bear on security, so may stay at Electron's default. */
const NOT_SECURITY = ['loadBrowserProcessSpecificV8Snapshot', 'resetAdHocDarwinSignature'];

async function builderConfig() {
  const config = await getConfig(REPO_ROOT, path.join(REPO_ROOT, 'build', 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('Electron fuses in the packaging config', () => {
  it('sets every required fuse as required', async () => {
    const fuses = (await builderConfig()).electronFuses;
    expect(fuses).toBeTruthy();
    for (const [name, value] of Object.entries(REQUIRED)) {
      expect(fuses?.[name as keyof typeof REQUIRED], name).toBe(value);
    }
  });

  it('names real fuses of the installed @electron/fuses', () => {
    for (const name of Object.keys(REQUIRED)) {
      const option = `${name[0]!.toUpperCase()}${name.slice(1)}`;
      expect(Object.keys(FuseV1Options), name).toContain(option);
    }
  });

  it('decides on every fuse this electron-builder can flip, so a new one is not left at its default unnoticed', () => {
    const scheme = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties).filter((name) => !NOT_SECURITY.includes(name));
    expect(known.sort()).toEqual(Object.keys(REQUIRED).sort());
  });
});
