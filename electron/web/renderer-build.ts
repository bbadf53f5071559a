import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { firstScreenRendererBeside, RENDERER_DIST_DIR, REPO_ROOT } from '../hosts/app-package.ts';

/**
 * The renderer's two builds — the browser app (dist/renderer) and the server-rendered first
 * screen (dist/renderer-ssr) — made when the hosts need them: `npm start` and `npm run web` call
 * ensureRendererBuilt() and build only when a build is missing or older than its sources;
 * `npm run build:renderer` (this file run directly) always builds. Either way the build leaves a
 * stamp recording the sources it was made from, so the check before each start is one walk over
 * the sources' mtimes (~200 files, a few ms), not a build.
 */

export interface RendererBuildPlan {
  /** Folders (walked, skipping node_modules and dot-folders) and files the build is made from. */
  sources: readonly string[];
  /** Files the hosts load from the build; any of them missing means it must be built. */
  outputs: readonly string[];
  /** Written by a successful build: what the sources were when it started. */
  stampFile: string;
  /** The build's commands, run in order in `cwd`; the first that fails stops it. */
  steps: readonly { command: string; args: readonly string[] }[];
  cwd: string;
}

/** The sources as a build saw them: the newest mtime (and its file) and how many files there are. */
interface SourceSnapshot {
  newestMtimeMs: number;
  newestFile: string | null;
  files: number;
}

type Stamp = Omit<SourceSnapshot, 'newestFile'>;

export type RendererBuildState = { stale: false } | { stale: true; reason: string };

const vite = (config: string) => ({
  command: process.execPath,
  args: [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', config, '--logLevel', 'warn'],
});

/** This repository's renderer build: what `npm run build:renderer` does. */
export const REPO_RENDERER_BUILD: RendererBuildPlan = {
  // package-lock.json: a dependency update changes the bundle as much as a source edit.
  sources: ['renderer', 'shared', 'package-lock.json'].map((p) => path.join(REPO_ROOT, p)),
  outputs: [path.join(RENDERER_DIST_DIR, 'index.html'), firstScreenRendererBeside(RENDERER_DIST_DIR)],
  stampFile: path.join(REPO_ROOT, 'dist', 'renderer-build-stamp.json'),
  steps: [vite('renderer/vite.config.ts'), vite('renderer/vite.ssr.config.ts')],
  cwd: REPO_ROOT,
};

function snapshotSources(sources: readonly string[]): SourceSnapshot {
  const snapshot: SourceSnapshot = { newestMtimeMs: 0, newestFile: null, files: 0 };
  const visit = (file: string, stat: fs.Stats) => {
    snapshot.files++;
    if (stat.mtimeMs > snapshot.newestMtimeMs) {
      snapshot.newestMtimeMs = stat.mtimeMs;
      snapshot.newestFile = file;
    }
  };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) visit(full, fs.statSync(full));
    }
  };
  for (const source of sources) {
    const stat = fs.statSync(source, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(source);
    else if (stat?.isFile()) visit(source, stat);
  }
  return snapshot;
}

function readStamp(file: string): Stamp | null {
  try {
    const stamp: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (stamp === null || typeof stamp !== 'object') return null;
    const { newestMtimeMs, files } = stamp as Record<string, unknown>;
    return typeof newestMtimeMs === 'number' && typeof files === 'number' ? { newestMtimeMs, files } : null;
  } catch {
    return null;
  }
}

/** Whether the build must run, and if so why (in words for the line the hosts print). */
export function rendererBuildState(plan: RendererBuildPlan): RendererBuildState {
  const missing = plan.outputs.find((file) => !fs.existsSync(file));
  if (missing) return { stale: true, reason: `${path.relative(plan.cwd, missing)} is missing` };
  const stamp = readStamp(plan.stampFile);
  if (!stamp) return { stale: true, reason: `${path.relative(plan.cwd, plan.stampFile)} is missing` };
  const now = snapshotSources(plan.sources);
  if (now.newestMtimeMs > stamp.newestMtimeMs) {
    return { stale: true, reason: `${path.relative(plan.cwd, now.newestFile ?? '')} changed since the last build` };
  }
  // Deleting or moving a file in leaves no newer mtime behind, only a different count.
  if (now.files !== stamp.files) return { stale: true, reason: 'source files were added or removed since the last build' };
  return { stale: false };
}

/**
 * Runs the build's steps (their output goes to this process's terminal) and stamps it. The
 * sources are read before the first step, so an edit made during the build leaves it stale.
 */
export function buildRenderer(plan: RendererBuildPlan, report: (line: string) => void, why?: string): boolean {
  const started = performance.now();
  const sources = snapshotSources(plan.sources);
  report(`Building the renderer${why ? ` (${why})` : ''}…`);
  fs.rmSync(plan.stampFile, { force: true });
  for (const step of plan.steps) {
    const result = spawnSync(step.command, step.args, { cwd: plan.cwd, stdio: 'inherit' });
    if (result.status !== 0) {
      report(`The renderer build failed${result.error ? ` (${result.error.message})` : ''}; see the messages above.`);
      return false;
    }
  }
  const stamp: Stamp = { newestMtimeMs: sources.newestMtimeMs, files: sources.files };
  fs.mkdirSync(path.dirname(plan.stampFile), { recursive: true });
  fs.writeFileSync(plan.stampFile, `${JSON.stringify(stamp)}\n`);
  report(`Built the renderer in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

/** Builds when the build is missing or stale; true when an up-to-date build is there. */
export function ensureRendererBuilt(plan: RendererBuildPlan, report: (line: string) => void): boolean {
  const state = rendererBuildState(plan);
  return !state.stale || buildRenderer(plan, report, state.reason);
}

if (import.meta.main) {
  process.exitCode = buildRenderer(REPO_RENDERER_BUILD, (line) => console.error(line)) ? 0 : 1;
}
