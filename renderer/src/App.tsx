/** Placeholder screen until the vault UI lands: points people to the CLI. */
import { appVersion } from './api/client';

/** The whole app, for now. */
export function App() {
  const version = appVersion();
  return (
    <main className="placeholder" aria-labelledby="app-title">
      <h1 id="app-title">PAT Vault</h1>
      <p>The desktop app is coming. Until then, manage your tokens with the command line:</p>
      <pre>
        <code>patvault --help</code>
      </pre>
      {version !== undefined && <p className="version">Version {version}</p>}
    </main>
  );
}
