/** Confirms deleting a token, naming it, before anything is removed. */
import { Dialog } from '../../components/Dialog';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { useStore } from '../../store';
import { tokenPlatformLabel } from '../../store/selectors';

/** The confirmation dialog for token `id`. */
export function DeleteDialog({ id }: { id: string }) {
  const token = useStore((s) => s.tokens.find((t) => t.id === id) ?? null);
  const removeToken = useStore((s) => s.removeToken);
  const closeDialog = useStore((s) => s.closeDialog);
  const showToast = useStore((s) => s.showToast);
  const { error, busy, run } = useDialogAction();

  const onDelete = async () => {
    await run(async () => {
      await removeToken(id);
      showToast(`Deleted “${token?.name ?? id}”`);
      closeDialog();
    });
  };

  return (
    <Dialog title="Delete token?" onClose={closeDialog} focusButton>
      <p>
        Delete <strong>“{token?.name ?? id}”</strong>
        {token && ` (${tokenPlatformLabel(token)} · ${token.account})`} from the vault? This cannot be undone. The
        token itself stays valid on its platform until you revoke it there.
      </p>
      <DialogError error={error} />
      <div className="button-row dialog-buttons">
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void onDelete()}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}
