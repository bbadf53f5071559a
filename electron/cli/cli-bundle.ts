import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Plugin, Rolldown } from 'vite';

/**
 * The CLI's bundle: electron/cli/cli.main.ts and everything it imports (our services, kysely,
 * zod, …; better-sqlite3 and sharp stay outside, being native) in a few files under dist/cli/, made by
 * `npm run cli` itself whenever it is missing or older than its sources, as `npm start` makes the
 * renderer. Why: a CLI run is mostly start-up, and from the sources Node's ESM loader resolves,
 * reads and links ~500 modules one by one; even with the compile cache a read on 100,000
 * customers took 0.71–0.74 s of CPU on our 2 shared cores, against 0.37–0.39 s from the bundle
 * (node -e 0 alone: 0.12–0.14 s; test/bench/RESULTS.md, 2026-12-02). Code that only some commands
 * need (mail, the i18n catalogs, the core behind `help`) stays in chunks of its own, loaded on
 * first use as from the sources.
 *
 * The stamp (dist/cli/build-stamp.json) records every source file the bundle was made from
 * with its mtime, so the check before each run is one JSON read and ~200 stats, never a build;
 * it also lists each chunk's modules, for tests that check what a run loads.
 */

export interface CliBundlePlan {
  /** The repository (or, in tests, a folder laid out like one, with node_modules). */
  root: string;
  /** The CLI's entry module, relative to root; it exports runCli. */
  entry: string;
  /** Where the bundle goes. */
  outDir: string;
  /** Besides the bundled modules, what the build depends on (relative to root). */
  buildInputs: readonly string[];
  /**
   * Looked at after a failed build to see whether trying again may help (folders are walked):
   * a broken module anywhere fails the whole build — a half-edited mail file too — while the
   * sources may still run every command that does not load it.
   */
  sourceRoots: readonly string[];
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** This repository's CLI: what `npm run cli` runs. */
export const REPO_CLI_BUNDLE: CliBundlePlan = {
  root: REPO_ROOT,
  entry: 'electron/cli/cli.main.ts',
  outDir: path.join(REPO_ROOT, 'dist', 'cli'),
  buildInputs: ['package-lock.json', 'electron/cli/cli-bundle.ts'],
  sourceRoots: ['electron', 'shared', 'db', 'package-lock.json'],
};

/** Bumped when the stamp's shape changes, so an older stamp reads as missing. */
const STAMP_FORMAT = 1;
/** Chunks of an older build are removed this long after it was replaced, not at once: a run that began on it may still import its mail chunk. */
const OLD_CHUNK_GRACE_MS = 60 * 60 * 1000;

export interface CliBundleStamp {
  format: number;
  /** The entry chunk's file name in outDir (named by its content hash). */
  entry: string;
  /** Root-relative source path → its mtime when the build read it. */
  inputs: Record<string, number>;
  /** Chunk file name → the root-relative modules in it (node_modules ones included). */
  chunks: Record<string, string[]>;
}

export type CliBundleState =
  | { kind: 'ready'; entry: string }
  | { kind: 'stale'; reason: string }
  /** The last build failed and no source changed since: run the sources rather than fail again. */
  | { kind: 'failed'; reason: string };

const stampFile = (plan: CliBundlePlan) => path.join(plan.outDir, 'build-stamp.json');
const failedFile = (plan: CliBundlePlan) => path.join(plan.outDir, 'build-failed.json');
const relative = (plan: CliBundlePlan, file: string) => path.relative(plan.root, file).split(path.sep).join('/');
const inNodeModules = (file: string) => file.includes(`${path.sep}node_modules${path.sep}`);

/** The newest mtime and the file count under the plan's source roots (~400 files, a few ms). */
function snapshotSources(plan: CliBundlePlan): string {
  let newest = 0;
  let files = 0;
  const count = (mtimeMs: number) => {
    files++;
    newest = Math.max(newest, mtimeMs);
  };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) count(fs.statSync(full).mtimeMs);
    }
  };
  for (const root of plan.sourceRoots) {
    const full = path.join(plan.root, root);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(full);
    else if (stat) count(stat.mtimeMs);
  }
  return `${newest}/${files}`;
}

