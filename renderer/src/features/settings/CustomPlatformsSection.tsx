/** Settings → Custom platforms: the defined platforms, with Edit and Remove, and "Add custom platform". */
import { useEffect, type Ref } from 'react';
import { describeAuth } from '../../../../shared/domain/custom-platform';
import type { CustomPlatformView } from '../../api/types';
import { useStore } from '../../store';

interface SectionProps {
  readonly onAdd: () => void;
  readonly onEdit: (id: string) => void;
  readonly onRemove: (id: string) => void;
  /** The "Add custom platform" button (focus returns there after a removal). */
  readonly addRef?: Ref<HTMLButtonElement>;
}

const checkText = (p: CustomPlatformView): string => (p.checkPath ? `GET ${p.checkPath} → ${p.validStatus}` : 'no check');

/** The section; loads the list each time Settings opens. */
export function CustomPlatformsSection({ onAdd, onEdit, onRemove, addRef }: SectionProps) {
  const platforms = useStore((s) => s.customPlatforms);
  const loaded = useStore((s) => s.customPlatformsLoaded);
  const load = useStore((s) => s.loadCustomPlatforms);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="custom-platforms" aria-labelledby="custom-platforms-title">
      <h3 id="custom-platforms-title">Custom platforms</h3>
      <p className="field-help">Platforms PAT Vault has no preset for: where the token goes and how to check it.</p>
      {platforms.length === 0 ? (
        <p className="muted">{loaded ? 'No custom platforms yet.' : 'Loading…'}</p>
      ) : (
        <div className="table-scroll">
          <table className="custom-platform-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Base URL</th>
                <th scope="col">Token goes in</th>
                <th scope="col">Check</th>
                <th scope="col">Tokens</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {platforms.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td className="mono">{p.baseUrl}</td>
                  <td>{describeAuth(p.auth)}</td>
                  <td>{checkText(p)}</td>
                  <td>{p.tokens}</td>
                  <td>
                    <div className="button-row">
                      {/* Named with the platform so each row's buttons are told apart (the visible word leads). */}
                      <button type="button" aria-label={`Edit ${p.name}`} onClick={() => onEdit(p.id)}>
                        Edit
                      </button>
                      <button type="button" aria-label={`Remove ${p.name}`} onClick={() => onRemove(p.id)}>
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        <button type="button" ref={addRef} onClick={onAdd}>
          Add custom platform
        </button>
      </div>
    </section>
  );
}
