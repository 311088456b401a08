/**
 * One call per test to get the page's `window.api` over a seeded real core: starts the
 * backend, seeds it (seed.ts), installs the api. `useUiTestCleanup` (setup.ts) disposes every
 * backend a test started.
 */
import { startBackend, type Backend } from './backend';
import { seed, type IdOf, type SeedOptions } from './seed';
import { createWindowApi, installWindowApi, type TestApi } from './window-api';

/** What a test gets: the page's api, the core behind it, and the seeded tokens' ids. */
export interface AppHarness {
  readonly api: TestApi;
  readonly backend: Backend;
  readonly idOf: IdOf;
}

const running: Backend[] = [];

/** Starts and seeds a core, and puts its api on `window` (replacing any earlier one). */
export async function installApp(opts: SeedOptions = {}): Promise<AppHarness> {
  const backend = startBackend();
  running.push(backend);
  const idOf = await seed(backend, opts);
  const api = createWindowApi(backend);
  installWindowApi(api);
  return { api, backend, idOf };
}

/** Disposes every core started since the last call. */
export async function disposeApps(): Promise<void> {
  for (const b of running.splice(0)) await b.dispose();
}
