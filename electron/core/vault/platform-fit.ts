/**
 * The vault's gate for "a token goes only to the platform its format belongs to": a value whose
 * format is another platform's (shared/domain/token-format) is refused on add, edit and import
 * unless the user said they accept it. The acceptance is not stored: platform operations check
 * the format again before sending anything (platforms/token-ops.ts).
 */
import { isPlatformId } from '../../../shared/domain/platform-ids';
import { platformConflict } from '../../../shared/domain/token-format';
import { AppError } from '../../../shared/errors';

/**
 * Throws PLATFORM_MISMATCH, naming both platforms (never the value), when `value`'s format
 * contradicts `platform` and `accepted` is not true. `prefix` places it ("item 3: ").
 */
export function assertPlatformFits(value: string, platform: string, accepted: boolean | undefined, prefix = ''): void {
  if (accepted === true || !isPlatformId(platform)) return;
  const conflict = platformConflict(value, platform);
  if (conflict !== null) throw new AppError('PLATFORM_MISMATCH', `${prefix}${conflict.message}`);
}
