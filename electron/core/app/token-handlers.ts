/** Channels over the tokens and custom platforms held in the vault: read, change, copy, reveal. */
import { AppError } from '../../../shared/errors';
import { buildSnippet } from '../platforms/snippets';
import { presetOf } from '../platforms/token-ops';
import type { HandlerContext } from './handler-context';
import type { Handlers } from './handlers';
import { platformInfos } from './platform-infos';
import { openTokenPageOf } from './token-page-opener';

/** The tokens.* (except platform calls), platforms.* and app.openTokenPage handlers. */
export function tokenHandlers(s: HandlerContext) {
  const d = s.deps;
  return {
    'tokens.list': async () => s.unlocked().tokens.list(),
    'tokens.details': async ({ id }) => {
      const v = s.unlocked();
      const token = v.tokens.get(id);
      return { token, notes: v.tokens.notes(token.id), audit: v.audit.of(token.id), history: v.results.valueHistory(token.id) };
    },
    'tokens.add': async (input) => {
      const { view, replaced } = s.unlocked().tokens.addOrReplace(input);
      return { ...view, replaced };
    },
    'tokens.edit': async ({ id, patch }) => s.unlocked().tokens.edit(id, patch),
    'tokens.remove': async ({ id }) => {
      s.unlocked().tokens.remove(id);
      return null;
    },
    'tokens.copy': async ({ id }) => {
      const v = s.unlocked();
      const full = v.tokens.resolveId(id);
      const seconds = d.settings.get().clipboardClearSeconds;
      await s.clipboard.copy(v.tokens.readSecret(full, 'copy').value, seconds, () => d.emit('clipboard.cleared', { id: full }));
      return { clearsInSeconds: seconds };
    },
    'tokens.reveal': async ({ id }) => ({
      value: s.unlocked().tokens.readSecret(id, 'reveal').value,
      hidesInSeconds: d.settings.get().revealSeconds,
    }),
    'tokens.revealHistory': async ({ id, index, at }) => ({
      value: s.unlocked().results.revealHistoryEntry(id, index, at).value,
      hidesInSeconds: d.settings.get().revealSeconds,
    }),
    'tokens.copySnippet': async ({ id, kind }) => {
      const v = s.unlocked();
      const view = v.tokens.get(id);
      const { preset, blocked } = presetOf(v, view);
      if (!preset) throw new AppError('BAD_INPUT', `No usage snippet for this token: ${blocked ?? 'unknown platform'}.`);
      const url = view.baseUrl ?? preset.defaultBaseUrl;
      if (url === null) {
        throw new AppError('BAD_INPUT', `${preset.name} has no default API address: set this account's Base URL to copy a snippet.`);
      }
      const snippet = buildSnippet(kind, preset.auth, url, v.tokens.readSecret(view.id, 'copy').value);
      const seconds = d.settings.get().clipboardClearSeconds;
      await s.clipboard.copy(snippet, seconds, () => d.emit('clipboard.cleared', { id: view.id }));
      return { clearsInSeconds: seconds };
    },
    'platforms.list': async () => platformInfos(),
    'platforms.custom.list': async () => s.unlocked().customPlatforms.list(),
    'platforms.custom.save': async ({ id, definition }) =>
      id === undefined ? s.unlocked().customPlatforms.add(definition) : s.unlocked().customPlatforms.update(id, definition),
    'platforms.custom.remove': async ({ id }) => {
      s.unlocked().customPlatforms.remove(id);
      return null;
    },
    'app.openTokenPage': async ({ id }) => ({ opened: await openTokenPageOf(s.unlocked().tokens.get(id), d.openTokenPage) }),
  } satisfies Partial<Handlers>;
}
