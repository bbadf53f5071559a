import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildRenderer, ensureRendererBuilt, rendererBuildState, REPO_RENDERER_BUILD, type RendererBuildPlan } from '../../../../electron/web/renderer-build.ts';
import { runWebHost } from '../../../../electron/web/web-host.main.ts';
import { REPO_ROOT } from '../../../helpers/web-app.ts';

/**
 * The hosts' "build the renderer when it is missing or stale" on a tiny project in a temp folder:
 * real files, real mtimes, and build steps that are real processes (node writing the outputs),
 * standing in for the two vite builds, which take half a minute.
 */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A node process as a build step: runs `code` with `fs` and `path` in scope, in the project. */
const nodeStep = (code: string) => ({ command: process.execPath, args: ['-e', `const fs = require('node:fs'); const path = require('node:path'); ${code}`] });

function project(): { root: string; plan: RendererBuildPlan; touch(file: string, secondsFromNow: number): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-renderer-build-'));
  made.push(root);
  for (const file of ['renderer/src/main.tsx', 'renderer/src/features/List.tsx', 'shared/contract.ts', 'renderer/node_modules/dep/index.js']) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), `// ${file}\n`);
  }
  const plan: RendererBuildPlan = {
    sources: [path.join(root, 'renderer'), path.join(root, 'shared')],
    outputs: [path.join(root, 'dist/renderer/index.html'), path.join(root, 'dist/renderer-ssr/first-screen-renderer.mjs')],
    stampFile: path.join(root, 'dist/renderer-build-stamp.json'),
    steps: [
      nodeStep(`fs.mkdirSync('dist/renderer', { recursive: true }); fs.writeFileSync('dist/renderer/index.html', '<!doctype html><div id="root"></div>');`),
      nodeStep(`fs.mkdirSync('dist/renderer-ssr', { recursive: true }); fs.writeFileSync('dist/renderer-ssr/first-screen-renderer.mjs', 'export {};');`),
    ],
    cwd: root,
  };
  const touch = (file: string, secondsFromNow: number) => {
    const at = new Date(Date.now() + secondsFromNow * 1000);
    fs.utimesSync(path.join(root, file), at, at);
  };
  return { root, plan, touch };
}

