/** Renders the whole app over a freshly seeded real core, for component tests. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';
import { installApp } from './app-harness';
import type { SeedOptions } from './seed';

/** Seeds a core with `opts`, installs its api, renders <App/>, and returns handles. */
export async function renderApp(opts: SeedOptions = {}) {
  const harness = await installApp(opts);
  const user = userEvent.setup();
  const view = render(<App />);
  return { ...harness, user, view, screen };
}
