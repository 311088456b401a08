/**
 * The inventory: what a vault holds, as a report (JSON, CSV, a printable HTML page, an expiry
 * calendar) — `exportInventory` records it in the audit log, `renderInventory` only builds it.
 */
export { INVENTORY_FORMATS, renderInventory, type InventoryFormat, type InventoryOptions, type InventoryReport } from './inventory';
export { exportInventory, type ExportInventoryOptions, type ExportedInventory } from './export-inventory';
export { inventoryAuditDetail } from './audit-detail';
export { CSV_COLUMNS } from './csv';
export { tokenJson, type TokenJson } from './token-json';
