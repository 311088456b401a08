/** One token in the list: status, name and scopes, platform/account/client, expiry, last check. */
import { memo } from 'react';
import type { TokenView } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { formatTimestamp, relativeExpiry } from '../../lib/format';
import { tokenPlatformLabel } from '../../store/selectors';

/** The DOM id of a token's option (aria-activedescendant). */
export const optionId = (id: string): string => `token-option-${id}`;

interface TokenRowProps {
  readonly token: TokenView;
  readonly selected: boolean;
  readonly pos: number;
  readonly setSize: number;
  readonly now: Date;
  readonly top: number;
  readonly height: number;
  readonly onPick: (id: string) => void;
  readonly onCopy: (id: string) => void;
}

/** A row of the virtualised list (absolutely positioned by the list). */
export const TokenRow = memo(function TokenRow(p: TokenRowProps) {
  const t = p.token;
  return (
    <div
      role="option"
      id={optionId(t.id)}
      aria-selected={p.selected}
      aria-posinset={p.pos}
      aria-setsize={p.setSize}
      className={`row${p.selected ? ' row-selected' : ''}`}
      style={{ transform: `translateY(${p.top}px)`, height: p.height }}
      onClick={() => p.onPick(t.id)}
      onDoubleClick={() => p.onCopy(t.id)}
    >
      <div className="row-status">
        <StatusBadge status={t.status} />
      </div>
      <div className="row-main">
        <div className="row-line">
          <span className="row-name">{t.name}</span>
          {t.scopes.length > 0 && (
            <span className="chips">
              {t.scopes.map((s) => (
                <span key={s} className="chip">
                  {s}
                </span>
              ))}
            </span>
          )}
        </div>
        <div className="row-line muted">
          <span>{tokenPlatformLabel(t)}</span>
          <span aria-hidden="true"> · </span>
          <span>{t.account}</span>
          {t.client !== null && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{t.client}</span>
            </>
          )}
        </div>
      </div>
      <div className="row-expiry">
        <span>{t.expiresAt ?? (t.neverExpires ? 'Never expires' : 'No expiry date')}</span>
        {t.expiry !== null && <span className="muted">{relativeExpiry(t.expiry, p.now)}</span>}
      </div>
      <div className="row-check muted">
        {t.lastCheck ? `Checked ${formatTimestamp(t.lastCheck.at).slice(0, 10)}` : 'Never checked'}
      </div>
    </div>
  );
});
