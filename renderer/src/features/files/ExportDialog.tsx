/**
 * Export the inventory: a format, all tokens or one client's, then main's save dialog. The
 * export never holds a value. Cancelling the save dialog leaves this dialog open, saying
 * nothing; a saved file is confirmed with its path in a toast.
 */
import { useId, useState, type FormEvent } from 'react';
import { EXPORT_FORMATS } from '../../../../shared/ipc/file-schemas';
import { Dialog } from '../../components/Dialog';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { FormButtons } from '../../components/FormButtons';
import { useStore } from '../../store';
import type { ExportFormat } from '../../store/file-flows-slice';
import { selectClients } from '../../store/selectors';

const FORMAT_LABEL: Readonly<Record<ExportFormat, { label: string; help: string }>> = {
  csv: { label: 'CSV', help: 'a spreadsheet, one token per row' },
  json: { label: 'JSON', help: 'for scripts' },
  html: { label: 'Printable page (HTML)', help: 'to print or keep as a report' },
  ics: { label: 'Calendar (.ics)', help: 'one event per expiry date, for your calendar' },
};

/** The export dialog. */
export function ExportDialog() {
  const clients = useStore(selectClients);
  const exportInventory = useStore((s) => s.exportInventory);
  const closeDialog = useStore((s) => s.closeDialog);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [client, setClient] = useState('');
  const { error, busy, run } = useDialogAction();
  const base = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await exportInventory({ format, ...(client !== '' ? { client } : {}) });
      if (r.saved) closeDialog();
      else return ''; // cancelled in the save dialog: stay, say nothing
    });
  };

  return (
    <Dialog title="Export tokens" onClose={closeDialog}>
      <form onSubmit={onSubmit} noValidate className="settings-form">
        <p>
          Saves a list of your tokens — name, platform, account, client, scopes, expiry and status. <strong>Token values are never exported.</strong>
        </p>
        <fieldset className="choice-group">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <div className="choice" key={f}>
              <input id={`${base}-${f}`} type="radio" name={`${base}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} aria-describedby={`${base}-${f}-help`} />
              <label htmlFor={`${base}-${f}`}>{FORMAT_LABEL[f].label}</label>
              <span id={`${base}-${f}-help`} className="field-help">
                {FORMAT_LABEL[f].help}
              </span>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${base}-client`}>Client</label>
          <select id={`${base}-client`} value={client} onChange={(e) => setClient(e.target.value)}>
            <option value="">All tokens</option>
            {clients.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <DialogError error={error} />
        <FormButtons onCancel={closeDialog} busy={busy} submitLabel="Save…" />
      </form>
    </Dialog>
  );
}
