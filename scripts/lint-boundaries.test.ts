/**
 * Proves the process boundaries in eslint.config.mjs fire: 'electron' only in main and
 * preload, no Node builtins in shared/renderer. Lints snippets as if they lived at given paths.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Rule ids of the errors ESLint reports for `code` placed at `file`. */
async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  if (result === undefined) throw new Error('ESLint returned no result');
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const electronImports = {
  'static import': "import { app } from 'electron';\nexport const a = app;\n",
  'type import': "import type { App } from 'electron';\nexport type A = App;\n",
  're-export': "export { app } from 'electron';\n",
  'subpath import': "import { app } from 'electron/main';\nexport const a = app;\n",
  'require()': "const electron = require('electron');\nexport const a = electron;\n",
  'dynamic import()': "export const load = () => import('electron');\n",
  'import = require': "import electron = require('electron');\nexport const a = electron;\n",
};

describe("importing 'electron'", () => {
  for (const file of ['electron/core/x.ts', 'electron/cli/x.ts', 'shared/x.ts', 'renderer/src/x.tsx']) {
    for (const [kind, code] of Object.entries(electronImports)) {
      it(`is an error from ${file} (${kind})`, async () => {
        const found = await errors(file, code);
        expect(found.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-syntax')).toBe(true);
      });
    }
  }

  for (const file of ['electron/main/x.ts', 'electron/preload/x.ts']) {
    it(`is allowed from ${file}`, async () => {
      expect(await errors(file, electronImports['static import'])).toEqual([]);
      expect(await errors(file, electronImports['subpath import'])).toEqual([]);
    });
  }
});

describe('Node builtins', () => {
  const code = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
  const bare = "import { join } from 'path';\nexport const j = join;\n";

  it('are an error in shared and renderer, with or without the node: prefix', async () => {
    for (const file of ['shared/x.ts', 'renderer/src/x.tsx', 'electron/preload/x.ts']) {
      expect(await errors(file, code)).toContain('no-restricted-imports');
      expect(await errors(file, bare)).toContain('no-restricted-imports');
    }
  });

  it('are allowed in core, cli and main', async () => {
    for (const file of ['electron/core/x.ts', 'electron/cli/x.ts', 'electron/main/x.ts']) {
      expect(await errors(file, code)).toEqual([]);
    }
  });

  it('may be used by shared tests, which run under Node', async () => {
    expect(await errors('shared/x.test.ts', code)).toEqual([]);
    expect(await errors('shared/x.test.ts', electronImports['static import'])).toContain('no-restricted-imports');
  });
});
