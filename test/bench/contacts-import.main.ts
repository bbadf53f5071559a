import { createAppCore } from '../../electron/services/core/app-core.ts';
import { silentLogger } from '../../electron/services/core/logger.ts';
import type { ImportBatch } from '../../shared/contract/imports.contract.ts';

/**
 * One contact import in a process of its own, so its peak RSS is the import's alone:
 * `node contacts-import.main.ts <data dir> <sheet>` prints {ms, previewMs, batch, maxRssMb} as JSON.
 */
const [dataDir, sheet] = process.argv.slice(2);
if (!dataDir || !sheet) throw new Error('usage: contacts-import.main.ts <data dir> <sheet>');
const core = await createAppCore({ dataDir, host: 'cli', version: 'bench', log: silentLogger });
try {
  const call = async (key: string, input: unknown) => {
    const result = await core.dispatch(key as never, input as never);
    if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result.error)}`);
    return result.value as unknown;
  };
  const started = performance.now();
  const preview = (await call('imports.previewContacts', { path: sheet })) as { sheets: Array<{ mapping: Array<{ target: unknown }> }> };
  const previewMs = performance.now() - started;
  const batch = (await call('imports.applyContacts', { path: sheet, mapping: preview.sheets[0]!.mapping.map((m) => m.target), defaultOwnerId: null })) as ImportBatch;
  const ms = performance.now() - started - previewMs;
  console.log(JSON.stringify({ ms, previewMs, batch, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await core.close();
}
