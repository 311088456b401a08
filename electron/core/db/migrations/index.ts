import { migration001 } from './001-initial';
import { migration002 } from './002-reminder-days';
import { migration003 } from './003-keychain-slots';
import { migration004 } from './004-audit-seal';
import type { Migration } from './types';

/** Every migration, in order. Append only; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
