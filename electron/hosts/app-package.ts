import fs from 'node:fs';
import path from 'node:path';

/** The repository root when running from source (electron/services/platform → ../../..). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIST_DIR = path.join(REPO_ROOT, 'dist', 'renderer');
/** The renderer's server build (renderer/vite.ssr.config.ts), beside the browser build. */
export const FIRST_SCREEN_RENDERER_FILE = 'first-screen-renderer.mjs';
export function firstScreenRendererBeside(rendererDir: string): string {
  return path.join(rendererDir, '..', 'renderer-ssr', FIRST_SCREEN_RENDERER_FILE);
}

export function readAppVersion(root: string = REPO_ROOT): string {
  try {
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const version = pkg !== null && typeof pkg === 'object' && 'version' in pkg ? pkg.version : undefined;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
