import type { z } from 'zod';

/** First problem of a failed parse, as one human line: "name: must not be empty". */
export function describeZodError(e: z.ZodError, prefix = ''): string {
  const issue = e.issues[0];
  if (!issue) return `${prefix}invalid input`;
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${prefix}${path}${issue.message}`;
}
