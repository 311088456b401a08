/**
 * Lint: ESLint's and typescript-eslint's recommended rules, plus the process boundaries.
 *   - 'electron' may be imported only in electron/main and electron/preload; core, cli,
 *     shared and renderer must run without it (tests run under plain Node, where requiring
 *     it tries to download a binary).
 *   - shared/ is pure TypeScript: no Node builtins either, since the renderer imports it.
 *   - renderer/ and preload/ run in Chromium (preload sandboxed): no Node builtins.
 *   - `ipcMain` and `ipcRenderer` only in electron/main/ipc.ts and electron/preload/index.ts:
 *     every channel is registered from the contract in one loop with a sender check, and the
 *     page gets only the typed api (GitHub Desktop's rule, Electron checklist item 17).
 * scripts/lint-boundaries.test.ts proves these rules fire.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

// ESLint's own recommended set, read from its rule metadata: @eslint/js is not a dependency.
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

const ELECTRON = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };
// Regexes, not gitignore-style groups: a group entry like `domain` (a Node builtin) also
// matches a path segment, so `../domain/token` was reported as a builtin.
const ELECTRON_SUBPATHS = { regex: '^electron/', message: ELECTRON.message };
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NODE_BUILTINS = {
  regex: `^(node:.*|(${builtinModules.map(escapeRegex).join('|')})(/.*)?)$`,
  message: 'Node builtins are not available here (shared is pure TS; renderer and sandboxed preload run in Chromium).',
};

const IPC_MESSAGE =
  'ipcMain/ipcRenderer only in electron/main/ipc.ts (handlers from the contract, sender checked) and electron/preload/index.ts (the typed api).';
const IPC_NAMES = ['ipcMain', 'ipcRenderer'];
const IPC_IMPORTS = { regex: '^electron(/.*)?$', importNames: IPC_NAMES, message: IPC_MESSAGE };
/** `electron.ipcMain`, `require('electron').ipcRenderer`, `x['ipcMain']`, `const { ipcMain } = require(…)`. */
const ipcSyntax = [
  { selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]', message: IPC_MESSAGE },
  { selector: 'MemberExpression[property.value=/^ipc(Main|Renderer)$/]', message: IPC_MESSAGE },
  { selector: 'ObjectPattern > Property[key.name=/^ipc(Main|Renderer)$/]', message: IPC_MESSAGE },
  { selector: 'ObjectPattern > Property[key.value=/^ipc(Main|Renderer)$/]', message: IPC_MESSAGE },
];
/** Main only: `webContents.ipc` / `webFrameMain.ipc` are per-page ipcMain's, outside the registration too. */
const frameIpcSyntax = [{ selector: "MemberExpression[property.name='ipc']", message: IPC_MESSAGE }];

/** `require('electron')`, `import('electron')` and `import x = require('electron')` slip past no-restricted-imports. */
const electronSyntax = [
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron(\\u002F|$)/]",
    message: ELECTRON.message,
  },
  { selector: 'ImportExpression[source.value=/^electron(\\u002F|$)/]', message: ELECTRON.message },
  { selector: 'TSExternalModuleReference[expression.value=/^electron(\\u002F|$)/]', message: ELECTRON.message },
];
const nodeSyntax = [
  { selector: "CallExpression[callee.name='require']", message: 'No require() here: use ES imports of allowed modules.' },
];

const restrictImports = (withNode) => ({
  'no-restricted-imports': [
    'error',
    { paths: [ELECTRON], patterns: withNode ? [ELECTRON_SUBPATHS, NODE_BUILTINS] : [ELECTRON_SUBPATHS] },
  ],
  'no-restricted-syntax': ['error', ...electronSyntax, ...ipcSyntax, ...(withNode ? nodeSyntax : [])],
});

export default defineConfig([
  { ignores: ['out/', 'dist/', 'node_modules/', '.tools/', 'artifacts/', 'coverage/'] },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
    rules: {
      ...eslintRecommended,
      // Undefined names are TypeScript's job in .ts; the .mjs/.cjs tooling scripts use Node
      // globals, and the `globals` package is not a dependency.
      'no-undef': 'off',
      // Input validation here rejects control characters on purpose, with regexes that say so.
      'no-control-regex': 'off',
    },
  },
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Later blocks replace a rule's options, so each area states its whole import policy.
  { files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'], rules: restrictImports(false) },
  { files: ['shared/**', 'renderer/**'], rules: restrictImports(true) },
  // Their tests run under Node (vitest) and may read fixtures; still no electron. The
  // renderer's test support runs the real core beside the page (renderer/src/test-support).
  { files: ['shared/**/*.test.{ts,tsx}', 'renderer/**/*.test.{ts,tsx}', 'renderer/src/test-support/**'], rules: restrictImports(false) },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NODE_BUILTINS, IPC_IMPORTS] }],
      'no-restricted-syntax': ['error', ...ipcSyntax],
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [IPC_IMPORTS] }],
      'no-restricted-syntax': ['error', ...ipcSyntax, ...frameIpcSyntax],
    },
  },
  // The two modules that own IPC.
  {
    files: ['electron/preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE_BUILTINS] }], 'no-restricted-syntax': 'off' },
  },
  { files: ['electron/main/ipc.ts'], rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' } },
]);
