import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { antdImportsOf, antdPrefixesOf, pruneAntdCss, staticImportClosure, usedAntdPrefixes } from '../../../../renderer/vite-plugins/antd-used-css.ts';
import { REPO_ROOT } from '../../../helpers/web-app.ts';

const ALL = ['select', 'select-tree', 'tree', 'upload', 'btn', 'table', 'checkbox'];

describe('pruning antd.css to the components the app renders', () => {
  it('drops only rules that need a class of an unused component', () => {
    const css = [
      '.ant-btn{color:red}',
      '.ant-upload{color:blue}',
      '.ant-upload-list .ant-btn{margin:0}',
      '.ant-upload,.ant-btn-primary{padding:1px}',
      '.ant-select-tree-node{x:1}',
      '.ant-select-item{x:2}',
      '.ant-btn:not(.ant-upload){x:3}',
      '[class^="ant-upload"]{x:4}',
      '.ant-zoom-enter{x:5}',
      'a:hover{x:6}',
    ].join('');
    const { css: out, removedRules } = pruneAntdCss(css, ALL, new Set(['btn', 'select']));
    expect(out).toBe(
      [
        '.ant-btn{color:red}',
        '.ant-upload,.ant-btn-primary{padding:1px}',
        '.ant-select-item{x:2}',
        '.ant-btn:not(.ant-upload){x:3}',
        '[class^="ant-upload"]{x:4}',
        '.ant-zoom-enter{x:5}',
        'a:hover{x:6}',
      ].join(''),
    );
    expect(removedRules).toBe(3);
  });

  it('drops theme-variable blocks scoped to server-rendered ids, which never match in the browser', () => {
    const css = '.css-var-_R_0_.ant-btn{--a:1}.css-var-_r_0_.ant-btn{--a:2}.ant-btn-css-var{--b:3}.css-var-_R_29n_.ant-btn,.ant-btn-x{--c:4}';
    const { css: out, removedRules } = pruneAntdCss(css, ALL, new Set(['btn']));
    expect(out).toBe('.css-var-_r_0_.ant-btn{--a:2}.ant-btn-css-var{--b:3}.css-var-_R_29n_.ant-btn,.ant-btn-x{--c:4}');
    expect(removedRules).toBe(1);
  });

  it('looks into @media and keeps @keyframes, strings and comments intact', () => {
    const css =
      '@media (max-width:575px){.ant-upload{a:1}.ant-btn{b:2}}@media (min-width:1px){.ant-tree{c:3}}' +
      '@keyframes antUploadIn{0%{opacity:0}100%{opacity:1}}/* .ant-upload{ */.ant-btn::after{content:"}"}';
    expect(pruneAntdCss(css, ALL, new Set(['btn'])).css).toBe(
      '@media (max-width:575px){.ant-btn{b:2}}@keyframes antUploadIn{0%{opacity:0}100%{opacity:1}}/* .ant-upload{ */.ant-btn::after{content:"}"}',
    );
  });

  it('reads value imports only', () => {
    const names = antdImportsOf([
      "import { App as AntApp, Button, type FormInstance } from 'antd';",
      "import type { TableProps } from 'antd';",
      'import {\n  Select,\n  Tag,\n} from "antd";',
    ]);
    expect([...names].sort()).toEqual(['App', 'Button', 'Select', 'Tag']);
  });

  it('follows antd’s own imports from the components the renderer uses', () => {
    const result = usedAntdPrefixes(path.join(REPO_ROOT, 'renderer', 'src'), path.join(REPO_ROOT, 'node_modules', 'antd', 'es'));
    if ('unknown' in result) throw new Error(`unknown antd imports: ${result.unknown.join(', ')}`);
    // Select and Table are imported directly; Table brings Pagination and Checkbox with it.
    for (const used of ['select', 'table', 'pagination', 'checkbox', 'btn', 'menu']) expect(result.used.has(used)).toBe(true);
    for (const unused of ['carousel', 'qrcode', 'mentions']) {
      expect(result.all.has(unused)).toBe(true);
      expect(result.used.has(unused)).toBe(false);
    }
  });

  it('counts deep imports of antd code, not deep type imports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-deep-'));
    const file = path.join(dir, 'a.ts');
    fs.writeFileSync(file, "import type { HookAPI } from 'antd/es/modal/useModal';\nimport { useMessage } from 'antd/es/message/useMessage';\n");
    const result = antdPrefixesOf([file], path.join(REPO_ROOT, 'node_modules', 'antd', 'es'));
    if ('unknown' in result) throw new Error('unexpected');
    expect(result.used.has('message')).toBe(true);
    expect(result.used.has('modal')).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows static imports for the first screen, not import() or import type', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-closure-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('main.tsx', "import { A } from './a.tsx';\nimport './style.css';\nexport { B } from './b.ts';\nconst L = () => import('./lazy.tsx');\n");
    write('a.tsx', "import type { T } from './types-only.tsx';\nimport {\n  x,\n} from './c.ts';\n");
    write('b.ts', '');
    write('c.ts', '');
    write('style.css', '');
    write('lazy.tsx', "import { Table } from 'antd';");
    write('types-only.tsx', "import { Select } from 'antd';");
    const closure = staticImportClosure(path.join(dir, 'main.tsx')).map((f) => path.basename(f));
    expect(closure.sort()).toEqual(['a.tsx', 'b.ts', 'c.ts', 'main.tsx', 'style.css']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the components of later screens out of the first screen’s sheet', () => {
    const src = path.join(REPO_ROOT, 'renderer', 'src');
    const first = antdPrefixesOf(staticImportClosure(path.join(src, 'main.tsx')), path.join(REPO_ROOT, 'node_modules', 'antd', 'es'));
    if ('unknown' in first) throw new Error(`unknown antd imports: ${first.unknown.join(', ')}`);
    for (const used of ['btn', 'input', 'empty']) expect(first.used.has(used)).toBe(true);
    // Tables, tabs, forms, drawers and date pickers belong to screens loaded later; toasts,
    // confirmations (feedback.ts), tooltips, tags and skeletons are not part of the list's first paint.
    for (const later of ['table', 'tabs', 'form', 'drawer', 'picker', 'menu', 'modal', 'message', 'tooltip', 'tag', 'skeleton']) {
      expect(first.used.has(later)).toBe(false);
    }
  });
});
