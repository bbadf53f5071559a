import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The URL (relative to the page) of all the antd styles the app uses; null in the dev server. */
const FULL_CSS_MODULE = 'virtual:antd-full-css';
const RESOLVED_FULL_CSS_MODULE = `\0${FULL_CSS_MODULE}`;

/**
 * antd 6 in zero-runtime mode needs `antd/dist/antd.css`: the styles of all ~75 components
 * (1 MB). This build step drops the rules that can only match components the app never renders,
 * and keeps every other rule in its place, so what is rendered looks exactly the same.
 *
 * Which components the app renders is worked out from the source, not listed by hand: the named
 * imports from 'antd' in renderer/src, followed through antd's own imports (a Table brings
 * Pagination, Dropdown, Checkbox …), give the class prefixes passed to `getPrefixCls('…')`. A
 * rule goes only when every selector in it needs a class (`.ant-upload-list …`) whose prefix
 * belongs to none of those components. Classes inside `:not()`, `:is()` and the like, and
 * attribute selectors, are not counted, so a rule is kept whenever in doubt.
 *
 * The first screen gets less: `import 'antd/dist/antd.css'` (render-blocking) keeps only the rules
 * of the components that the entry reaches through static imports, and the stylesheet with all
 * the app's rules — in antd's own order, so the cascade is exactly antd's — is emitted beside it
 * for the app to add once the first screen is up (renderer/src/app/full-styles.ts). Parsing and
 * indexing the whole ~790 KB measured ~85 ms of the customer list's first paint.
 */
export function antdUsedCss(options: {
  sourceDir: string;
  /** The first screen: the entry, and modules it loads right after its first paint. */
  firstScreen: string[];
}): Plugin {
  let building = false;
  let split: { first: string; full: string; fullFile: string } | null = null;
  const splitOnce = (cssFile: string, warn: (message: string) => void) => {
    if (split) return split;
    const css = fs.readFileSync(cssFile, 'utf8');
    const esDir = path.join(path.resolve(path.dirname(cssFile), '..'), 'es');
    const used = usedAntdPrefixes(options.sourceDir, esDir);
    const first = antdPrefixesOf([...new Set(options.firstScreen.flatMap(staticImportClosure))], esDir);
    let full = css;
    let firstCss = css;
    if ('unknown' in used || 'unknown' in first) {
      const unknown = new Set(['unknown' in used ? used.unknown : [], 'unknown' in first ? first.unknown : []].flat());
      warn(`keeping all of antd.css: cannot tell which components ${[...unknown].join(', ')} are`);
    } else {
      full = pruneAntdCss(css, used.all, used.used).css;
      firstCss = pruneAntdCss(css, used.all, first.used).css;
    }
    const hash = crypto.createHash('sha256').update(full).digest('hex').slice(0, 10);
    split = { first: firstCss, full, fullFile: `assets/antd-full-${hash}.css` };
    return split;
  };
  return {
    name: 'tradefolio-antd-used-css',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === FULL_CSS_MODULE ? RESOLVED_FULL_CSS_MODULE : null;
    },
    async load(id) {
      if (id === RESOLVED_FULL_CSS_MODULE) {
        if (!building) return 'export default null;';
        const cssFile = await this.resolve('antd/dist/antd.css', options.firstScreen[0]);
        if (!cssFile) throw new Error('antd-used-css: antd/dist/antd.css not found');
        return `export default ${JSON.stringify(`./${splitOnce(cssFile.id.split('?')[0]!, (m) => this.warn(m)).fullFile}`)};`;
      }
      const file = id.split('?')[0]!;
      if (!building || !/[\\/]node_modules[\\/]antd[\\/]dist[\\/]antd\.css$/.test(file)) return null;
      return splitOnce(file, (m) => this.warn(m)).first;
    },
    generateBundle() {
      if (split) this.emitFile({ type: 'asset', fileName: split.fullFile, source: split.full });
    },
  };
}

/** Files under `dir` whose names match `pattern`. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => pattern.test(f)).map((f) => path.join(dir, f));
}

/** Named value imports from 'antd' (`import { Button, type FormInstance } from 'antd'` gives Button). */
export function antdImportsOf(sources: string[]): Set<string> {
  const names = new Set<string>();
  for (const text of sources) {
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]antd['"]/g)) {
      for (const part of m[1]!.split(',')) {
        const spec = part.trim();
        if (spec && !spec.startsWith('type ')) names.add(spec.split(/\s+as\s+/)[0]!.trim());
      }
    }
  }
  return names;
}

