import type { ProposalStatus } from '../../../main/domain/graduation';

export const PROPOSAL_STATUS_COLOR: Record<ProposalStatus, string> = {
  draft: 'gray',
  diajukan: 'blue',
  diputuskan: 'teal',
};
