/** Renders the whole app over a fresh fake api, for component tests. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';
import { installFakeApi, type FakeApiOptions } from './fake-api';

/** Installs a fake api with `opts`, renders <App/>, and returns handles. */
export function renderApp(opts: FakeApiOptions = {}) {
  const api = installFakeApi(opts);
  const user = userEvent.setup();
  const view = render(<App />);
  return { api, user, view, screen };
}
