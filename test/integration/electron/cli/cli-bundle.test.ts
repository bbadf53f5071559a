import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCliBundle, cliBundleStamp, cliBundleState, readyCliBundle, type CliBundlePlan } from '../../../../electron/cli/cli-bundle.ts';

/**
 * The CLI's bundle is made when missing or stale and never otherwise, on a small stand-in for
 * the repository (the real one is built by every `npm run cli` and by cli-startup.test.ts).
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-cli-bundle-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const plan: CliBundlePlan = {
  root,
  entry: 'src/cli.main.ts',
  outDir: path.join(root, 'dist', 'cli'),
  buildInputs: ['package-lock.json'],
  sourceRoots: ['src', 'package-lock.json'],
};

let clock = Date.now() / 1000 - 3600;
/** Writes a source with an mtime later than any before, as an editor saving it would. */
function write(file: string, text: string): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  clock += 10;
  fs.utimesSync(full, clock, clock);
}

write('package-lock.json', '{}\n');
write('src/cli.main.ts', `import { answer } from './answer.ts';\nexport async function runCli(): Promise<unknown> {\n  return { answer: answer(), dir: import.meta.dirname };\n}\n`);
write('src/answer.ts', `export function answer(): string {\n  return 'first';\n}\n`);

/** Runs the bundle's runCli in a fresh Node, as cli.mjs would. */
function runBundle(entry: string): unknown {
  const script = `const { runCli } = await import(${JSON.stringify(pathToFileURL(entry).href)}); process.stdout.write(JSON.stringify(await runCli()));`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(res.status, res.stderr).toBe(0);
  return JSON.parse(res.stdout);
}

describe('the CLI bundle', () => {
  it('is built when missing, runs like the sources, and names what each chunk holds', async () => {
    expect(cliBundleState(plan)).toEqual({ kind: 'stale', reason: 'dist/cli is missing' });
    const lines: string[] = [];
    const entry = await readyCliBundle((line) => lines.push(line), plan);
    expect(lines[0]).toBe('Building the CLI (dist/cli is missing)…');
    expect(lines[1]).toMatch(/^Built the CLI in \d+\.\d s\.$/);
    expect(entry).not.toBeNull();
    // import.meta.dirname is the source's folder, not the bundle's.
    expect(runBundle(entry!)).toEqual({ answer: 'first', dir: path.join(root, 'src') });
    const stamp = cliBundleStamp(plan)!;
    expect(Object.keys(stamp.inputs).sort()).toEqual(['package-lock.json', 'src/answer.ts', 'src/cli.main.ts']);
    expect(stamp.chunks[stamp.entry]?.sort()).toEqual(['src/answer.ts', 'src/cli.main.ts']);
  }, 60_000);

  it('removes chunks of older builds and folders of killed builds once they are an hour old', async () => {
    const hourAgo = Date.now() / 1000 - 3700;
    const oldChunk = path.join(plan.outDir, 'answer-OLD.mjs');
    const recentChunk = path.join(plan.outDir, 'answer-RECENT.mjs');
    const killedBuild = path.join(plan.outDir, '.build-1-1');
    fs.writeFileSync(oldChunk, '');
    fs.utimesSync(oldChunk, hourAgo, hourAgo);
    fs.writeFileSync(recentChunk, '');
    fs.mkdirSync(killedBuild);
    fs.utimesSync(killedBuild, hourAgo, hourAgo);
    const entry = await buildCliBundle(() => {}, undefined, plan);
    expect(fs.existsSync(oldChunk)).toBe(false);
    expect(fs.existsSync(killedBuild)).toBe(false);
    // A run that started on the build before may still import it.
    expect(fs.existsSync(recentChunk)).toBe(true);
    expect(fs.existsSync(entry!)).toBe(true);
    fs.rmSync(recentChunk);
  }, 60_000);

  it('is used as it is while no source changed', async () => {
    const before = cliBundleStamp(plan)!;
    expect(cliBundleState(plan)).toEqual({ kind: 'ready', entry: path.join(plan.outDir, before.entry) });
    const lines: string[] = [];
    expect(await readyCliBundle((line) => lines.push(line), plan)).toBe(path.join(plan.outDir, before.entry));
    expect(lines).toEqual([]);
  });

  it('is built again when a source it holds changes, and then holds the change', async () => {
    write('src/answer.ts', `export function answer(): string {\n  return 'second';\n}\n`);
    expect(cliBundleState(plan)).toEqual({ kind: 'stale', reason: 'src/answer.ts changed since the last build' });
    const entry = await readyCliBundle(() => {}, plan);
    expect(runBundle(entry!)).toEqual({ answer: 'second', dir: path.join(root, 'src') });
    expect(cliBundleState(plan).kind).toBe('ready');
  }, 60_000);

  it('after a failed build runs the sources without building again until a source changes', async () => {
    write('src/answer.ts', `export function answered(): string {\n  return 'third';\n}\n`);
    const lines: string[] = [];
    expect(await readyCliBundle((line) => lines.push(line), plan)).toBeNull();
    expect(lines.at(-1)).toMatch(/^The CLI could not be built \(.*answer.*\); running it from the sources until they change\.$/);
    expect(lines.at(-1)).not.toContain('\u001b');
    expect(cliBundleState(plan).kind).toBe('failed');

    const again: string[] = [];
    expect(await readyCliBundle((line) => again.push(line), plan)).toBeNull();
    expect(again).toEqual([]);

    write('src/answer.ts', `export function answer(): string {\n  return 'fourth';\n}\n`);
    expect(cliBundleState(plan).kind).toBe('stale');
    const entry = await buildCliBundle(() => {}, undefined, plan);
    expect(runBundle(entry!)).toEqual({ answer: 'fourth', dir: path.join(root, 'src') });
    expect(fs.existsSync(path.join(plan.outDir, 'build-failed.json'))).toBe(false);
  }, 60_000);
});
