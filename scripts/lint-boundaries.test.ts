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

describe('shared imports that only look like builtins', () => {
  it('a relative path with a builtin-named segment (../domain/x) is not a Node builtin', async () => {
    const code = "import { LIMITS } from '../domain/limits';\nexport const l = LIMITS;\n";
    expect(await errors('shared/ipc/x.ts', code)).toEqual([]);
    expect(await errors('renderer/src/x.ts', "import { a } from './events/a';\nexport const b = a;\n")).toEqual([]);
  });

  it('subpath builtins are still refused', async () => {
    expect(await errors('shared/x.ts', "import { readFile } from 'fs/promises';\nexport const r = readFile;\n")).toContain(
      'no-restricted-imports',
    );
  });
});

describe('ipcMain / ipcRenderer', () => {
  const ipcUses = {
    'named import': "import { ipcMain } from 'electron';\nexport const m = ipcMain;\n",
    'renamed import': "import { ipcRenderer as r } from 'electron';\nexport const m = r;\n",
    'subpath import': "import { ipcMain } from 'electron/main';\nexport const m = ipcMain;\n",
    'renderer subpath import': "import { ipcRenderer } from 'electron/renderer';\nexport const m = ipcRenderer;\n",
    'namespace member': "import * as electron from 'electron';\nexport const m = electron.ipcMain;\n",
    'default member': "import electron from 'electron';\nexport const m = electron.ipcRenderer;\n",
    'computed member': "import electron from 'electron';\nexport const m = electron['ipcMain'];\n",
    'require member': "export const m = require('electron').ipcMain;\n",
    'require destructuring': "const { ipcRenderer } = require('electron');\nexport const m = ipcRenderer;\n",
  };
  const restricted = (ids: string[]): boolean => ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-syntax');

  for (const file of ['electron/main/window.ts', 'electron/main/adapters/x.ts', 'electron/preload/other.ts', 'electron/core/x.ts', 'renderer/src/x.ts']) {
    for (const [kind, code] of Object.entries(ipcUses)) {
      it(`is an error in ${file} (${kind})`, async () => {
        expect(restricted(await errors(file, code))).toBe(true);
      });
    }
  }

  it("per-page ipc (webContents.ipc) is an error in main outside ipc.ts", async () => {
    const code = "import type { WebContents } from 'electron';\nexport const f = (c: WebContents) => c.ipc.handle('x', () => 1);\n";
    expect(await errors('electron/main/window.ts', code)).toContain('no-restricted-syntax');
    expect(await errors('electron/main/ipc.ts', code)).toEqual([]);
  });

  it('is allowed in electron/main/ipc.ts', async () => {
    for (const kind of ['named import', 'subpath import', 'namespace member', 'computed member'] as const) {
      expect(await errors('electron/main/ipc.ts', ipcUses[kind])).toEqual([]);
    }
  });

  it('is allowed in electron/preload/index.ts, which still may not use Node builtins', async () => {
    for (const kind of ['named import', 'renamed import', 'namespace member'] as const) {
      expect(await errors('electron/preload/index.ts', ipcUses[kind])).toEqual([]);
    }
    expect(await errors('electron/preload/index.ts', "import { join } from 'node:path';\nexport const j = join;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('other electron imports stay allowed in main and preload', async () => {
    expect(await errors('electron/main/window.ts', "import { app, BrowserWindow } from 'electron';\nexport const a = [app, BrowserWindow];\n")).toEqual([]);
    expect(await errors('electron/preload/other.ts', "import { contextBridge } from 'electron';\nexport const c = contextBridge;\n")).toEqual([]);
  });
});