function readFailure(plan: CliBundlePlan): { reason: string; sources: string } | null {
  try {
    const failure = JSON.parse(fs.readFileSync(failedFile(plan), 'utf8')) as { reason?: unknown; sources?: unknown } | null;
    return typeof failure?.reason === 'string' && typeof failure.sources === 'string' ? { reason: failure.reason, sources: failure.sources } : null;
  } catch {
    return null;
  }
}

/** The stamp of the current build, or null (tests use it to map loaded chunks to modules). */
export function cliBundleStamp(plan: CliBundlePlan = REPO_CLI_BUNDLE): CliBundleStamp | null {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile(plan), 'utf8')) as Partial<CliBundleStamp> | null;
    if (stamp?.format !== STAMP_FORMAT || typeof stamp.entry !== 'string' || !stamp.inputs || !stamp.chunks) return null;
    return stamp as CliBundleStamp;
  } catch {
    return null;
  }
}

function stampState(plan: CliBundlePlan): CliBundleState {
  const stamp = cliBundleStamp(plan);
  if (!stamp) return { kind: 'stale', reason: `${relative(plan, plan.outDir)} is missing` };
  const entry = path.join(plan.outDir, stamp.entry);
  if (!fs.existsSync(entry)) return { kind: 'stale', reason: `${relative(plan, entry)} is missing` };
  for (const [file, mtimeMs] of Object.entries(stamp.inputs)) {
    const stat = fs.statSync(path.join(plan.root, file), { throwIfNoEntry: false });
    // Any difference, not only a newer file: a checkout of an older commit sets older mtimes too.
    if (stat?.mtimeMs !== mtimeMs) return { kind: 'stale', reason: stat ? `${file} changed since the last build` : `${file} was removed` };
  }
  return { kind: 'ready', entry };
}

/** Whether the bundle can run as it is, and if not, why (in words for the line printed before a build). */
export function cliBundleState(plan: CliBundlePlan = REPO_CLI_BUNDLE): CliBundleState {
  const state = stampState(plan);
  if (state.kind === 'ready') return state;
  const failure = readFailure(plan);
  return failure && failure.sources === snapshotSources(plan) ? { kind: 'failed', reason: failure.reason } : state;
}

/**
 * import.meta.{dirname,filename,url} as the module would see them from its source file, written
 * relative to the chunk, so the bundle keeps working if the repository folder moves
 * (electron/hosts/app-package.ts finds the repository root this way).
 */
function keepImportMetaPaths(plan: CliBundlePlan): Plugin {
  return {
    name: 'tradefolio-cli-import-meta-paths',
    transform(code, id) {
      const file = path.resolve(id); // Rolldown's ids use / on Windows too.
      if (!code.includes('import.meta.') || inNodeModules(file) || !file.startsWith(plan.root + path.sep)) return null;
      const fromChunk = (target: string) => JSON.stringify(path.relative(plan.outDir, target).split(path.sep).join('/'));
      const replaced = code
        .replace(/\bimport\.meta\.dirname\b/g, `__tfPath.resolve(import.meta.dirname, ${fromChunk(path.dirname(file))})`)
        .replace(/\bimport\.meta\.filename\b/g, `__tfPath.resolve(import.meta.dirname, ${fromChunk(file)})`)
        .replace(/\bimport\.meta\.url\b/g, `new URL(${fromChunk(file)}, import.meta.url).href`);
      return { code: `import __tfPath from 'node:path';\n${replaced}`, map: null };
    },
  };
}

/** A build error's first two lines without colours: rolldown's own go on for a screen per error. */
function firstLines(message: string): string {
  return stripVTControlCharacters(message)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 2)
    .join(' ');
}

/**
 * Builds the bundle into a private folder, then moves its files into outDir (each by rename, so
 * a run starting meanwhile never reads half a file) and writes the stamp last. Two runs building
 * at once both succeed: chunks are named by their content, and the last stamp wins. Returns the
 * entry chunk, or null when the build failed (remembered until a source changes).
 */
