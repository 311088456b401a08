/** Size limits on user input: generous for real tokens, small enough to refuse garbage. */
export const LIMITS = {
  tokenValueMaxBytes: 16 * 1024,
  nameMaxChars: 200,
  labelMaxChars: 200,
  notesMaxChars: 20_000,
  scopeMaxChars: 200,
  scopesMax: 200,
  urlMaxChars: 2_000,
  importMaxItems: 100_000,
  passwordMinChars: 8,
  passwordMaxChars: 1_024,
} as const;
