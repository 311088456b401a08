/**
 * The selected token: every field, notes, audit trail, and its actions. The value is never
 * here except while revealed (the detail slice's transient reveal).
 */
import { YWH_ACCESS_LABEL, YWH_ROLE_LABEL, YWH_SCOPE_LABEL } from '../../../../shared/domain/yeswehack';
import { StatusBadge } from '../../components/StatusBadge';
import { TokenPageField } from '../../components/TokenPageField';
import { describeLastCheck, expirySourceText, expiryText, formatTimestamp } from '../../lib/format';
import type { CheckResult } from '../../../../shared/domain/status';
import { useStore } from '../../store';
import { selectCustomTokenPage, selectSelectedToken, selectTokenPage, tokenPlatformLabel } from '../../store/selectors';

/** A check result in words. */
const resultLabel = (r: CheckResult): string => r.charAt(0).toUpperCase() + r.slice(1);
import { AuditTrail } from './AuditTrail';
import { RevealField } from './RevealField';
import { ValueHistory } from './ValueHistory';

/** The complementary pane beside the list. */
export function DetailPane() {
  const token = useStore(selectSelectedToken);
  const details = useStore((s) => s.details);
  const detailsError = useStore((s) => s.detailsError);
  const reveal = useStore((s) => s.reveal);
  const copyToken = useStore((s) => s.copyToken);
  const revealToken = useStore((s) => s.revealToken);
  const hideReveal = useStore((s) => s.hideReveal);
  const openDialog = useStore((s) => s.openDialog);
  const openTokenPage = useStore((s) => s.openTokenPage);
  const checkToken = useStore((s) => s.checkToken);
  const copySnippet = useStore((s) => s.copySnippet);
  const checking = useStore((s) => token !== null && s.checkingIds.includes(token.id));
  const platform = useStore((s) => (token === null ? null : (s.platforms.find((p) => p.id === token.platform) ?? null)));
  const customPage = useStore((s) => (token === null ? null : selectCustomTokenPage(s, token)));

  if (token === null) {
    return (
      <aside className="detail" aria-labelledby="detail-title">
        <h2 id="detail-title">Token details</h2>
        <p className="muted">Select a token to see its details. Arrow keys move through the list; Enter copies.</p>
      </aside>
    );
  }

  const d = details?.id === token.id ? details : null;
  const page = selectTokenPage(token);
  // The current value's reveal; an earlier value's shows in its history entry.
  const shownReveal = reveal?.id === token.id && reveal.historyIndex === undefined ? reveal : null;
  // Platform specifics, shown only when set.
  const specifics: [string, React.ReactNode][] = [];
  if (token.programSlug !== null) specifics.push(['Program slug', token.programSlug]);
  if (token.platformTokenId !== null) specifics.push(['Platform token id', <code key="ptid">{token.platformTokenId}</code>]);
  if (token.ywhRole !== null) specifics.push(['Role', YWH_ROLE_LABEL[token.ywhRole]]);
  if (token.ywhScope !== null) specifics.push(['Reaches', YWH_SCOPE_LABEL[token.ywhScope]]);
  if (token.ywhAccess !== null) specifics.push(['Access type', YWH_ACCESS_LABEL[token.ywhAccess]]);
  const rows: [string, React.ReactNode][] = [
    ['Status', <StatusBadge key="s" status={token.status} />],
    ['Platform', tokenPlatformLabel(token)],
    ['Account', token.account],
    ['Client', token.client ?? '—'],
    ['Username', token.username ?? '—'],
    ['Base URL', token.baseUrl ?? '—'],
    ...specifics,
    [
      'Scopes',
      token.scopes.length === 0 ? (
        '—'
      ) : (
        <span className="chips chips-wrap" key="c">
          {token.scopes.map((s) => (
            <span key={s} className="chip">
              {s}
            </span>
          ))}
        </span>
      ),
    ],
    ['Expires', expiryText(token, new Date())],
    ...((): [string, React.ReactNode][] => {
      const source = expirySourceText(token);
      return source === null ? [] : [['Expiry source', source]];
    })(),
    [
      'Last check',
      // Never checked is not a problem (it needs no attention): said quietly, with the way to check.
      token.lastCheck === null && platform?.check !== false ? (
        <span key="lc">
          Not checked yet —{' '}
          <button type="button" className="link-button" disabled={checking} onClick={() => void checkToken(token.id)}>
            Check now
          </button>
        </span>
      ) : (
        describeLastCheck(token.lastCheck)
      ),
    ],
    ['Check result', token.lastCheck ? resultLabel(token.lastCheck.result) : '—'],
    ['Reason', token.lastCheck?.reason ?? '—'],
    ['Owner', token.lastCheck?.owner ?? '—'],
    // Only GitLab reports when it last saw a token used.
    ...(token.platform === 'gitlab' ? ([['Last used', token.lastUsedAt ? formatTimestamp(token.lastUsedAt) : '—']] as [string, React.ReactNode][]) : []),
    ['Created', formatTimestamp(token.createdAt)],
    ['Updated', formatTimestamp(token.updatedAt)],
    ['ID', <code key="id">{token.id}</code>],
  ];

  return (
    <aside className="detail" aria-labelledby="detail-title">
      <h2 id="detail-title" className="detail-title">
        {token.name}
      </h2>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void copyToken(token.id)}>
          Copy
        </button>
        {shownReveal === null && (
          <button type="button" onClick={() => void revealToken(token.id)}>
            Reveal
          </button>
        )}
        <button type="button" onClick={() => openDialog({ kind: 'edit', id: token.id })}>
          Edit
        </button>
        <button type="button" className="danger" onClick={() => openDialog({ kind: 'delete', id: token.id })}>
          Delete
        </button>
        {/* Main rebuilds a built-in platform's page from this account and opens it; a custom page is shown below as text. */}
        {page !== null && (
          <button type="button" aria-describedby="detail-token-page" onClick={() => void openTokenPage(token.id)}>
            Open token page
          </button>
        )}
      </div>
      <div className="button-row" role="group" aria-label="Platform actions">
        <button type="button" disabled={checking || platform?.check === false} aria-busy={checking} onClick={() => void checkToken(token.id)}>
          Check
        </button>
        <button type="button" className="danger" disabled={token.status === 'revoked'} onClick={() => openDialog({ kind: 'revoke', id: token.id })}>
          Revoke…
        </button>
        {/* Rotating again with a value the platform may already have rotated away is what GitLab's reuse detection punishes. */}
        {platform?.rotate === true && (
          <button
            type="button"
            disabled={token.rotationUnconfirmed !== null}
            aria-describedby={token.rotationUnconfirmed !== null ? 'rotation-unconfirmed-text' : undefined}
            onClick={() => openDialog({ kind: 'rotate', id: token.id })}
          >
            Rotate…
          </button>
        )}
        <button type="button" onClick={() => void copySnippet(token.id, 'curl')}>
          Copy as curl
        </button>
        <button type="button" onClick={() => void copySnippet(token.id, 'header')}>
          Copy header
        </button>
      </div>
      {shownReveal !== null && <RevealField reveal={shownReveal} onHide={hideReveal} />}
      {token.rotationUnconfirmed !== null && (
        <section className="alert alert-error" aria-labelledby="rotation-unconfirmed">
          <h3 id="rotation-unconfirmed">Rotation unconfirmed</h3>
          <p id="rotation-unconfirmed-text">
            Since {formatTimestamp(token.rotationUnconfirmed.at)}: {token.rotationUnconfirmed.reason}
          </p>
        </section>
      )}
      <dl className="meta">
        {rows.map(([k, v]) => (
          <div key={k} className="meta-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {page !== null && (
        <p id="detail-token-page" className="field-help">
          Token page: <span className="mono">{page.url}</span>
          {page.where !== null && <> — then {page.where}</>}
        </p>
      )}
      {customPage !== null && <TokenPageField url={customPage} />}
      <h3>Notes</h3>
      {detailsError !== null ? (
        <p role="alert" className="alert alert-error">
          {detailsError}
        </p>
      ) : d === null ? (
        <p className="muted">Loading…</p>
      ) : d.notes.trim() === '' ? (
        <p className="muted">No notes.</p>
      ) : (
        <p className="notes">{d.notes}</p>
      )}
      <ValueHistory key={token.id} tokenId={token.id} entries={d?.history ?? null} />
      <h3>Audit trail</h3>
      {d === null ? <p className="muted">{detailsError === null ? 'Loading…' : '—'}</p> : <AuditTrail entries={d.audit} />}
    </aside>
  );
}
