/**
 * The "Custom platform" field, shown for platform `custom`: which of the user's definitions the
 * token is on (the definition says where the token goes and how it is checked). With none
 * defined yet, the help offers the way to Settings, where they are made.
 */
import { useStore } from '../../store';
import { CustomPlatformSelect } from './CustomPlatformSelect';
import { TokenField } from './TokenField';
import type { TokenFormState } from './use-token-form';

/** The select, and help that depends on whether any platform is defined. */
export function CustomPlatformField({ state }: { state: TokenFormState }) {
  const customPlatforms = useStore((s) => s.customPlatforms);
  const customPlatformsLoaded = useStore((s) => s.customPlatformsLoaded);
  const openDialog = useStore((s) => s.openDialog);
  const { token } = state;
  return (
    <TokenField
      state={state}
      name="customPlatform"
      label="Custom platform"
      help={
        customPlatformsLoaded && customPlatforms.length === 0 ? (
          <>
            No custom platform is defined yet.{' '}
            <button type="button" className="link-button" onClick={() => openDialog({ kind: 'settings' })}>
              Define one in Settings
            </button>{' '}
            (this form closes).
          </>
        ) : (
          'Its definition says where the token goes and how it is checked (Settings → Custom platforms).'
        )
      }
    >
      {(props) => (
        <CustomPlatformSelect
          {...props}
          value={state.values.customPlatform}
          platforms={customPlatforms}
          current={token?.customPlatformId ? { id: token.customPlatformId, name: token.customPlatformName ?? token.customPlatformId } : null}
          onChange={(v) => state.set('customPlatform', v)}
        />
      )}
    </TokenField>
  );
}
