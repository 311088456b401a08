/**
 * Reminders inside the app: feeds the scheduler from the vault — names and accounts only
 * while it is unlocked, plaintext ids and dates while locked — and keeps the "needs
 * attention" count for the tray or dock badge. Main pokes it on resume; the AppService pokes
 * it after every unlock, lock and write.
 */
import { attentionCount } from '../../../shared/domain/attention';
import { PLATFORMS } from '../../../shared/domain/platform-ids';
import type { ReminderPolicy } from '../../../shared/domain/reminder-policy';
import { daysUntil } from '../../../shared/domain/expiry';
import { EXPIRING_WITHIN_DAYS } from '../../../shared/domain/status';
import type { Clock, Timers } from '../ports';
import type { FiredReminderStore } from '../reminders/fired-store';
import type { ReminderNotification } from '../reminders/reminder-text';
import { ReminderScheduler, type ReminderSnapshot } from '../reminders/scheduler';
import type { Vault } from '../vault/vault';

const platformName = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));

/** What the reminder service needs. */
export interface ReminderServiceDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly fired: FiredReminderStore;
  /** The vault when one is open (unlocked or not); null before one exists. */
  readonly vault: () => Vault | null;
  readonly policy: () => ReminderPolicy;
  readonly timeZone: () => string;
  readonly notify: (n: ReminderNotification) => void;
  /** The "name the token in notifications" setting; without it, notifications name no token. */
  readonly nameTokens?: () => boolean;
  /** The count of tokens needing attention, for a tray or dock badge. */
  readonly badge?: (count: number) => void;
  readonly onError?: (e: unknown) => void;
}

/** The scheduler plus the badge. */
export class ReminderService {
  private readonly scheduler: ReminderScheduler;
  private lastBadge = -1;

  constructor(private readonly deps: ReminderServiceDeps) {
    this.scheduler = new ReminderScheduler({
      clock: deps.clock,
      timers: deps.timers,
      source: () => this.snapshot(),
      fired: deps.fired,
      notify: deps.notify,
      ...(deps.onError ? { onError: deps.onError } : {}),
    });
  }

  start(): void {
    this.scheduler.start();
    this.updateBadge();
  }

  stop(): void {
    this.scheduler.stop();
  }

  /** Re-evaluates now: after resume, unlock, lock, any change to tokens or the policy. */
  poke(): void {
    this.scheduler.poke();
    this.updateBadge();
  }

  private snapshot(): ReminderSnapshot {
    const vault = this.deps.vault();
    const base = { timeZone: this.deps.timeZone(), policy: this.deps.policy() };
    if (vault === null) return { ...base, locked: true, tokens: [] };
    if (!vault.isUnlocked) {
      return { ...base, locked: true, tokens: vault.expirySchedule().map((r) => ({ id: r.tokenId, expiry: r.expiry, reminderDays: r.reminderDays })) };
    }
    const nameTokens = this.deps.nameTokens?.() === true;
    return {
      ...base,
      locked: false,
      nameTokens,
      // A token the platform reported revoked is dead on purpose: nothing to remind of.
      // Labels only when they may be shown: text that is not read cannot leak.
      tokens: vault.tokens.list().filter((t) => t.status !== 'revoked').map((t) => ({
        id: t.id,
        expiry: t.expiry,
        reminderDays: t.reminderDays,
        ...(nameTokens
          ? { label: { name: t.name, platform: t.customPlatformName ?? platformName.get(t.platform) ?? t.platform, account: t.account, client: t.client } }
          : {}),
      })),
    };
  }

  /**
   * Unlocked: every token needing attention. Locked: only what the plaintext dates tell —
   * tokens expired or expiring within the window — so the badge never needs the key.
   */
  private count(): number {
    const vault = this.deps.vault();
    if (vault === null) return 0;
    const now = this.deps.clock.now();
    // The scheduler's zone, so the badge and the reminders count the same local days.
    const timeZone = this.deps.timeZone();
    if (vault.isUnlocked) return attentionCount(vault.tokens.list(), now, { timeZone });
    return vault.expirySchedule().filter((r) => (daysUntil(r.expiry, now, timeZone) ?? Infinity) <= EXPIRING_WITHIN_DAYS).length;
  }

  private updateBadge(): void {
    if (!this.deps.badge) return;
    try {
      const n = this.count();
      if (n !== this.lastBadge) {
        this.lastBadge = n;
        this.deps.badge(n);
      }
    } catch (e) {
      this.deps.onError?.(e);
    }
  }
}
