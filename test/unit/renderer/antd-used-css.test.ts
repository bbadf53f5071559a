import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { antdImportsOf, pruneAntdCss, usedAntdPrefixes } from '../../../renderer/vite-plugins/antd-used-css.ts';
import { REPO_ROOT } from '../../helpers/web-app.ts';

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
});
