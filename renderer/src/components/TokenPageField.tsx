/**
 * A custom platform's token page as selectable text. Main opens only fixed, known pages
 * (no URL crosses IPC to be opened), so for a user-defined page the user copies the address
 * and opens it in their browser.
 */
import { useId } from 'react';

/** Read-only "Token page" field; focusing it selects the address for copying. */
export function TokenPageField({ url, help }: { url: string; help?: string }) {
  const id = useId();
  return (
    <div className="field token-page">
      <label htmlFor={id}>Token page</label>
      <input
        id={id}
        type="text"
        readOnly
        className="mono"
        value={url}
        spellCheck={false}
        aria-describedby={`${id}-help`}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p id={`${id}-help`} className="field-help">
        {help ?? 'Copy this address and open it in your browser: PAT Vault opens only the built-in platforms’ pages itself.'}
      </p>
    </div>
  );
}
