/**
 * The unlocked app: header, the list pane (all tokens or the needs-attention view, as tabs),
 * the detail pane, and whichever dialog is open.
 */
import { useEffect } from 'react';
import { AlertRegion } from '../../components/AlertRegion';
import { useStore } from '../../store';
import { AttentionView } from '../attention/AttentionView';
import { VIEW_PANEL_ID, ViewTabs, viewTabId } from '../attention/ViewTabs';
import { DeleteDialog } from '../detail/DeleteDialog';
import { DetailPane } from '../detail/DetailPane';
import { RevokeDialog, RotateDialog } from '../detail/PlatformOpDialogs';
import { TokenDialog } from '../editor/TokenDialog';
import { BackupDialog } from '../files/BackupDialog';
import { ExportDialog } from '../files/ExportDialog';
import { RestoreDialog } from '../files/RestoreDialog';
import { ImportDialog } from '../import/ImportDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { TokenList } from './TokenList';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './use-shortcuts';

/** The open dialog, if any. */
function DialogHost() {
  const dialog = useStore((s) => s.dialog);
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'add':
      return <TokenDialog editId={null} />;
    case 'edit':
      return <TokenDialog key={dialog.id} editId={dialog.id} />;
    case 'delete':
      return <DeleteDialog id={dialog.id} />;
    case 'settings':
      return <SettingsDialog />;
    case 'revoke':
      return <RevokeDialog id={dialog.id} />;
    case 'rotate':
      return <RotateDialog id={dialog.id} />;
    case 'export':
      return <ExportDialog />;
    case 'backup':
      return <BackupDialog />;
    case 'restore':
      return <RestoreDialog />;
    case 'import':
      return <ImportDialog />;
  }
}

/** The main screen. */
export function MainView() {
  useShortcuts();
  const dialogOpen = useStore((s) => s.dialog !== null);
  const view = useStore((s) => s.view);
  const platformsLoaded = useStore((s) => s.platforms.length > 0);
  const loadPlatforms = useStore((s) => s.loadPlatforms);
  useEffect(() => {
    if (!platformsLoaded) void loadPlatforms();
  }, [platformsLoaded, loadPlatforms]);
  return (
    <>
      {/* inert while a dialog is open: the page behind cannot be reached by Tab, pointer or assistive tech. */}
      <div className="shell" inert={dialogOpen}>
        <Toolbar />
        <div className="content">
          <main className="list-pane" aria-labelledby="list-title">
            <h2 id="list-title" className="visually-hidden">
              Tokens
            </h2>
            <AlertRegion />
            <ViewTabs />
            <div role="tabpanel" id={VIEW_PANEL_ID} aria-labelledby={viewTabId(view)} className="view-panel">
              {view === 'all' ? <TokenList /> : <AttentionView />}
            </div>
          </main>
          <DetailPane />
        </div>
      </div>
      <DialogHost />
    </>
  );
}
