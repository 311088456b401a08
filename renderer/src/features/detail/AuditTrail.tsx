/** A token's audit trail, newest first. */
import type { AuditEntry } from '../../api/types';
import { formatTimestamp } from '../../lib/format';

const ACTION_LABEL: Record<string, string> = {
  'vault-create': 'Vault created',
  create: 'Added',
  edit: 'Edited',
  delete: 'Deleted',
  get: 'Read (command line)',
  copy: 'Copied',
  reveal: 'Revealed',
  export: 'Exported',
  import: 'Imported',
  'password-change': 'Password changed',
  'keychain-enable': 'Quick unlock enabled',
  'keychain-disable': 'Quick unlock disabled',
};

/** The list of audit entries, or a line saying there are none. */
export function AuditTrail({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <p className="muted">No recorded activity.</p>;
  const newest = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="audit">
      {newest.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{formatTimestamp(e.at)}</time> <span>{ACTION_LABEL[e.action] ?? e.action}</span>
          {e.detail && <span className="muted"> — {e.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
