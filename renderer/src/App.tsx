/** The app: asks main where the vault stands, then shows first run, unlock or the token view. */
import { useEffect } from 'react';
import { reportActivity } from './api/activity';
import { FirstRun } from './features/first-run/FirstRun';
import { MainView } from './features/tokens/MainView';
import { Unlock } from './features/unlock/Unlock';
import { RollbackBanner } from './components/RollbackBanner';
import { Toasts } from './components/Toasts';
import { useStore } from './store';
import { connectEvents } from './store/events';

/** The whole app. */
export function App() {
  const phase = useStore((s) => s.phase);

  useEffect(() => {
    const off = connectEvents();
    const stopActivity = reportActivity();
    const s = useStore.getState();
    void s.loadSettings(); // readable before unlock: the theme applies on the lock screen too
    void s.refreshStatus();
    return () => {
      off();
      stopActivity();
    };
  }, []);

  return (
    <>
      {phase === 'loading' && (
        <main className="gate" aria-busy="true" aria-labelledby="loading-title">
          <h1 id="loading-title">PAT Vault</h1>
          <p>Opening…</p>
        </main>
      )}
      {phase === 'none' && <FirstRun />}
      {phase === 'locked' && <Unlock />}
      {phase === 'unlocked' && <RollbackBanner />}
      {phase === 'unlocked' && <MainView />}
      <Toasts />
    </>
  );
}
