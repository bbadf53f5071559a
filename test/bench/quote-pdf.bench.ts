import { renderQuotePdf } from '../../electron/services/quotes/documents/quote-pdf.ts';
import { renderQuoteXlsx } from '../../electron/services/quotes/documents/quote-xlsx.ts';
import { sampleQuoteDocument } from '../fixtures/quote-document-fixtures.ts';
import { fmt, peakRss, stats } from './bench-kit.ts';

/**
 * `npm run bench -- quote-pdf`: a 50-line quote with Chinese and English text, in both
 * languages (issue 13 point 9, target < 500 ms). The first PDF of a process also parses the
 * fonts (two 10 MB files), so it is reported on its own; then 30 runs per language.
 */
const RUNS = 30;

async function timed(work: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const bytes = (await work()).length;
  return { ms: performance.now() - started, bytes };
}

export async function benchQuotePdf(): Promise<string[]> {
  const lines = ['## quote PDF (50 lines, Chinese and English text, letterhead with logo)'];
  const rss = peakRss();
  const docs = { en: sampleQuoteDocument({ language: 'en', lines: 50 }), 'zh-CN': sampleQuoteDocument({ language: 'zh-CN', lines: 50 }) };
  const first = await timed(() => renderQuotePdf(docs['zh-CN']));
  lines.push(`- first PDF of the process (fonts parsed): ${first.ms.toFixed(0)} ms, ${(first.bytes / 1024).toFixed(0)} KB`);
  let worst = 0;
  for (const language of ['en', 'zh-CN'] as const) {
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await timed(() => renderQuotePdf(docs[language]));
      samples.push(run.ms);
      bytes = run.bytes;
    }
    const s = stats(samples);
    worst = Math.max(worst, s.p95, first.ms);
    lines.push(`- ${language}: ${fmt(s)}; ${(bytes / 1024).toFixed(0)} KB (< 1 MB target: ${bytes < 1024 * 1024 ? 'MET' : 'NOT MET'})`);
  }
  const xlsx: number[] = [];
  for (let i = 0; i < RUNS; i++) xlsx.push((await timed(() => renderQuoteXlsx(docs['zh-CN']))).ms);
  lines.push(`- the same quote as .xlsx: ${fmt(stats(xlsx))}`);
  lines.push(`- peak RSS ${rss.stop().toFixed(0)} MB. Target < 500 ms: ${worst < 500 ? 'MET' : 'NOT MET'} (slowest p95 or first PDF ${worst.toFixed(0)} ms)`);
  return lines;
}
