/**
 * Where the e2e tests find what they need, and whether they can run here: the repository root,
 * Debian's Chromium (never a browser download), and whether we are in CI, where a missing
 * browser must fail the run instead of skipping it quietly.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root (found from the working directory, so bundled copies — the bench — work too). */
export const ROOT = findRoot();
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ci = (process.env.CI ?? '').trim().toLowerCase();
export const IN_CI = ci !== '' && ci !== '0' && ci !== 'false';

function findRoot(): string {
  for (let d = resolve(process.cwd()); ; d = dirname(d)) {
    if (existsSync(join(d, 'electron.vite.config.ts')) && existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) throw new Error('e2e: run from inside the pat-vault repository');
  }
}

/** The message shown when the tests skip (outside CI) for want of a browser. */
export const CHROMIUM_HINT = `end-to-end tests need Chromium at ${CHROMIUM_PATH}: install chromium (apt-get install chromium), or set CHROMIUM_PATH`;

/** True when the e2e tests can run. Outside CI a missing Chromium skips them with a note; in CI it fails them. */
export function chromiumAvailable(): boolean {
  const ok = existsSync(CHROMIUM_PATH);
  if (!ok && !IN_CI) console.warn(`e2e: SKIPPED — ${CHROMIUM_HINT}`);
  return ok || IN_CI;
}
