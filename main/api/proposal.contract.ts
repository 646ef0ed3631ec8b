/**
 * Proposals of graduation and the decision on them (penetapan), with its reversal. A decision takes a backup
 * before it runs, once the caller's role and input have passed and the service's own check has (the check
 * beside its handler): nobody decides a proposal they built or a family they verified.
 */
import type { Decision, Proposal } from '../../db/schema';
import {
  decideSchema,
  proposalCreateSchema,
  proposalItemsSchema,
  proposalListSchema,
  reverseSchema,
} from '../domain/decision';
import { type Page, pagingSchema } from '../domain/paging';
import type { AvailableCandidate, ProposalDetail, ProposalRow } from '../services/graduation/proposals';
import { id, method } from './method';

export type { Decision, Proposal } from '../../db/schema';
export type { AvailableCandidate, ProposalItemRow, ProposalRow } from '../services/graduation/proposals';

const propose = { duty: 'graduation.propose' } as const;
const decide = { duty: 'graduation.decide', backupBefore: 'keputusan' } as const;

export const proposalContract = {
  'proposal.list': method<Page<ProposalRow>>()(proposalListSchema, { duty: 'graduation.view' }),
  'proposal.get': method<ProposalDetail>()(id, { duty: 'graduation.view' }),
  'proposal.proposable': method<Page<AvailableCandidate>>()(pagingSchema, { duty: 'graduation.view' }),
  'proposal.create': method<Proposal>()(proposalCreateSchema, propose),
  'proposal.add': method<{ added: number }>()(proposalItemsSchema, propose),
  'proposal.remove': method<{ removed: number }>()(proposalItemsSchema, propose),
  'proposal.submit': method<Proposal>()(id, propose),
  'decision.decide': method<Decision>()(decideSchema, decide),
  'decision.reverse': method<Decision>()(reverseSchema, decide),
} as const;
