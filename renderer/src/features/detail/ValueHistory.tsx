/**
 * "Value history": the values the token held before, oldest first — when and why each was
 * kept (rotated, merged, replaced, edited). Collapsed by default, with the count in its
 * heading. No earlier value is in the page until the user reveals that one entry: main audits
 * the reveal, and it hides itself like the current value's (the detail slice's one reveal).
 */
import { useId, useState } from 'react';
import { historyReasonText } from '../../../../shared/domain/value-history';
import type { HistoryEntry } from '../../api/types';
import { formatTimestamp } from '../../lib/format';
import { useStore } from '../../store';
import { RevealField } from './RevealField';

/** The reason as a sentence start ("Edited by hand", "Earlier value"). */
const reasonLabel = (e: HistoryEntry): string => {
  const text = historyReasonText(e.reason);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** The section; `entries` null while the details load. */
export function ValueHistory({ tokenId, entries }: { tokenId: string; entries: readonly HistoryEntry[] | null }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const reveal = useStore((s) => (s.reveal?.id === tokenId && s.reveal.historyIndex !== undefined ? s.reveal : null));
  const revealHistory = useStore((s) => s.revealHistory);
  const hideReveal = useStore((s) => s.hideReveal);

  return (
    <section className="value-history">
      <h3>
        <button type="button" className="disclosure" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true" className="disclosure-mark">
            {open ? '▾' : '▸'}
          </span>
          Value history ({entries === null ? '…' : entries.length})
        </button>
      </h3>
      <div id={listId} hidden={!open}>
        {entries === null ? (
          <p className="muted">Loading…</p>
        ) : entries.length === 0 ? (
          <p className="muted">No earlier values: this token has had one value since it was added.</p>
        ) : (
          <ol className="audit history">
            {entries.map((e, i) => {
              const when = formatTimestamp(e.at);
              return (
                <li key={`${i}-${e.at}`}>
                  <time dateTime={e.at}>{when}</time> <span>{reasonLabel(e)}</span>{' '}
                  {reveal?.historyIndex === i ? (
                    <RevealField reveal={reveal} onHide={hideReveal} label={`Earlier value ${i + 1} (kept ${when})`} />
                  ) : (
                    <button type="button" className="link-button" aria-label={`Reveal earlier value ${i + 1} (kept ${when})`} onClick={() => void revealHistory(tokenId, i)}>
                      Reveal
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
