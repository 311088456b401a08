/**
 * `exportInventory`: the one audited inventory export, behind both `patvault export` and the
 * app's `reports.export`. It builds the report from the vault's tokens on the host's clock and
 * records its one audit entry ("export": format, client, count); the caller then lets the
 * content out (prints it, or writes the file).
 *
 * Order, so no export goes unrecorded and no refused one is recorded: built first (a client no
 * token has fails here, with no entry); then, when the host asks the user where the report goes
 * (the app's save dialog), that question — cancelled means nothing is recorded; then recorded.
 */
import type { Clock } from '../ports';
import type { Vault } from '../vault/vault';
import { inventoryAuditDetail } from './audit-detail';
import { renderInventory, type InventoryFormat, type InventoryReport } from './inventory';

/** What an audited export is made of. */
export interface ExportInventoryOptions<D> {
  readonly format: InventoryFormat;
  /** Only the tokens held for this client (trimmed, case ignored); a client no token has: BAD_INPUT. */
  readonly client?: string | undefined;
  /** The host's clock (the one its vault runs on): the report's date, days left, the calendar's stamp, the file name. */
  readonly clock: Clock;
  /** Calendar alarms for tokens without their own reminder days: the app's setting (default 7 and 1). */
  readonly reminderDaysBefore?: readonly number[] | undefined;
  /**
   * Where the report goes, asked once it is built and before it is recorded (the app's save
   * dialog); null: cancelled, nothing is recorded. Without it the report goes out at once.
   */
  readonly destination?: (report: InventoryReport) => Promise<D | null>;
}

/** A recorded export (or one whose destination was cancelled). */
export interface ExportedInventory<D> {
  readonly report: InventoryReport;
  /** What `destination` answered; undefined without one; null when cancelled (not recorded). */
  readonly destination: D | null | undefined;
}

/**
 * Builds the inventory of `vault` and records the export. `vault` may be a getter: it is asked
 * again after the destination is chosen, since the app's vault may lock while its dialog is open.
 */
export async function exportInventory<D = never>(vault: Vault | (() => Vault), opts: ExportInventoryOptions<D>): Promise<ExportedInventory<D>> {
  const current = (): Vault => (typeof vault === 'function' ? vault() : vault);
  const report = renderInventory(current().tokens.list(), opts.format, {
    now: opts.clock.now(),
    client: opts.client,
    reminderDaysBefore: opts.reminderDaysBefore,
  });
  const destination = opts.destination ? await opts.destination(report) : undefined;
  if (destination === null) return { report, destination };
  current().audit.record('export', inventoryAuditDetail(opts.format, opts.client, report.count));
  return { report, destination };
}
