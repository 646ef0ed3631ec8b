import type { AwardStage } from '../../../main/domain/awards';

export const STAGE_COLOR: Record<AwardStage, string> = {
  direncanakan: 'yellow',
  disetujui: 'blue',
  diserahkan: 'teal',
  dibatalkan: 'gray',
};
