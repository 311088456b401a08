/** The header: search, filters, grouping, and the app's main buttons. */
import { PLATFORMS } from '../../../../shared/domain/platform-ids';
import { TOKEN_STATUSES, type TokenStatus } from '../../../../shared/domain/status';
import { STATUS_LABEL } from '../../lib/format';
import { useStore } from '../../store';
import { selectClients } from '../../store/selectors';
import type { Grouping } from '../../store/tokens-slice';
import { VaultMenu } from './VaultMenu';

/** The search field's id, for Ctrl/Cmd+F. */
export const SEARCH_INPUT_ID = 'token-search';
/** The list's id, for moving focus from the search field. */
export const TOKEN_LIST_ID = 'token-list';

/** The app header of the unlocked view. */
export function Toolbar() {
  const query = useStore((s) => s.query);
  const filters = useStore((s) => s.filters);
  const grouping = useStore((s) => s.grouping);
  const clients = useStore(selectClients);
  const setQuery = useStore((s) => s.setQuery);
  const setFilter = useStore((s) => s.setFilter);
  const setGrouping = useStore((s) => s.setGrouping);
  const openDialog = useStore((s) => s.openDialog);
  const lock = useStore((s) => s.lock);
  const checkAll = useStore((s) => s.checkAll);
  const progress = useStore((s) => s.checkAllProgress);
  const hasTokens = useStore((s) => s.tokens.length > 0);

  const onSearchKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    // Arrow down leaves the search field for the list, keeping the filtered results.
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      document.getElementById(TOKEN_LIST_ID)?.focus();
    } else if (e.key === 'Escape' && query !== '') {
      e.preventDefault();
      setQuery('');
    }
  };

  return (
    <header className="app-header">
      <h1 className="app-title">PAT Vault</h1>
      <div role="search" className="search">
        <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
          Search tokens
        </label>
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          placeholder="Search tokens (Ctrl+F)"
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <div className="filters">
        <label>
          <span>Filter by platform</span>
          <select value={filters.platform} onChange={(e) => setFilter('platform', e.target.value)}>
            <option value="">All platforms</option>
            {PLATFORMS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Filter by client</span>
          <select value={filters.client} onChange={(e) => setFilter('client', e.target.value)}>
            <option value="">All clients</option>
            {clients.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Filter by status</span>
          <select value={filters.status} onChange={(e) => setFilter('status', e.target.value as TokenStatus | '')}>
            <option value="">All statuses</option>
            {TOKEN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Group by</span>
          <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
            <option value="none">No grouping</option>
            <option value="client">Client</option>
            <option value="platform">Platform</option>
          </select>
        </label>
      </div>
      <div className="header-actions">
        {progress !== null && (
          <div
            role="progressbar"
            aria-label="Checking tokens"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={`${progress.done} of ${progress.total} checked`}
            className="check-progress"
          >
            <span className="check-progress-bar" style={{ width: `${progress.total === 0 ? 100 : (progress.done / progress.total) * 100}%` }} />
            <span className="check-progress-text">
              {progress.done}/{progress.total}
            </span>
          </div>
        )}
        <button type="button" disabled={progress !== null || !hasTokens} aria-busy={progress !== null} onClick={() => void checkAll()}>
          Check all
        </button>
        <button type="button" className="primary" onClick={() => openDialog({ kind: 'add' })}>
          Add token
        </button>
        <VaultMenu />
        <button type="button" onClick={() => openDialog({ kind: 'settings' })}>
          Settings
        </button>
        <button type="button" onClick={() => void lock()} aria-keyshortcuts="Control+L Meta+L">
          Lock
        </button>
      </div>
    </header>
  );
}
