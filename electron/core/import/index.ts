/**
 * Import parsers: file text → an import plan the user previews. Pure functions; nothing here
 * touches the vault. See README.md for the rules.
 */
export { parseEnvFile, NOT_A_TOKEN } from './env-file';
export { parseCsvFile, NO_PLATFORM, type CsvFileOptions } from './csv-file';
export { parseKeePassXcCsv, EMPTY_PASSWORD, IN_RECYCLE_BIN, PLATFORM_NOT_RECOGNISED } from './keepassxc';
export { csvHeaders, detectDelimiter, CSV_DELIMITERS, type CsvDelimiter } from './csv-table';
export { suggestMapping, csvMappingSchema, type CsvMapping, type CsvField } from './csv-mapping';
export { decodeImportBytes, IMPORT_MAX_BYTES } from './import-text';
export type { EnvImportOptions, ImportDefaults } from './options';
export type { ImportCandidate, ImportFormat, ImportPlan, ImportSource, NewTokenInputRaw, SkippedRow } from './plan';
export { inspectImportText, planImport, previewImport, type ImportFileInfo, type ImportPreview, type PlanImportOptions, type PreviewAction, type PreviewRow } from './preview';
