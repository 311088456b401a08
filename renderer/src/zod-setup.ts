/**
 * Imported first by main.tsx, before any module builds a zod schema: zod decides at schema
 * construction whether to compile fast parsers with `new Function`. The CSP forbids eval, and
 * even zod's caught probe is reported as a CSP violation, so tell it not to try.
 */
import { config } from 'zod';

config({ jitless: true });
