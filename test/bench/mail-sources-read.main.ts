import { openMailSource } from '../../electron/services/imports/mail-sources/open-mail-source.ts';

/**
 * Reads one archive to the end and prints what it took, as one JSON line. Run in its own process
 * by mail-sources.bench.ts so the peak RSS is the reader's alone.
 */
const [target, variant] = process.argv.slice(2);
if (!target) throw new Error('usage: mail-sources-read.main.ts <path> [mboxrd|mboxo]');
const started = process.hrtime.bigint();
const cpuAtStart = process.cpuUsage();
let messages = 0;
let problems = 0;
let bytes = 0;
for await (const item of (await openMailSource(target, { mboxVariant: variant === 'mboxo' ? 'mboxo' : 'mboxrd' })).items()) {
  if (item.kind === 'message') {
    messages++;
    bytes += item.raw.length;
  } else {
    problems++;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuAtStart);
console.log(JSON.stringify({ messages, problems, bytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS }));
