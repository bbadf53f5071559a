// `npm run cli`: the one plain-JavaScript file of the CLI, so that Node's compile cache is on
// before any TypeScript loads. A CLI run is mostly start-up: with the cache, the type-stripped
// sources and V8's compiled code of the ~500 modules come from disk, and Node's TypeScript
// stripper (a WebAssembly module that alone takes ~70 ms to start) is not even loaded. Loading
// electron/cli/cli.main.ts directly works too, just without the cache.
import { enableCompileCache } from 'node:module';
import path from 'node:path';

// Beside the code in node_modules/.cache rather than Node's default under the shared /tmp, where
// another local user could plant compiled code for this one to run. A cache that cannot be
// written costs only speed; NODE_COMPILE_CACHE overrides the folder, NODE_DISABLE_COMPILE_CACHE=1
// turns it off.
enableCompileCache(process.env.NODE_COMPILE_CACHE || path.join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'node-compile-cache'));

const { runCli } = await import('./cli.main.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env);
