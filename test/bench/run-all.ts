import os from 'node:os';
import { benchCustomerList, benchNotContacted } from './customer-queries.bench.ts';

/**
 * `npm run bench`: prints figures for the targets the issues name. Copy the output into
 * test/bench/RESULTS.md with the machine and date. Benchmarks are not timed tests: they never fail
 * on a slow figure, they report it.
 */
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

console.log(`# TradeFolio benchmarks — ${new Date().toISOString().slice(0, 10)}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`);
const lines: string[] = [];
if (want('list')) lines.push(...(await benchCustomerList([10_000, 100_000])));
if (want('reminders')) lines.push(...(await benchNotContacted()));
if (want('sync')) {
  const { benchMailSync } = await import('./mail-sync.bench.ts');
  lines.push(...(await benchMailSync()));
}
if (want('import')) {
  const { benchMailImport } = await import('./mail-import.bench.ts');
  lines.push(...(await benchMailImport({ copies: Number(process.env.BENCH_IMPORT_COPIES ?? 100_000) })));
}
if (want('sync-peers')) {
  const { benchSyncAgainstPeers } = await import('./mail-sync.bench.ts');
  lines.push(...(await benchSyncAgainstPeers()));
}
if (want('search')) {
  const { benchMailSearch } = await import('./mail-search.bench.ts');
  lines.push(...(await benchMailSearch()));
}
if (want('activities')) {
  const { benchActivitySearch } = await import('./activity-search.bench.ts');
  lines.push(...(await benchActivitySearch()));
}
if (want('duplicates')) {
  const { benchDuplicates, benchDuplicatesFirstCall, benchDuplicatesPaint } = await import('./duplicates.bench.ts');
  lines.push(...(await benchDuplicatesFirstCall([10_000, 100_000])));
  lines.push(...(await benchDuplicates([10_000, 100_000])));
  lines.push(...(await benchDuplicatesPaint()));
}
if (want('paint')) {
  const { benchFirstPaint } = await import('./first-paint.bench.ts');
  lines.push(...(await benchFirstPaint()));
}
if (want('cli')) {
  const { benchCliStartup } = await import('./cli-startup.bench.ts');
  lines.push(...(await benchCliStartup()));
}
if (want('reliability')) {
  const { benchReliability } = await import('./reliability.bench.ts');
  lines.push(...(await benchReliability()));
}
if (want('mail-sources')) {
  const { benchMailSources } = await import('./mail-sources.bench.ts');
  lines.push(...(await benchMailSources()));
}
if (want('contacts-import')) {
  const { benchContactsImport } = await import('./contacts-import.bench.ts');
  lines.push(...(await benchContactsImport(Number(process.env.BENCH_CONTACT_ROWS ?? 100_000))));
}
if (want('export')) {
  const { benchExport } = await import('./export.bench.ts');
  lines.push(...(await benchExport()));
}
if (want('quote-pdf')) {
  const { benchQuotePdf } = await import('./quote-pdf.bench.ts');
  lines.push(...(await benchQuotePdf()));
}
if (want('price-history')) {
  const { benchPriceHistory } = await import('./price-history.bench.ts');
  lines.push(...(await benchPriceHistory()));
}
if (want('tasks')) {
  const { benchTasks } = await import('./tasks.bench.ts');
  lines.push(...(await benchTasks()));
}
if (want('scores')) {
  const { benchScores } = await import('./scores.bench.ts');
  lines.push(...(await benchScores()));
}
if (want('payments')) {
  const { benchPayments } = await import('./payments.bench.ts');
  lines.push(...(await benchPayments()));
}
if (want('today')) {
  const { benchToday } = await import('./today.bench.ts');
  lines.push(...(await benchToday()));
}
for (const line of lines) console.log(line);
