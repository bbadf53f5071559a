import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openContactFile } from '../../../../../../electron/services/imports/contacts/contact-file.reader.ts';
import { normaliseContactRow } from '../../../../../../electron/services/imports/contacts/contact-row.ts';
import { suggestMapping } from '../../../../../../electron/services/imports/contacts/header-mapping.ts';
import { tempFolder } from './contact-test-files.ts';

const write = tempFolder();
const ROWS = 100_000;

/** 100,000 contacts in GBK, as an old Excel on a Chinese Windows saves them. */
function bigGbkSheet(): string {
  const countries = ['中国', 'Germany', '美国', 'France', '日本'];
  const lines = ['公司名称,联系人,邮箱,电话,国家,等级,地址,备注'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `宁波第${i}号进出口有限公司,王${i % 100}明,sales${i}@firm${i}.com;boss${i}@firm${i}.com,+86 574 ${String(8000_0000 + i).slice(0, 4)} ${String(i % 10000).padStart(4, '0')},${countries[i % 5]},${'ABCD'[i % 4]},"浙江省宁波市江北区${i}号, 315000","第一次在广交会见面, 要样品"`,
    );
  }
  return write('big.csv', iconv.encode(lines.join('\r\n'), 'gbk'));
}

describe('a 100,000-row contact sheet', () => {
  it('reads and normalises in well under the import’s 10 s budget, with memory that does not grow with the file', { timeout: 60_000 }, async () => {
    const file = bigGbkSheet();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const opened = await openContactFile(file);
    const sheet = opened.sheets[0]!;
    const targets = suggestMapping(sheet.headers).map((s) => s.target);
    let rows = 0;
    let emails = 0;
    let problems = 0;
    let heapPeak = 0;
    for await (const row of opened.rows(0)) {
      const { contact, problems: found } = normaliseContactRow(row, sheet, targets, { defaultCountry: 'CN' });
      rows++;
      emails += contact.contact.channels.filter((c) => c.kind === 'email').length;
      problems += found.length;
      if (rows % 10_000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // CPU time, not wall time, is what is asserted: other tests share the machine's two cores.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(`100k-row GBK CSV: read + normalised in ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s CPU); heap growth peak ${(heapPeak / 2 ** 20).toFixed(0)} MB`);
    expect(rows).toBe(ROWS);
    expect(emails).toBe(2 * ROWS);
    expect(problems).toBe(0);
    expect(cpuSeconds).toBeLessThan(10);
    // The file decodes to ~30 MB of text and ~1 M cells; holding them would take far more than this.
    expect(heapPeak).toBeLessThan(150 * 2 ** 20);
  });
});
