/** Confirms removing a custom platform; main refuses while tokens use it, and says so here. */
import { Dialog } from '../../components/Dialog';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { useStore } from '../../store';

/** The confirmation for custom platform `id`; `onDone(removed)` closes it. */
export function RemoveCustomPlatformDialog({ id, onDone }: { id: string; onDone: (removed: boolean) => void }) {
  const platform = useStore((s) => s.customPlatforms.find((p) => p.id === id) ?? null);
  const removeCustomPlatform = useStore((s) => s.removeCustomPlatform);
  const showToast = useStore((s) => s.showToast);
  const { error, busy, run } = useDialogAction();
  const name = platform?.name ?? id;

  const onRemove = async () => {
    await run(async () => {
      await removeCustomPlatform(id);
      showToast(`Removed custom platform “${name}”`);
      onDone(true);
    });
  };

  return (
    <Dialog title="Remove custom platform?" onClose={() => onDone(false)} focusButton>
      <p>
        Remove the custom platform <strong>“{name}”</strong>? Its definition is deleted from the vault. A platform still used
        by tokens cannot be removed: move those tokens to another platform or delete them first.
      </p>
      <DialogError error={error} />
      <div className="button-row dialog-buttons">
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void onRemove()}>
          Remove
        </button>
      </div>
    </Dialog>
  );
}
