// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering of ARCHITECTURE.md as lint rules: a rule written only in prose decays.
 *   renderer ─► shared ◄─ db ◄─ electron/services ◄─ electron/hosts ◄─ electron/{main,web,cli}
 * `electron` itself may only be imported by electron/main and electron/preload.
 */
const zone = (target, from, message) => ({ target, from, message });
const layering = [
  zone('./shared', ['./db', './electron', './renderer', './test', './build'], 'shared/ is pure: it imports nothing outside shared/.'),
  zone('./db', ['./electron', './renderer', './test', './build'], 'db/ may import only shared/.'),
  zone('./electron/services', ['./electron/hosts', './electron/main', './electron/preload', './electron/web', './electron/cli', './renderer', './test'], 'services are host-independent.'),
  zone('./electron/hosts', ['./electron/main', './electron/preload', './electron/web', './electron/cli', './renderer'], 'electron/hosts is what every host shares: it serves all three, not one.'),
  zone('./electron/preload', ['./db', './electron/services', './electron/main', './electron/web', './electron/cli', './renderer'], 'the preload sees only the contract.'),
  zone('./electron/web', ['./electron/main', './electron/preload', './electron/cli', './renderer'], 'the web host serves services, not Electron.'),
  zone('./electron/cli', ['./electron/main', './electron/preload', './electron/web', './renderer'], 'the CLI serves services, not Electron.'),
  zone('./renderer', ['./db', './electron', './test', './build'], 'the renderer reaches the main process only through the contract.'),
  zone(['./shared', './db', './electron', './renderer'], './test', 'nothing imports test/.'),
];

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
};
const noNode = {
  patterns: [{ group: ['node:*'], message: 'This layer has no Node.js APIs.' }],
  paths: noElectron.paths,
};

/**
 * The renderer takes only types from the contract's zod schemas: a value import bundles zod into
 * the screen's code, and zod's `new Function` probe breaks the app's CSP (script-src without
 * 'unsafe-eval'). Constants a screen needs live in shared/domain; first-screen.ts has no zod.
 */
const contractValues = {
  group: ['**/shared/contract/*', '!**/shared/contract/first-screen.ts'],
  allowTypeImports: true,
  message: 'Import types only from the contract in the renderer (zod breaks the CSP); put constants in shared/domain.',
};

/**
 * README, "Where SQL lives": SQL is written only in query modules (`*.queries.ts`, or `*.query.ts`
 * for a single query), never in handlers.
 */
const sqlMessage = 'SQL lives in *.queries.ts beside the service (README, "Where SQL lives").';
const sqlOutsideQueries = [
  { selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|selectNoFrom)$/]', message: sqlMessage },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: sqlMessage },
  { selector: "CallExpression[callee.property.name='prepare']", message: sqlMessage },
];
export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test/.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: layering }],
      'no-restricted-imports': ['error', noElectron],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noNode] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // Build-time code (Node), not the browser's.
    ignores: ['renderer/vite.config.ts', 'renderer/vite.ssr.config.ts', 'renderer/vite-plugins/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { ...noNode, patterns: [...noNode.patterns, contractValues] }],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    // The data-folder lock is SQLite's locking mode, not a query (platform/data-folder-lock.ts).
    ignores: ['**/*.queries.ts', '**/*.query.ts', 'electron/services/platform/**'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideQueries] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
