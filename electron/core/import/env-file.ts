/**
 * `.env` file → import plan. Each variable whose value is recognised as a token (detectToken),
 * or whose name the user mapped to a platform, becomes a candidate named after the variable;
 * everything else (PORT=3000, URLs, flags) is listed as skipped so the user sees why.
 */
import { detectToken } from '../../../shared/domain/detect';
import { AppError } from '../../../shared/errors';
import { readEnvEntries } from './env-syntax';
import { withClaimHints } from './field-values';
import { prepareImportText } from './import-text';
import { envImportOptions, parseOptions, type EnvImportOptions } from './options';
import { PlanBuilder, type ImportPlan, type NewTokenInputRaw } from './plan';

export const NOT_A_TOKEN = 'not recognised as a token; map it to a platform to import it';
/** A JWT says nothing about which platform issued it unless its claims name iObeya (shared/domain/detect). */
export const JWT_OF_NO_PLATFORM = 'a JSON Web Token of no known platform; map it to a platform to import it';

/** Reads a `.env` file. Throws BAD_INPUT when the file is malformed or holds no variable at all. */
export function parseEnvFile(text: string, options: EnvImportOptions): ImportPlan {
  const opts = parseOptions(envImportOptions, options, 'options');
  const entries = readEnvEntries(prepareImportText(text, '.env file'));
  if (!entries.some((e) => e.kind === 'variable')) {
    // Nothing parses: the wrong file was picked; listing every line as skipped would hide that.
    const first = entries.find((e) => e.kind === 'problem');
    throw new AppError(
      'BAD_INPUT',
      first === undefined
        ? 'The .env file has no KEY=value lines.'
        : `This does not look like a .env file: no line is KEY=value (line ${first.line}: ${first.reason}).`,
    );
  }

  const plan = new PlanBuilder('env');
  for (const e of entries) {
    if (e.kind === 'problem') {
      // The plan blanks a label that looks like a secret: a malformed line might be anything.
      plan.skip(e.line, e.label, e.reason);
      continue;
    }
    const source = { line: e.line, label: e.key };
    if (e.value === '') {
      plan.skip(e.line, e.key, 'empty value');
      continue;
    }
    const detection = detectToken(e.value);
    const mapped = opts.platformFor?.[e.key];
    const platform = mapped ?? detection?.platform ?? null;
    if (platform === null) {
      plan.skip(e.line, e.key, detection === null ? NOT_A_TOKEN : JWT_OF_NO_PLATFORM, e.value);
      continue;
    }
    const claims = withClaimHints({}, detection);
    const input: NewTokenInputRaw = {
      platform,
      account: opts.account,
      ...(opts.client ? { client: opts.client } : {}),
      name: e.key,
      token: e.value,
      ...claims.fields,
    };
    plan.add(source, input, mapped === undefined, claims.hintKeys);
  }
  return plan.build();
}
