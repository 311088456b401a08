/** A token's status as words on a tinted pill: colour helps, the text carries the meaning. */
import type { TokenStatus } from '../../../shared/domain/status';
import { STATUS_LABEL } from '../lib/format';

/** One status badge. */
export function StatusBadge({ status }: { status: TokenStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}
