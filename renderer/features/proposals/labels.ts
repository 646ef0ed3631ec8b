import type { ProposalStatus } from '../../../main/domain/graduation';

export const PROPOSAL_STATUS_COLOR: Record<ProposalStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  decided: 'teal',
};
