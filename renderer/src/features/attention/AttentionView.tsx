/**
 * The needs-attention view: tokens that want something, most urgent first (shared rule), each
 * with its reason and one next action — rotate (through the platform's API, where it can),
 * renew (the platform's token page), check, or remove / revoke behind the usual confirmations. Selecting a row shows it in the detail pane. When an
 * action makes the focused row leave the list (a check found it fine, it was removed), focus
 * moves to the row now in its place, not to the page's start.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../store';
import { selectAttention, type AttentionEntry } from '../../store/attention';
import { selectCustomTokenPage } from '../../store/selectors';
import { AttentionRow } from './AttentionRow';
import { ListLoadState } from '../../components/ListLoadState';

/** Rows rendered at first and per "Show more" (the list is not virtualised). */
export const ATTENTION_PAGE = 100;

/** Runs an item's action; every action also selects the token. */
function useAttentionAction() {
  const select = useStore((s) => s.select);
  const openTokenPage = useStore((s) => s.openTokenPage);
  const checkToken = useStore((s) => s.checkToken);
  const openDialog = useStore((s) => s.openDialog);
  const showToast = useStore((s) => s.showToast);
  return useCallback(
    ({ item, token }: AttentionEntry) => {
      select(token.id);
      switch (item.action) {
        case 'renew':
          // Main opens a built-in platform's page, rebuilt from the account; a custom one is shown in the pane.
          if (token.platform !== 'custom') void openTokenPage(token.id);
          else
            showToast(
              selectCustomTokenPage(useStore.getState(), token) !== null
                ? `“${token.name}” is on a custom platform: its token page is shown in the details, to open in your browser.`
                : `No token page is known for “${token.name}”: renew it on its platform.`,
            );
          return;
        case 'check':
          void checkToken(token.id);
          return;
        case 'rotate':
          openDialog({ kind: 'rotate', id: token.id });
          return;
        case 'remove':
          openDialog({ kind: 'delete', id: token.id });
          return;
        case 'revoke':
          openDialog({ kind: 'revoke', id: token.id });
          return;
      }
    },
    [select, openTokenPage, checkToken, openDialog, showToast],
  );
}

/** The view (inside the list pane's tab panel). */
export function AttentionView() {
  const entries = useStore(selectAttention);
  const loaded = useStore((s) => s.tokensLoaded);
  const error = useStore((s) => s.tokensError);
  const selectedId = useStore((s) => s.selectedId);
  const checkingIds = useStore((s) => s.checkingIds);
  const platforms = useStore((s) => s.platforms);
  const dialogOpen = useStore((s) => s.dialog !== null);
  const select = useStore((s) => s.select);
  const onAction = useAttentionAction();
  const [shown, setShown] = useState(ATTENTION_PAGE);
  const listRef = useRef<HTMLUListElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const lastFocus = useRef<number | null>(null);
  const noCheck = useMemo(() => new Set(platforms.filter((p) => !p.check).map((p) => p.id)), [platforms]);

  useEffect(() => {
    const active = document.activeElement;
    if (lastFocus.current === null || dialogOpen || (active !== null && active !== document.body)) return;
    const picks = listRef.current?.querySelectorAll<HTMLElement>('.attention-pick');
    const target = picks && picks.length > 0 ? picks[Math.min(lastFocus.current, picks.length - 1)] : emptyRef.current;
    target?.focus();
  }, [entries, dialogOpen]);

  const onFocus = (e: React.FocusEvent<HTMLUListElement>) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    if (li) lastFocus.current = Number(li.dataset.index);
  };
  const onBlur = (e: React.FocusEvent<HTMLUListElement>) => {
    const to = e.relatedTarget as HTMLElement | null;
    // Focus went somewhere else on purpose (not into a confirmation this list opened).
    if (to !== null && !e.currentTarget.contains(to) && to.closest('[role="dialog"]') === null) lastFocus.current = null;
  };

  if (error !== null || !loaded) return <ListLoadState error={error} loaded={loaded} />;
  if (entries.length === 0) {
    return (
      <div className="list-empty">
        <p className="list-empty-title" ref={emptyRef} tabIndex={-1}>
          Nothing needs attention
        </p>
        <p>No token is expired, expiring within 7 days, rejected or revoked by its platform.</p>
      </div>
    );
  }
  const visible = entries.slice(0, shown);
  return (
    <div className="attention-view">
      <p className="list-count" aria-live="polite">
        {entries.length} token{entries.length === 1 ? ' needs' : 's need'} attention, most urgent first.
      </p>
      <p className="field-help">
        Rotate asks the platform for a new value and stores it. Renew opens the platform’s token page: create a new token there, then Edit this one with the new value.
      </p>
      <ul ref={listRef} className="attention-list" aria-label="Tokens that need attention" onFocus={onFocus} onBlur={onBlur}>
        {visible.map((entry, i) => (
          <AttentionRow
            key={entry.token.id}
            entry={entry}
            index={i}
            selected={entry.token.id === selectedId}
            busy={entry.item.action === 'check' && checkingIds.includes(entry.token.id)}
            unavailable={entry.item.action === 'check' && noCheck.has(entry.token.platform)}
            onPick={select}
            onAction={onAction}
          />
        ))}
      </ul>
      {entries.length > shown && (
        <div className="button-row">
          <button type="button" onClick={() => setShown((n) => n + ATTENTION_PAGE)}>
            Show {Math.min(ATTENTION_PAGE, entries.length - shown)} more
          </button>
        </div>
      )}
    </div>
  );
}
