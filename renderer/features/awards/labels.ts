import type { AwardStage } from '../../../main/domain/awards';
import type { Role } from '../../../main/domain/enums';

export const STAGE_COLOR: Record<AwardStage, string> = {
  direncanakan: 'yellow',
  disetujui: 'blue',
  diserahkan: 'teal',
  dibatalkan: 'gray',
};

/** The contract's roles for each step (the server checks the same lists; approving one's own plan it refuses). */
export const PLANNER_ROLES: readonly Role[] = ['admin', 'operator'];
export const APPROVER_ROLES: readonly Role[] = ['admin', 'pimpinan'];
export const CANCELLER_ROLES: readonly Role[] = ['admin', 'operator', 'pimpinan'];