function resolveJs(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.js`, path.join(base, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The files of antd/es reachable from `entries` through relative imports and re-exports. */
function antdClosure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?'(\.{1,2}\/[^']+)'/g)) {
      const next = resolveJs(file, m[1]!);
      if (next) queue.push(next);
    }
  }
  return seen;
}

const PREFIX_CALL = /getPrefixCls\(\s*'([a-z-]+)'/g;

/**
 * Source files reached from `entry` through static relative imports (`import … from './x.tsx'`,
 * `import './x.css'`, `export … from`), not through `import()` (code loaded later) or
 * `import type` (nothing at run time).
 */
export function staticImportClosure(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)(?!\s+type\b)(?:\s+[^'";]*?\s+from)?\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      queue.push(path.resolve(path.dirname(file), m[1]!));
    }
  }
  return [...seen];
}

/**
 * `all`: every class prefix antd's components use; `used`: those of the components reachable
 * from the imports in `files`, plus any `ant-…` class their code or CSS names.
 */
export function antdPrefixesOf(files: string[], antdEsDir: string): { all: Set<string>; used: Set<string> } | { unknown: string[] } {
  const sources = files.map((f) => fs.readFileSync(f, 'utf8'));
  const index = fs.readFileSync(path.join(antdEsDir, 'index.js'), 'utf8');
  const entries: string[] = [];
  const unknown: string[] = [];
  for (const name of antdImportsOf(sources)) {
    const m = index.match(new RegExp(`export \\{ default as ${name} \\} from '(\\./[^']+)'`));
    if (m) entries.push(path.join(antdEsDir, m[1]!, 'index.js'));
    else unknown.push(name);
  }
  // Something antd's index exports otherwise: rather than guess, prune nothing.
  if (unknown.length) return { unknown };
  for (const text of sources) {
    // Deep imports of code (not `import type`, which is gone at run time).
    for (const m of text.matchAll(/^(?:import|export)(?!\s+type\b)[^'";]*?from\s*['"]antd\/(?:es\/|lib\/)?([\w\-/]+)['"]/gm)) {
      const file = resolveJs(path.join(antdEsDir, 'index.js'), `./${m[1]!}`);
      if (file) entries.push(file);
    }
  }
  const closure = antdClosure(entries);
  const all = new Set<string>();
  const used = new Set<string>();
  for (const file of filesUnder(antdEsDir, /\.js$/)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(PREFIX_CALL)) {
      all.add(m[1]!);
      if (closure.has(file)) used.add(m[1]!);
    }
  }
  for (const text of sources) for (const m of text.matchAll(/\bant-([a-z-]+)/g)) used.add(longestPrefix([...all], m[1]!) ?? m[1]!);
  return { all, used };
}

/** The prefixes of the components used anywhere under `sourceDir`. */
export function usedAntdPrefixes(sourceDir: string, antdEsDir: string): { all: Set<string>; used: Set<string> } | { unknown: string[] } {
  return antdPrefixesOf(filesUnder(sourceDir, /\.(tsx?|css)$/), antdEsDir);
}

function longestPrefix(prefixes: string[], cls: string): string | null {
  let best: string | null = null;
  for (const p of prefixes) if ((cls === p || cls.startsWith(`${p}-`)) && (best === null || p.length > best.length)) best = p;
  return best;
}

interface Statement {
  prelude: string;
  /** null for statements without a block (`@import …;`). */
  body: string | null;
}

/** The top-level statements of a stylesheet, skipping over strings and comments. */
function statements(css: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let depth = 0;
  let bodyStart = -1;
  let prelude = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end === -1 ? css.length : end + 1;
    } else if (c === '{') {
      if (depth === 0) {
        prelude = css.slice(start, i);
        bodyStart = i + 1;
      }
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        out.push({ prelude: prelude.trim(), body: css.slice(bodyStart, i) });
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      out.push({ prelude: css.slice(start, i + 1).trim(), body: null });
      start = i + 1;
    }
  }
  return out;
}

/** A selector list cut at its top-level commas (not those inside `:is(…)` or `[…]`). */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}

export interface PruneResult {
  css: string;
  removedRules: number;
  keptRules: number;
}

/**
 * Drops the style rules that cannot match because every selector of theirs needs a class of an
 * unused component. `all` are antd's class prefixes (`select`, `select-tree` …), `used` those
 * of the components the app renders; a class belongs to its longest prefix, so
 * `ant-select-tree-node` is tree-select's and `ant-select-item` is select's. Classes that
 * belong to no prefix (motion classes such as `ant-zoom-enter`) never cause a rule to go.
 * Rules scoped to a server-rendered theme id go too (see SERVER_CSS_VAR).
 */
const SERVER_CSS_VAR = /\.css-var-_R_/;

export function pruneAntdCss(css: string, all: Iterable<string>, used: ReadonlySet<string>): PruneResult {
  const prefixes = [...all];
  const owner = new Map<string, string | null>();
  const unmatchable = (selector: string): boolean => {
    let bare = selector.replace(/\/\*[\s\S]*?\*\//g, '');
    for (let previous = ''; bare !== previous; ) {
      previous = bare;
      bare = bare.replace(/\([^()]*\)/g, '').replace(/\[[^[\]]*\]/g, '');
    }
    // antd.css was extracted with server-rendered ids (`.css-var-_R_0_`); in the browser React's
    // useId gives `_r_0_`, and antd writes the theme-variable blocks for those at run time, so
    // these never match (~50 KB of the first screen's sheet).
    if (SERVER_CSS_VAR.test(bare)) return true;
    for (const m of bare.matchAll(/\.ant-([a-z0-9-]+)/g)) {
      const cls = m[1]!;
      if (!owner.has(cls)) owner.set(cls, longestPrefix(prefixes, cls));
      const prefix = owner.get(cls);
      if (prefix != null && !used.has(prefix)) return true;
    }
    return false;
  };
  let removedRules = 0;
  let keptRules = 0;
  const walk = (text: string): string => {
    let out = '';
    for (const s of statements(text)) {
      if (s.body === null) out += s.prelude;
      else if (s.prelude.startsWith('@')) {
        // Grouping rules hold rules; @keyframes, @font-face and their like hold declarations.
        if (/^@(media|supports|container|layer|scope)\b/i.test(s.prelude)) {
          const inner = walk(s.body);
          if (inner.trim() !== '') out += `${s.prelude}{${inner}}`;
        } else out += `${s.prelude}{${s.body}}`;
      } else if (selectors(s.prelude).every(unmatchable)) removedRules++;
      else {
        keptRules++;
        out += `${s.prelude}{${s.body}}`;
      }
    }
    return out;
  };
  return { css: walk(css), removedRules, keptRules };
}
