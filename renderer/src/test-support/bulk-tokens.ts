/**
 * Thousands of tokens for list-size tests, put in the real vault the fast way a user would:
 * one .env file through the import channels (one write), not thousands of single adds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from './backend';

/** Imports `count` GitHub tokens named TOKEN_0, TOKEN_1, … under account "acme". */
export async function importManyTokens(backend: Backend, count: number): Promise<void> {
  const path = join(backend.dir, 'many.env');
  // Values in GitHub's own format, so the import recognises each as a token.
  writeFileSync(path, Array.from({ length: count }, (_, i) => `TOKEN_${i}=ghp_${String(i).padStart(36, '0')}`).join('\n'));
  backend.dialogs.openPath = path;
  const file = await backend.call('import.choose', { format: 'env' });
  backend.dialogs.openPath = null;
  if (file === null) throw new Error('the import dialog chose no file');
  const plan = await backend.call('import.preview', { fileId: file.fileId, format: 'env', account: 'acme' });
  await backend.call('import.apply', { planId: plan.planId });
}
