/**
 * Two tabs over the list pane: "All tokens" and "Needs attention (N)". The WAI-ARIA tabs
 * pattern with automatic activation: one tab stop, arrows (and Home/End) switch and focus.
 */
import { useRef, type ReactNode } from 'react';
import { useStore } from '../../store';
import { selectAttentionCount } from '../../store/attention';
import type { MainViewKind } from '../../store/ui-slice';

/** The panel's id (the tabs control it). */
export const VIEW_PANEL_ID = 'view-panel';
const tabId = (v: MainViewKind): string => `view-tab-${v}`;
const ORDER: readonly MainViewKind[] = ['all', 'attention'];

/** The tab list. */
export function ViewTabs() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const count = useStore(selectAttentionCount);
  const loaded = useStore((s) => s.tokensLoaded);
  const refs = useRef<Partial<Record<MainViewKind, HTMLButtonElement | null>>>({});

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const i = ORDER.indexOf(view);
    const next =
      e.key === 'ArrowRight' ? ORDER[(i + 1) % ORDER.length] : e.key === 'ArrowLeft' ? ORDER[(i + ORDER.length - 1) % ORDER.length] : e.key === 'Home' ? ORDER[0] : e.key === 'End' ? ORDER[ORDER.length - 1] : undefined;
    if (next === undefined) return;
    e.preventDefault();
    setView(next);
    refs.current[next]?.focus();
  };

  const tab = (v: MainViewKind, label: ReactNode) => (
    <button
      ref={(el) => {
        refs.current[v] = el;
      }}
      type="button"
      role="tab"
      id={tabId(v)}
      aria-selected={view === v}
      aria-controls={VIEW_PANEL_ID}
      tabIndex={view === v ? 0 : -1}
      className="view-tab"
      onClick={() => setView(v)}
    >
      {label}
    </button>
  );

  return (
    <div role="tablist" aria-label="Token views" className="view-tabs" onKeyDown={onKeyDown}>
      {tab('all', 'All tokens')}
      {tab(
        'attention',
        <>
          Needs attention{' '}
          <span className={`count${loaded && count > 0 ? ' count-alert' : ''}`}>({loaded ? count : '…'})</span>
        </>,
      )}
    </div>
  );
}

/** The id of the tab labelling the panel. */
export const viewTabId = tabId;