export async function buildCliBundle(report: (line: string) => void, why?: string, plan: CliBundlePlan = REPO_CLI_BUNDLE): Promise<string | null> {
  const started = performance.now();
  report(`Building the CLI${why ? ` (${why})` : ''}…`);
  const temp = path.join(plan.outDir, `.build-${process.pid}-${Date.now()}`);
  const sources = snapshotSources(plan);
  try {
    fs.mkdirSync(temp, { recursive: true });
    const { build } = await import('vite');
    const { builtinModules } = await import('node:module');
    const result = await build({
      configFile: false,
      root: plan.root,
      // Errors are summed up in one line below; the sources then show the real one, in context.
      logLevel: 'silent',
      publicDir: false,
      plugins: [keepImportMetaPaths(plan)],
      build: {
        ssr: path.join(plan.root, plan.entry),
        outDir: temp,
        emptyOutDir: false,
        target: 'node24',
        minify: false,
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rolldownOptions: {
          // sharp (product thumbnails) is native like better-sqlite3: it loads its libvips build at run time.
          external: ['better-sqlite3', 'sharp', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
          output: { format: 'esm', entryFileNames: 'cli-[hash].mjs', chunkFileNames: '[name]-[hash].mjs' },
        },
      },
      ssr: { noExternal: true, external: ['better-sqlite3', 'sharp'] },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const stamp: CliBundleStamp = { format: STAMP_FORMAT, entry: '', inputs: {}, chunks: {} };
    const inputs = new Set(plan.buildInputs);
    for (const output of outputs) {
      for (const chunk of output.output) {
        if (chunk.type !== 'chunk') continue;
        if (chunk.isEntry) stamp.entry = chunk.fileName;
        // Virtual modules (rolldown's runtime, "\0…" ids) have no file.
        const modules = chunk.moduleIds.filter((id) => path.isAbsolute(id)).map((id) => path.resolve(id));
        stamp.chunks[chunk.fileName] = modules.map((file) => relative(plan, file));
        for (const file of modules) if (!inNodeModules(file)) inputs.add(relative(plan, file));
      }
    }
    if (!stamp.entry) throw new Error('the build made no entry chunk');
    // mtimes as they are now, after the build read the files: an edit during the build is then
    // either in the bundle or leaves a newer mtime, which the next run sees as stale.
    for (const file of inputs) stamp.inputs[file] = fs.statSync(path.join(plan.root, file)).mtimeMs;
    for (const file of fs.readdirSync(temp)) fs.renameSync(path.join(temp, file), path.join(plan.outDir, file));
    const stampTemp = path.join(temp, 'build-stamp.json');
    fs.writeFileSync(stampTemp, `${JSON.stringify(stamp)}\n`);
    fs.renameSync(stampTemp, stampFile(plan));
    fs.rmSync(failedFile(plan), { force: true });
    removeOldChunks(plan, stamp);
    report(`Built the CLI in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return path.join(plan.outDir, stamp.entry);
  } catch (err) {
    const reason = firstLines(err instanceof Error ? err.message : String(err));
    report(`The CLI could not be built (${reason}); running it from the sources until they change.`);
    try {
      fs.writeFileSync(failedFile(plan), `${JSON.stringify({ reason, sources })}\n`);
    } catch {
      // Not even the bundle folder can be written: every run will try again (and run the sources).
    }
    return null;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Chunks of older builds, and the folders of builds that were killed, once they are old enough. */
function removeOldChunks(plan: CliBundlePlan, current: CliBundleStamp): void {
  const now = Date.now();
  for (const file of fs.readdirSync(plan.outDir)) {
    const old = file.endsWith('.mjs') ? !Object.hasOwn(current.chunks, file) : file.startsWith('.build-');
    if (!old) continue;
    const full = path.join(plan.outDir, file);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > OLD_CHUNK_GRACE_MS) fs.rmSync(full, { recursive: true, force: true });
  }
}

/** The bundle's entry, built first when missing or stale; null when it cannot be built (run the sources then). */
export async function readyCliBundle(report: (line: string) => void, plan: CliBundlePlan = REPO_CLI_BUNDLE): Promise<string | null> {
  const state = cliBundleState(plan);
  if (state.kind === 'ready') return state.entry;
  if (state.kind === 'failed') return null;
  return buildCliBundle(report, state.reason, plan);
}

if (import.meta.main) {
  process.exitCode = (await buildCliBundle((line) => console.error(line))) ? 0 : 1;
}
