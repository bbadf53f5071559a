import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable } from '../../../../electron/cli/text-table.ts';

describe('formatTable', () => {
  it('counts CJK characters as two cells so columns line up', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('上海华美')).toBe(8);
    const table = formatTable(['NAME', 'GRADE'], [['上海华美', 'A'], ['Berlin GmbH', 'B']]).split('\n');
    const col = (line: string) => displayWidth(line.slice(0, line.lastIndexOf(' ') + 1));
    expect(col(table[2]!)).toBe(col(table[3]!));
  });

  it('cuts long cells with an ellipsis', () => {
    const [, , row] = formatTable(['NAME'], [['x'.repeat(50)]], 10).split('\n');
    expect(row).toBe(`${'x'.repeat(9)}…`);
  });
});
