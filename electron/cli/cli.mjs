// `npm run cli`: the one plain-JavaScript file of the CLI, so that Node's compile cache is on
// before any TypeScript loads. A CLI run is mostly start-up, so it runs the CLI's bundle
// (dist/cli/, made here when missing or stale: electron/cli/cli-bundle.ts) rather than ~500
// modules from the sources, and with the cache V8's compiled code of the bundle and of the
// stamp check comes from disk and Node's TypeScript stripper (a WebAssembly module that alone
// takes ~70 ms to start) is not even loaded. TRADEFOLIO_CLI_FROM_SOURCE=1 runs the sources
// (still with the cache); loading electron/cli/cli.main.ts directly works too, without either.
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Beside the code in node_modules/.cache rather than Node's default under the shared /tmp, where
// another local user could plant compiled code for this one to run. A cache that cannot be
// written costs only speed; NODE_COMPILE_CACHE overrides the folder, NODE_DISABLE_COMPILE_CACHE=1
// turns it off.
enableCompileCache(process.env.NODE_COMPILE_CACHE || path.join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'node-compile-cache'));

// Before the bundle loads, so the young generation never grows (electron/hosts/lean-heap.ts).
const { useLeanHeap } = await import('../hosts/lean-heap.ts');
useLeanHeap();

let entry = null;
if (process.env.TRADEFOLIO_CLI_FROM_SOURCE !== '1') {
  const { readyCliBundle } = await import('./cli-bundle.ts');
  entry = await readyCliBundle((line) => process.stderr.write(`${line}\n`));
}
const { runCli } = await import(entry ? pathToFileURL(entry).href : './cli.main.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env);
