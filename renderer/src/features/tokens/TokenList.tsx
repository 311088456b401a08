/**
 * The token list: a listbox virtualised with @tanstack/react-virtual, so only the rows in view
 * (plus a few) are in the DOM whatever the vault size. Focus stays on the listbox; the
 * selected option is its aria-activedescendant. Arrows move, Enter copies.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useStore } from '../../store';
import { selectIsFiltered, selectRows, type Row } from '../../store/selectors';
import { TOKEN_LIST_ID } from './Toolbar';
import { optionId, TokenRow } from './TokenRow';
import { ListLoadState } from '../../components/ListLoadState';

/** Row heights in px: fixed, so nothing is measured while scrolling. */
export const ROW_HEIGHT = 64;
export const GROUP_HEIGHT = 34;
const OVERSCAN = 6;
const PAGE = 10;

/** Index of the next token row from `from` in direction `step`, or -1. */
function nextTokenIndex(rows: readonly Row[], from: number, step: number): number {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (rows[i]?.kind === 'token') return i;
  return -1;
}

/** The list, or its empty state. */
export function TokenList() {
  const rows = useStore(selectRows);
  const tokenCount = useStore((s) => s.tokens.length);
  const loaded = useStore((s) => s.tokensLoaded);
  const error = useStore((s) => s.tokensError);
  const filtered = useStore(selectIsFiltered);
  const query = useStore((s) => s.query);
  const selectedId = useStore((s) => s.selectedId);
  const select = useStore((s) => s.select);
  const copyToken = useStore((s) => s.copyToken);
  const setQuery = useStore((s) => s.setQuery);
  const setFilter = useStore((s) => s.setFilter);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    overscan: OVERSCAN,
  });

  // One date per list change, so memoised rows are not re-rendered for a new Date each time.
  const now = useMemo(() => new Date(), [rows]);
  const shownTokens = useMemo(() => rows.reduce((n, r) => n + (r.kind === 'token' ? 1 : 0), 0), [rows]);
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : rows.findIndex((r) => r.kind === 'token' && r.token.id === selectedId)),
    [rows, selectedId],
  );

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const pickIndex = useCallback(
    (i: number) => {
      const r = rows[i];
      if (r?.kind === 'token') select(r.token.id);
    },
    [rows, select],
  );
  const onCopy = useCallback((id: string) => void copyToken(id), [copyToken]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const first = nextTokenIndex(rows, -1, 1);
    const last = nextTokenIndex(rows, rows.length, -1);
    let target: number;
    switch (e.key) {
      case 'ArrowDown':
        target = selectedIndex < 0 ? first : nextTokenIndex(rows, selectedIndex, 1);
        break;
      case 'ArrowUp':
        target = selectedIndex < 0 ? last : nextTokenIndex(rows, selectedIndex, -1);
        break;
      case 'Home':
        target = first;
        break;
      case 'End':
        target = last;
        break;
      case 'PageDown':
        target = nextTokenIndex(rows, Math.min(rows.length, Math.max(selectedIndex, 0) + PAGE) - 1, 1);
        if (target < 0) target = last;
        break;
      case 'PageUp':
        target = nextTokenIndex(rows, Math.max(-1, selectedIndex - PAGE) + 1, -1);
        if (target < 0) target = first;
        break;
      case 'Enter':
        if (selectedId !== null) {
          e.preventDefault();
          void copyToken(selectedId);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    if (target >= 0) pickIndex(target);
  };

  if (error !== null || !loaded) return <ListLoadState error={error} loaded={loaded} />;
  if (tokenCount === 0) {
    return (
      <div className="list-empty">
        <p className="list-empty-title">No tokens yet — add your first.</p>
        <p>Use “Add token” above, then paste the token: its platform is recognised for you.</p>
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <div className="list-empty">
        <p className="list-empty-title">
          {query.trim() !== '' ? `No token matches “${query.trim()}”` : 'No token matches these filters'}
          {query.trim() !== '' && filtered && ' with these filters'}.
        </p>
        <button
          type="button"
          onClick={() => {
            setQuery('');
            setFilter('platform', '');
            setFilter('client', '');
            setFilter('status', '');
          }}
        >
          Clear search and filters
        </button>
      </div>
    );
  }

  const items = virtualizer.getVirtualItems();
  const selected = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
  return (
    <>
      <p className="list-count" aria-live="polite">
        {filtered ? `${shownTokens} of ${tokenCount} tokens` : `${tokenCount} tokens`}
      </p>
      <div
        ref={scrollRef}
        id={TOKEN_LIST_ID}
        className="list-scroll"
        role="listbox"
        aria-label="Tokens"
        tabIndex={0}
        aria-activedescendant={selected?.kind === 'token' ? optionId(selected.token.id) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (selectedIndex < 0) pickIndex(nextTokenIndex(rows, -1, 1));
        }}
      >
        <div role="presentation" className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const r = rows[v.index];
            if (r === undefined) return null;
            if (r.kind === 'group') {
              return (
                <div
                  key={`g:${r.key}`}
                  className="group-header"
                  aria-hidden="true"
                  style={{ transform: `translateY(${v.start}px)`, height: v.size }}
                >
                  {r.label} <span className="muted">({r.count})</span>
                </div>
              );
            }
            return (
              <TokenRow
                key={r.token.id}
                token={r.token}
                pos={r.pos}
                setSize={shownTokens}
                selected={r.token.id === selectedId}
                now={now}
                top={v.start}
                height={v.size}
                onPick={select}
                onCopy={onCopy}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}
