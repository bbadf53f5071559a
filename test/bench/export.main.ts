import { createAppCore } from '../../electron/services/core/app-core.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';

/**
 * One export in a process of its own, so its peak RSS is the export's alone:
 * `node export.main.ts <data dir> customers <xlsx|csv> <file>`, `… mail <owner id> <file>` or `… everything <folder>`
 * prints {ms, maxRssMb, result} as JSON.
 */
const [dataDir, what, a, b] = process.argv.slice(2);
if (!dataDir || !what || !a || (!b && what !== 'everything')) throw new Error('usage: export.main.ts <data dir> customers <format> <file> | mail <owner id> <file> | everything <folder>');
const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', log: silentLogger });
try {
  const call = async (key: string, input: unknown) => {
    const result = await core.dispatch(key as never, input as never);
    if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result.error)}`);
    return result.value as unknown;
  };
  const started = performance.now();
  const result =
    what === 'customers'
      ? await call('exports.customers', { format: a, path: b, language: 'zh-CN' })
      : what === 'everything'
        ? await call('exports.everything', { folder: a, language: 'zh-CN' })
        : await call('exports.mail', { ownerId: a, path: b });
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await core.close();
}
