import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { corpusMessages, MboxWriter, withMessageId, writeEmlTree, writeMaildir } from '../helpers/mail-archives.ts';
import { tempDir } from '../helpers/temp-core.ts';

/**
 * Archive readers alone (no parsing, no database): messages/s, MB/s and peak RSS of a separate
 * process reading the corpus as an mbox, a Maildir and an .eml tree, and a 100,000-message mbox
 * made of corpus copies with fresh Message-IDs — memory must not grow with the archive.
 */

interface ReadFigures {
  messages: number;
  problems: number;
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  maxRssKb: number;
}

function readInChild(target: string): ReadFigures {
  const out = execFileSync(process.execPath, [path.join(import.meta.dirname, 'mail-sources-read.main.ts'), target], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ReadFigures;
}

function line(name: string, size: number, f: ReadFigures): string {
  const mb = size / 2 ** 20;
  return `| ${name} | ${f.messages.toLocaleString('en')} | ${mb.toFixed(0)} MB | ${f.seconds.toFixed(2)} s | ${Math.round(f.messages / f.seconds).toLocaleString('en')} msg/s | ${(mb / f.seconds).toFixed(0)} MB/s | ${f.cpuSeconds.toFixed(2)} s | ${Math.round(f.maxRssKb / 1024)} MB |`;
}

export async function benchMailSources(copies = 100_000): Promise<string[]> {
  const dir = tempDir('tf-bench-sources-');
  try {
    const corpus = corpusMessages().map((m) => m.raw);
    const corpusMbox = path.join(dir, 'corpus.mbox');
    const small = new MboxWriter(corpusMbox, { variant: 'mboxrd' });
    for (const raw of corpus) small.write(raw);
    small.close();
    writeMaildir(path.join(dir, 'Maildir'), corpus);
    writeEmlTree(path.join(dir, 'eml'), corpus);
    const big = path.join(dir, 'big.mbox');
    const writer = new MboxWriter(big, { variant: 'mboxrd' });
    for (let i = 0; i < copies; i++) writer.write(withMessageId(corpus[i % corpus.length]!, `copy-${i}@bench.tradefolio.invalid`));
    writer.close();
    const size = (p: string) => execFileSync('du', ['-sb', p], { encoding: 'utf8' }).split('\t')[0];
    const empty = path.join(dir, 'empty.mbox');
    fs.writeFileSync(empty, '');
    const rows = [
      line('empty mbox (process baseline)', 0, readInChild(empty)),
      line('corpus as mbox', fs.statSync(corpusMbox).size, readInChild(corpusMbox)),
      line('corpus as Maildir++', Number(size(path.join(dir, 'Maildir'))), readInChild(path.join(dir, 'Maildir'))),
      line('corpus as .eml tree', Number(size(path.join(dir, 'eml'))), readInChild(path.join(dir, 'eml'))),
      line(`${copies.toLocaleString('en')}-message mbox`, fs.statSync(big).size, readInChild(big)),
    ];
    return ['', '## Mail archive readers (read only: no parse, no store)', '', '| archive | messages | size | time | rate | throughput | CPU | peak RSS |', '|---|---|---|---|---|---|---|---|', ...rows];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
