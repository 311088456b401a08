/**
 * One token in the needs-attention list: a button that selects it (the detail pane shows it),
 * with its reason in words, and the one next action as a second button.
 */
import { memo } from 'react';
import type { AttentionAction } from '../../../../shared/domain/attention';
import type { AttentionEntry } from '../../store/attention';
import { tokenPlatformLabel } from '../../store/selectors';
import { ACTION_LABEL, REASON_TONE, actionName, reasonDetail, reasonText } from './attention-text';

interface AttentionRowProps {
  readonly entry: AttentionEntry;
  readonly index: number;
  readonly selected: boolean;
  /** The action is running (a check): its button shows busy. */
  readonly busy: boolean;
  /** The action cannot run for this token (a platform without a check). */
  readonly unavailable: boolean;
  readonly onPick: (id: string) => void;
  readonly onAction: (entry: AttentionEntry) => void;
}

/** A list item. */
export const AttentionRow = memo(function AttentionRow({ entry, index, selected, busy, unavailable, onPick, onAction }: AttentionRowProps) {
  const { item, token } = entry;
  const detail = reasonDetail(item, token);
  const action: AttentionAction = item.action;
  return (
    <li className={`attention-row tone-${REASON_TONE[item.reason]}${selected ? ' attention-row-selected' : ''}`} data-index={index}>
      <button type="button" className="attention-pick" aria-current={selected ? 'true' : undefined} onClick={() => onPick(token.id)}>
        <span className="attention-name">{token.name}</span>
        <span className="attention-reason">
          {reasonText(item, token)}
          {detail !== null && <span className="muted"> ({detail})</span>}
        </span>
        <span className="attention-meta muted">
          {tokenPlatformLabel(token)} · {token.account}
          {token.client !== null && ` · ${token.client}`}
        </span>
      </button>
      <button
        type="button"
        className={action === 'remove' || action === 'revoke' ? 'danger' : action === 'renew' || action === 'rotate' ? 'primary' : undefined}
        aria-label={actionName(action, token.name)}
        disabled={busy || unavailable}
        aria-busy={busy}
        onClick={() => onAction(entry)}
      >
        {ACTION_LABEL[action]}
      </button>
    </li>
  );
});
