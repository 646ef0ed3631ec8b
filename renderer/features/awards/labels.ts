import type { AwardStage } from '../../../main/domain/awards';

export const STAGE_COLOR: Record<AwardStage, string> = {
  planned: 'yellow',
  approved: 'blue',
  handed_over: 'teal',
  cancelled: 'gray',
};
