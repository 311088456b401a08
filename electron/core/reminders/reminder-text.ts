/**
 * The words of a reminder notification. Kept apart from the scheduler so the rules that
 * matter for privacy are visible in one place: while the vault is locked the text is built
 * from counts and dates only — labels are not even read; while it is unlocked, a token is
 * named (name, platform, account, client) only when the user turned on "name the token in
 * notifications": the OS keeps notifications in its history, in plaintext.
 */

/** What the unlocked vault tells about a token; never available while locked. */
export interface ReminderLabel {
  readonly name: string;
  /** Display name of the platform, e.g. "GitHub". */
  readonly platform: string;
  readonly account: string;
  readonly client: string | null;
}

/** One token whose reminder is being shown. */
export interface DueReminder {
  readonly tokenId: string;
  readonly expiresAt: string;
  /** Local calendar days from today to the expiry date (0 = today, −1 = yesterday). */
  readonly daysLeft: number;
  readonly label: ReminderLabel | null;
}

/** What the Notifier shows; `tokenId` (null for a group or while locked) is what a click opens. */
export interface ReminderNotification {
  readonly title: string;
  readonly body: string;
  readonly tokenId: string | null;
}

const UNLOCK_HINT = 'Unlock PAT Vault to see which.';
const OPEN_HINT = 'Open PAT Vault to see which.';
const NAMES_SHOWN = 3;

/**
 * One notification for everything due now: a single token is named (when unlocked and
 * `nameTokens`), several are grouped so a long sleep does not end in a flood. Null when
 * nothing is due.
 */
export function reminderNotification(due: readonly DueReminder[], locked: boolean, nameTokens = false): ReminderNotification | null {
  if (due.length === 0) return null;
  const sorted = [...due].sort((a, b) => a.daysLeft - b.daysLeft || (a.tokenId < b.tokenId ? -1 : 1));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (!locked && !nameTokens) return anonymous(sorted);
  // Anonymous unless unlocked AND every label is there: a half-loaded list must not leak either way.
  const labels = locked ? null : labelsOf(sorted);

  if (sorted.length === 1) {
    const label = labels?.[0];
    return label
      ? { title: `Token ${when(first.daysLeft)}`, body: `${describe(label)}, on ${first.expiresAt}`, tokenId: first.tokenId }
      : { title: `Token ${when(first.daysLeft)}`, body: `On ${first.expiresAt}. ${UNLOCK_HINT}`, tokenId: null };
  }

  const title = groupTitle(sorted.length, first.daysLeft, last.daysLeft);
  const span = spanOf(first, last);
  if (!labels) return { title, body: `${capitalise(span)}. ${UNLOCK_HINT}`, tokenId: null };
  const names = labels.slice(0, NAMES_SHOWN).map((l) => l.name);
  const more = labels.length - names.length;
  const list = more > 0 ? `${names.join(', ')} and ${more} more` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return { title, body: `${list}; ${span}.`, tokenId: null };
}

/**
 * Unlocked, names off: counts and dates only, like the locked text, but the app is open, so a
 * click on a single token's notice still opens it (its id is never shown).
 */
function anonymous(sorted: readonly DueReminder[]): ReminderNotification {
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return { title: `A token ${when(first.daysLeft)}`, body: `On ${first.expiresAt}. ${OPEN_HINT}`, tokenId: first.tokenId };
  return { title: groupTitle(sorted.length, first.daysLeft, last.daysLeft), body: `${capitalise(spanOf(first, last))}. ${OPEN_HINT}`, tokenId: null };
}

function spanOf(first: DueReminder, last: DueReminder): string {
  return first.expiresAt === last.expiresAt ? `all on ${first.expiresAt}` : `the first on ${first.expiresAt}, the last on ${last.expiresAt}`;
}

function labelsOf(due: readonly DueReminder[]): ReminderLabel[] | null {
  const out: ReminderLabel[] = [];
  for (const d of due) {
    if (!d.label) return null;
    out.push(d.label);
  }
  return out;
}

/** "<name> — <platform> / <account> (<client>)"; the client part only when there is one. */
function describe(l: ReminderLabel): string {
  return `${l.name} — ${l.platform} / ${l.account}${l.client ? ` (${l.client})` : ''}`;
}

function when(daysLeft: number): string {
  if (daysLeft > 1) return `expires in ${daysLeft} days`;
  if (daysLeft === 1) return 'expires tomorrow';
  if (daysLeft === 0) return 'expires today';
  if (daysLeft === -1) return 'expired yesterday';
  return `expired ${-daysLeft} days ago`;
}

function groupTitle(n: number, soonest: number, latest: number): string {
  if (soonest < 0) return `${n} tokens expired or expire soon`;
  if (latest === 0) return `${n} tokens expire today`;
  if (latest === 1) return `${n} tokens expire by tomorrow`;
  return `${n} tokens expire within ${latest} days`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
