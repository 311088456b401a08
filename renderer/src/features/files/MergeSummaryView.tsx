/** What a merge does (dry run) or did: counts for tokens and custom platforms, and the conflicts. */
import { forwardRef } from 'react';
import type { MergeSummary } from '../../store/file-flows-slice';

const MATCHED: Readonly<Record<MergeSummary['conflicts'][number]['matchedBy'], string>> = { id: 'same id', value: 'same value', name: 'same name' };
const KEPT: Readonly<Record<MergeSummary['conflicts'][number]['kept'], string>> = { backup: 'the backup’s', vault: 'the vault’s' };

/** The summary; its heading takes focus when it appears (the ref). */
export const MergeSummaryView = forwardRef<HTMLHeadingElement, { summary: MergeSummary }>(function MergeSummaryView({ summary: m }, ref) {
  const p = m.platforms;
  return (
    <section className="merge-summary" aria-labelledby="merge-summary-title">
      <h3 id="merge-summary-title" ref={ref} tabIndex={-1}>
        {m.dryRun ? 'Preview: what merging would do' : 'Merged'}
      </h3>
      <ul className="counts">
        <li>
          <strong>{m.added}</strong> token{m.added === 1 ? '' : 's'} to add
        </li>
        <li>
          <strong>{m.updated}</strong> to update
        </li>
        <li>
          <strong>{m.skipped}</strong> left as they are
        </li>
      </ul>
      <p className="field-help">
        Custom platforms: {p.added} to add, {p.updated} to update, {p.skipped} left as they are.
      </p>
      {m.conflicts.length === 0 ? (
        <p>No conflicts: no token differs between the backup and the vault.</p>
      ) : (
        <div className="table-scroll table-scroll-limited" role="region" aria-label="Conflicts" tabIndex={0}>
          <table className="data-table">
            <caption>
              {m.conflicts.length} conflict{m.conflicts.length === 1 ? '' : 's'}: the same token, changed in both
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Matched by</th>
                <th scope="col">Kept</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {m.conflicts.map((c) => (
                <tr key={`${c.kind}:${c.id}:${c.backupId}`}>
                  <th scope="row">{c.name}</th>
                  <td>{c.kind === 'token' ? 'Token' : 'Custom platform'}</td>
                  <td>{MATCHED[c.matchedBy]}</td>
                  <td>{KEPT[c.kept]} copy</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