describe('renderer build', () => {
  it('builds when an output is missing, stamps the build, and is then fresh', () => {
    const { root, plan } = project();
    expect(rendererBuildState(plan)).toEqual({ stale: true, reason: path.join('dist', 'renderer', 'index.html') + ' is missing' });

    const lines: string[] = [];
    expect(ensureRendererBuilt(plan, (line) => lines.push(line))).toBe(true);
    expect(lines[0]).toBe(`Building the renderer (${path.join('dist', 'renderer', 'index.html')} is missing)…`);
    expect(lines[1]).toMatch(/^Built the renderer in \d+\.\d s\.$/);
    expect(fs.existsSync(path.join(root, 'dist/renderer-ssr/first-screen-renderer.mjs'))).toBe(true);
    expect(rendererBuildState(plan)).toEqual({ stale: false });

    // Fresh: nothing runs, nothing is printed.
    lines.length = 0;
    expect(ensureRendererBuilt(plan, (line) => lines.push(line))).toBe(true);
    expect(lines).toEqual([]);
  });

  it('is stale when the server build alone is missing (the first screen would not render)', () => {
    const { root, plan } = project();
    expect(buildRenderer(plan, () => {})).toBe(true);
    fs.rmSync(path.join(root, 'dist/renderer-ssr'), { recursive: true });
    expect(rendererBuildState(plan)).toEqual({ stale: true, reason: path.join('dist', 'renderer-ssr', 'first-screen-renderer.mjs') + ' is missing' });
  });

  it('is stale without a stamp, e.g. outputs left by an older build command', () => {
    const { plan } = project();
    expect(buildRenderer(plan, () => {})).toBe(true);
    fs.rmSync(plan.stampFile);
    expect(rendererBuildState(plan)).toEqual({ stale: true, reason: path.join('dist', 'renderer-build-stamp.json') + ' is missing' });
  });

  it('is stale when a source under renderer/ or shared/ is newer than the build, naming it', () => {
    const { plan, touch } = project();
    expect(buildRenderer(plan, () => {})).toBe(true);
    touch('shared/contract.ts', 5);
    expect(rendererBuildState(plan)).toEqual({ stale: true, reason: `${path.join('shared', 'contract.ts')} changed since the last build` });
  });

  it('ignores node_modules and dot-folders under the sources', () => {
    const { root, plan, touch } = project();
    expect(buildRenderer(plan, () => {})).toBe(true);
    touch('renderer/node_modules/dep/index.js', 5);
    fs.mkdirSync(path.join(root, 'renderer/.cache'));
    fs.writeFileSync(path.join(root, 'renderer/.cache/x'), 'x');
    expect(rendererBuildState(plan)).toEqual({ stale: false });
  });

  it('is stale when a source file is deleted, which leaves no newer mtime behind', () => {
    const { root, plan } = project();
    expect(buildRenderer(plan, () => {})).toBe(true);
    fs.rmSync(path.join(root, 'renderer/src/features/List.tsx'));
    expect(rendererBuildState(plan)).toEqual({ stale: true, reason: 'source files were added or removed since the last build' });
  });

  it('stays stale after a build during which a source was edited', () => {
    const { plan } = project();
    const editing: RendererBuildPlan = {
      ...plan,
      // The edit lands after the sources were read, as when someone saves a file mid-build.
      steps: [...plan.steps, nodeStep(`const t = new Date(Date.now() + 5000); fs.utimesSync('renderer/src/main.tsx', t, t);`)],
    };
    expect(buildRenderer(editing, () => {})).toBe(true);
    expect(rendererBuildState(plan)).toMatchObject({ stale: true, reason: `${path.join('renderer', 'src', 'main.tsx')} changed since the last build` });
  });

  it('reports a failed step, stops there and leaves no stamp, so the next start builds again', () => {
    const { root, plan } = project();
    expect(buildRenderer(plan, () => {})).toBe(true);
    const lines: string[] = [];
    const failing: RendererBuildPlan = { ...plan, steps: [nodeStep('process.exit(3)'), nodeStep(`fs.writeFileSync('second-step-ran', '')`)] };
    expect(buildRenderer(failing, (line) => lines.push(line))).toBe(false);
    expect(lines.at(-1)).toBe('The renderer build failed; see the messages above.');
    expect(fs.existsSync(path.join(root, 'second-step-ran'))).toBe(false);
    expect(rendererBuildState(plan)).toMatchObject({ stale: true });
  });

  it("checks this repository's build in a few milliseconds (a walk over mtimes, no build)", () => {
    // Read-only on the real tree: the decision only, never a build into the shared dist/.
    expect(REPO_RENDERER_BUILD.sources).toEqual(['renderer', 'shared', 'package-lock.json'].map((p) => path.join(REPO_ROOT, p)));
    const started = performance.now();
    const state = rendererBuildState({ ...REPO_RENDERER_BUILD, outputs: [], stampFile: path.join(os.tmpdir(), 'no-such-stamp', 'x.json') });
    rendererBuildState({ ...REPO_RENDERER_BUILD, outputs: [] });
    expect(state).toMatchObject({ stale: true });
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('npm run web builds the renderer it needs', () => {
  it('runs the build when told it is stale, then serves the built page; the next start does not build', async () => {
    const { root, plan } = project();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-data-'));
    made.push(dataDir);
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    const serve = async () => {
      let url = '';
      const running = runWebHost({
        argv: ['--data-dir', dataDir],
        env: {},
        staticDir: path.join(root, 'dist/renderer'),
        rendererBuild: plan,
        onListening: (u) => (url = u),
      });
      await vi.waitFor(() => expect(url).not.toBe(''), { timeout: 20_000 });
      const page = await fetch(url).then((res) => res.text());
      process.emit('SIGTERM', 'SIGTERM');
      expect(await running).toBe(0);
      return page;
    };

    expect(await serve()).toContain('<div id="root">');
    expect(errors[0]).toBe(`Building the renderer (${path.join('dist', 'renderer', 'index.html')} is missing)…`);
    expect(errors[1]).toMatch(/^Built the renderer in \d+\.\d s\.$/);

    errors.length = 0;
    await serve();
    expect(errors.filter((line) => line.startsWith('Build'))).toEqual([]);
  });

  it('exits 1 without serving when the build fails', async () => {
    const { root, plan } = project();
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-data-'));
    made.push(dataDir);
    const code = await runWebHost({
      argv: ['--data-dir', dataDir],
      env: {},
      staticDir: path.join(root, 'dist/renderer'),
      rendererBuild: { ...plan, steps: [nodeStep('process.exit(1)')] },
    });
    expect(code).toBe(1);
    expect(errors.at(-1)).toBe('The renderer build failed; see the messages above.');
  });
});
