import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runWebHost } from '../../../../electron/web/web-host.main.ts';

const made: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run web', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says in one line to build the renderer when it is missing, and exits 1', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    const code = await runWebHost({ argv: ['--data-dir', tempDir('tradefolio-data-')], env: {}, staticDir: path.join(tempDir('tradefolio-empty-'), 'renderer') });
    expect(code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('npm run build:renderer');
  });

  it('rejects bad flags with exit 2', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runWebHost({ argv: ['--port', 'http'], env: {} })).toBe(2);
    expect(await runWebHost({ argv: ['--bogus'], env: {} })).toBe(2);
  });

  it('serves the data folder from TRADEFOLIO_DATA_DIR, backs up at start, and stops cleanly on SIGTERM', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dataDir = tempDir('tradefolio-data-');
    const site = tempDir('tradefolio-site-');
    fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><div id="root"></div>');
    let url = '';
    let printed = '';
    vi.spyOn(console, 'log').mockImplementation((line: string) => void (printed += line));
    const running = runWebHost({ argv: [], env: { TRADEFOLIO_DATA_DIR: dataDir }, staticDir: site, onListening: (u) => (url = u) });
    await vi.waitFor(() => expect(url).not.toBe(''), { timeout: 10_000 });
    expect(printed).toBe(url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);

    const origin = url.slice(0, url.indexOf('/?'));
    const token = url.slice(url.indexOf('=') + 1);
    const res = await fetch(`${origin}/api/call/app.getInfo`, { method: 'POST', headers: { 'x-tradefolio-token': token }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true, value: { host: 'web', dataDir } });
    await vi.waitFor(() => expect(fs.readdirSync(path.join(dataDir, 'backups')).length).toBe(1), { timeout: 10_000 });

    process.emit('SIGTERM', 'SIGTERM');
    expect(await running).toBe(0);
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });
});
