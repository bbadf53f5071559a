import { describe, expect, it } from 'vitest';
import { hasHit, highlight, snippetAround } from '../../../../shared/domain/search-highlight.ts';
import { queryTerms } from '../../../../shared/domain/search-text.ts';

const marked = (text: string, query: string) => highlight(text, queryTerms(query)).filter((p) => p.hit).map((p) => p.text);

describe('marking search hits in the original text', () => {
  it('marks CJK runs anywhere and Latin terms at word starts, case-insensitively', () => {
    expect(marked('关于LED灯具的报价', '报价')).toEqual(['报价']);
    expect(marked('Quotation for the quote', 'quot')).toEqual(['Quot', 'quot']);
    expect(marked('misquote', 'quot')).toEqual([]);
    expect(marked('anna@hamburg-trade.de', 'hamb trade')).toEqual(['hamb', 'trade']);
    expect(marked('RE:报价单 LED灯', 'led 报价单')).toEqual(['报价单', 'LED']);
    expect(highlight('a 报价 b', queryTerms('报价'))).toEqual([
      { text: 'a ', hit: false },
      { text: '报价', hit: true },
      { text: ' b', hit: false },
    ]);
    expect(hasHit(null, queryTerms('x'))).toBe(false);
    expect(highlight('text', [])).toEqual([{ text: 'text', hit: false }]);
  });

  it('cuts a snippet around the first hit with ellipses, whitespace collapsed', () => {
    const body = `${'lorem ipsum '.repeat(30)}\n\n 请确认样品的颜色 ${'dolor sit '.repeat(30)}`;
    const parts = snippetAround(body, queryTerms('样品'), 60);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.at(-1)).toEqual({ text: '…', hit: false });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['样品']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(62);
    expect(snippetAround('short text', queryTerms('zzz'))).toEqual([{ text: 'short text', hit: false }]);
  });
});
