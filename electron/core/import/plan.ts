/**
 * The import plan every parser returns: what would be added (candidates) and what would not
 * (skipped, with a reason), each tied to its place in the file. Nothing is written from here;
 * the user previews the plan first.
 *
 * `PlanBuilder` is where every row is validated with the shared `newTokenInput` schema, where
 * a value whose format belongs to another platform than the row's is left out with the reason,
 * where duplicates inside one file are spotted, and where labels and reasons are checked once
 * more for the row's value, so no parser can leak one by mistake.
 */
import type { z } from 'zod';
import { LIMITS } from '../../../shared/domain/limits';
import { isPlatformId } from '../../../shared/domain/platform-ids';
import { platformConflict, platformTokenPhrase, withArticle } from '../../../shared/domain/token-format';
import { describeZodError, newTokenInput } from '../../../shared/domain/token-input';
import { AppError } from '../../../shared/errors';
import type { IMPORT_FORMATS } from '../../../shared/ipc/file-schemas';
import { safeLabel, scrub } from './redact';

/** Which parser made a plan: one of the import sources the app and the CLI offer. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A new token as given, before the schema trims and checks it. */
export type NewTokenInputRaw = z.input<typeof newTokenInput>;

/** Where a row came from: its first line in the file, and its key or title (never its value; '' when it has none). */
export interface ImportSource {
  readonly line: number;
  readonly label: string;
}

/** One token the import would add. */
export interface ImportCandidate {
  readonly source: ImportSource;
  /** Already validated and normalised by `newTokenInput`: what the vault would store. */
  readonly input: NewTokenInputRaw;
  /** True when the platform was read from the token's own format (detectToken), not from the file or the user. */
  readonly detectedPlatform: boolean;
  /** Set when an earlier candidate in the same file has the same value (the caller decides). */
  readonly duplicateOfLine?: number;
}

/** A row the import would leave out, and why. The reason never holds the value. */
export interface SkippedRow {
  readonly line: number;
  readonly label: string;
  readonly reason: string;
}

/** What an import would do; shown to the user before anything is written. */
export interface ImportPlan {
  readonly format: ImportFormat;
  readonly candidates: readonly ImportCandidate[];
  readonly skipped: readonly SkippedRow[];
}

/**
 * Why a row whose value has another platform's format (a CSV platform cell or an .env mapping
 * that contradicts the token) is left out, or null. Skipped rather than refusing the whole file:
 * the preview shows the reason on that row, the user fixes the file or imports the rest, and
 * nothing is ever stored under a platform it would then be sent to by mistake.
 */
function platformMismatch(value: string, platform: string): string | null {
  const c = isPlatformId(platform) ? platformConflict(value, platform) : null;
  return c === null ? null : `looks like ${withArticle(c.label)}, not ${platformTokenPhrase(c.chosen)}; correct its platform to import it`;
}

/** Collects one file's rows into a plan, validating each. */
export class PlanBuilder {
  private readonly candidates: ImportCandidate[] = [];
  private readonly skipped: SkippedRow[] = [];
  /** Trimmed value → line of its first candidate. */
  private readonly firstLineOf = new Map<string, number>();

  constructor(private readonly format: ImportFormat) {}

  /** Records a row that will not be imported. `value` (when known) is kept out of label and reason. */
  skip(line: number, label: string, reason: string, value?: string): void {
    this.countRow();
    this.skipped.push({ line, label: safeLabel(label, value), reason: scrub(reason, value) });
  }

  /**
   * Validates `input` and adds it, or skips the row with the schema's message. `hintKeys` are
   * fields guessed from the value or the file's context (JWT claims, a URL): when only they are
   * invalid, the token is still imported without them rather than lost over a hint.
   */
  add(source: ImportSource, input: NewTokenInputRaw, detectedPlatform: boolean, hintKeys: readonly (keyof NewTokenInputRaw)[] = []): void {
    let parsed = newTokenInput.safeParse(input);
    if (!parsed.success) {
      const failing = new Set(parsed.error.issues.map((i) => i.path[0]));
      if ([...failing].every((k) => hintKeys.includes(k as keyof NewTokenInputRaw))) {
        // Only hints are wrong: drop those, keep the other hints and the token.
        const rest: Record<string, unknown> = { ...input };
        for (const k of failing) delete rest[k as string];
        parsed = newTokenInput.safeParse(rest);
      }
    }
    if (!parsed.success) {
      this.skip(source.line, source.label, describeZodError(parsed.error), input.token);
      return;
    }
    const mismatch = platformMismatch(parsed.data.token, parsed.data.platform);
    if (mismatch !== null) {
      this.skip(source.line, source.label, mismatch, input.token);
      return;
    }
    this.countRow();
    const value = parsed.data.token;
    const first = this.firstLineOf.get(value);
    if (first === undefined) this.firstLineOf.set(value, source.line);
    this.candidates.push({
      source: { line: source.line, label: safeLabel(source.label, value) },
      input: parsed.data,
      detectedPlatform,
      ...(first === undefined ? {} : { duplicateOfLine: first }),
    });
  }

  /** The finished plan. */
  build(): ImportPlan {
    return { format: this.format, candidates: this.candidates, skipped: this.skipped };
  }

  /** A file with more rows than one import may hold is refused whole, like the vault's own import. */
  private countRow(): void {
    if (this.candidates.length + this.skipped.length >= LIMITS.importMaxItems) {
      throw new AppError('BAD_INPUT', `The file has more than ${LIMITS.importMaxItems} entries; split it and import the parts.`);
    }
  }
}
