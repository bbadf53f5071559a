import { describe, expect, it } from 'vitest';
import { cleanMailCss, unescapeCss } from '../../../../../renderer/src/features/mail/mail-css.ts';

const block = () => null;

describe('cleanMailCss', () => {
  it('drops imports in every spelling', () => {
    for (const css of ['@import url(http://evil.test/a.css);', '@import "http://evil.test/a.css";', '@IMPORT  "x.css" screen;', '@\\69mport "x.css";', '@im\\70 ort url(x);']) {
      const out = cleanMailCss(`${css} p{color:red}`, block);
      expect(out.css.toLowerCase(), css).not.toContain('import');
      expect(out.css).toContain('p{color:red}');
      expect(out.dropped).toBeGreaterThan(0);
    }
  });

  it('replaces url() and src() with none unless the resolver answers, and reports them', () => {
    const out = cleanMailCss('a{background:url("http://t.test/p.gif")} b{background-image:url(http://t.test/q.gif)url(http://t.test/r.gif)} c{src:src(x.woff)}', block);
    expect(out.css).not.toMatch(/url\(|src\(/i);
    expect(out.urls).toEqual(['http://t.test/p.gif', 'http://t.test/q.gif', 'http://t.test/r.gif', 'x.woff']);
    expect(out.dropped).toBe(4);
  });

  it('sees through escapes, comments and odd case', () => {
    for (const css of ['a{background:\\75 rl(http://t.test/x)}', 'a{background:u\\rl(http://t.test/x)}', 'a{background:URL(http://t.test/x)}', 'a{background:url/**/(http://t.test/x)}']) {
      const out = cleanMailCss(css, block);
      expect(out.css, css).not.toContain('t.test');
    }
  });

  it('puts in what the resolver gives, quoted so it cannot break out', () => {
    const out = cleanMailCss('td{background:url(cid:logo)}', (url) => (url === 'cid:logo' ? 'data:image/png;base64,AAA")x' : null));
    expect(out.css).toBe('td{background:url("data:image/png;base64,AAA\\22 )x")}');
  });

  it('always removes image-set, cross-fade, element and expression', () => {
    const out = cleanMailCss('a{background:image-set("http://t.test/a.png" 1x, "b.png" 2x);b:-webkit-image-set(url(x) 1x);c:expression(alert(1));d:cross-fade(url(a),url(b))}', () => 'data:image/png;base64,AA');
    expect(out.css).toBe('a{background:none;b:none;c:none;d:none}');
  });

  it('keeps < out of a sheet and drops <!-- --> wrappers', () => {
    const out = cleanMailCss('<!-- p{color:red} </style><script>alert(1)</script> -->', block);
    expect(out.css).not.toContain('<');
    expect(out.css).toContain('p{color:red}');
  });

  it('disarms old engines\' scripting properties', () => {
    expect(cleanMailCss('a{behavior:url(x.htc);-moz-binding:url(x.xml)}', block).css).toBe('a{x-removed:none;x-removed:none}');
  });

  it('leaves ordinary mail styles alone', () => {
    const css = 'table{border-collapse:collapse} .x > p{font:12px/1.4 Arial,"Microsoft YaHei";color:#333}';
    expect(cleanMailCss(css, block)).toEqual({ css, urls: [], dropped: 0 });
  });
});

describe('unescapeCss', () => {
  it('decodes hex and character escapes and drops escaped newlines', () => {
    expect(unescapeCss('\\75 rl \\28 \\"a\\\nb')).toBe('url ("ab');
    expect(unescapeCss('\\0 \\110000')).toBe('\uFFFD\uFFFD');
  });
});
