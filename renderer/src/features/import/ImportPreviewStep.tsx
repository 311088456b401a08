/**
 * Import, step 3: what would happen to each row — imported, a duplicate (in the file or
 * already in the vault), or skipped and why — with the counts. Never a value: main keeps
 * the parsed plan and sends only names, lines and reasons.
 */
import type { ImportPreview } from '../../store/file-flows-slice';
import { platformLabel } from '../../store/selectors';

type Action = ImportPreview['rows'][number]['action'];

/** The action column's words. */
export const ACTION_TEXT: Readonly<Record<Action, string>> = {
  import: 'Import',
  'duplicate-in-file': 'Duplicate in file',
  'duplicate-in-vault': 'Already in vault',
  skip: 'Skipped',
};

/** Rows shown at most (a file may hold many thousands; the counts cover all). */
export const PREVIEW_ROWS_SHOWN = 500;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The counts line and the table. */
export function ImportPreviewStep({ preview }: { preview: ImportPreview }) {
  const { counts, rows } = preview;
  const shown = rows.slice(0, PREVIEW_ROWS_SHOWN);
  return (
    <>
      <p className="import-counts">
        <strong>{plural(counts.import, 'token')} to import</strong>, {plural(counts.duplicates, 'duplicate')}, {counts.skipped} skipped.
        {counts.import === 0 && ' Nothing new to import: go back to change the options, or cancel.'}
      </p>
      <div className="table-scroll table-scroll-limited" role="region" aria-label="Rows of the file" tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">What happens to each row of the file</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Action</th>
              <th scope="col">Name</th>
              <th scope="col">Platform</th>
              <th scope="col">Account</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.line}:${r.label}`} className={`import-${r.action}`}>
                <td>{r.line}</td>
                <td>{ACTION_TEXT[r.action]}</td>
                <th scope="row">{r.name ?? r.label}</th>
                <td>
                  {r.platform === null ? '—' : platformLabel(r.platform)}
                  {r.detectedPlatform && <span className="muted"> (recognised)</span>}
                </td>
                <td>{r.account ?? '—'}</td>
                <td>{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && (
        <p className="field-help">
          Showing the first {shown.length} of {rows.length} rows; the counts above cover them all.
        </p>
      )}
    </>
  );
}
