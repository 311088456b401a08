/** What a token list shows before its rows: the load error, or "Loading…"; null once loaded. */

/** The error or loading placeholder of a token list, or null when the list can render its rows. */
export function ListLoadState({ error, loaded }: { error: string | null; loaded: boolean }) {
  if (error !== null) {
    return (
      <div className="list-empty" role="alert">
        Could not load the tokens: {error}
      </div>
    );
  }
  if (!loaded) return <p className="list-empty">Loading tokens…</p>;
  return null;
}
