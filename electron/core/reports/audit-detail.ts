/** The audit line of an inventory export, the same for the app and the CLI: "csv, 5 tokens", "ics, client Acme, 2 events". */
import type { InventoryFormat } from './inventory';

/** Format, client when filtered, and how much went out (a calendar counts events). */
export function inventoryAuditDetail(format: InventoryFormat, client: string | undefined, count: number): string {
  const noun = format === 'ics' ? 'event' : 'token';
  const forClient = client !== undefined ? `, client ${client.trim()}` : '';
  return `${format}${forClient}, ${count} ${noun}${count === 1 ? '' : 's'}`;
}
