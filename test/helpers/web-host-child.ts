import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWebHost } from '../../electron/web/web-host.main.ts';

/**
 * `npm run web` as a separate process for tests that need a real second program on the data
 * folder (its lock, its pid, a SIGKILL), without needing the built renderer: the page it serves
 * is a stub, the API and the services are the real ones. Prints the link on stdout, as the host does.
 */
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-site-'));
fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><div id="root"></div>');
process.exitCode = await runWebHost({ argv: process.argv.slice(2), env: process.env, staticDir: site });
