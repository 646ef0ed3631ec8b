/**
 * Verification, the family's statement, proposals and decisions (issue 7 points 3-6). Roles are enforced in
 * the services (main/services/graduation/duties.ts), which say in Indonesian who may do what and why.
 */
import { z } from 'zod';
import type { Assessment, AssessmentCriterion, Decision, Proposal } from '../../db/schema';
import {
  assessmentSchema,
  criterionSchema,
  decideSchema,
  proposalCreateSchema,
  proposalItemsSchema,
  proposalListSchema,
  reverseSchema,
  statementSchema,
  thresholdSchema,
  verificationQueueSchema,
} from '../domain/decision';
import { type Page, pagingSchema } from '../domain/paging';
import type { QueueRow } from '../services/graduation/assessments';
import type { AvailableCandidate, ProposalDetail, ProposalRow } from '../services/graduation/proposals';
import type { GraduationStatement, StatementSuggestion } from '../services/graduation/statements';
import { id, method, none } from './method';

export type { Assessment, AssessmentCriterion, Decision, Proposal } from '../../db/schema';
export type { QueueRow } from '../services/graduation/assessments';
export type { AvailableCandidate, ProposalItemRow, ProposalRow } from '../services/graduation/proposals';
export type { GraduationStatement } from '../services/graduation/statements';

const candidateRef = z.object({ candidateId: z.number().int().positive() });

export const decisionContract = {
  'verification.settings': method<{ criteria: AssessmentCriterion[]; threshold: number }>()(none),
  'verification.saveCriterion': method<AssessmentCriterion>()(criterionSchema),
  'verification.setThreshold': method<{ done: true }>()(thresholdSchema),
  'verification.queue': method<Page<QueueRow>>()(verificationQueueSchema),
  'verification.assessments': method<Assessment[]>()(candidateRef),
  'verification.record': method<Assessment>()(assessmentSchema),
  'statement.get': method<GraduationStatement | null>()(candidateRef),
  'statement.suggest': method<StatementSuggestion>()(candidateRef),
  'statement.record': method<GraduationStatement>()(statementSchema),
  'proposal.list': method<Page<ProposalRow>>()(proposalListSchema),
  'proposal.get': method<ProposalDetail>()(id),
  'proposal.proposable': method<Page<AvailableCandidate>>()(pagingSchema),
  'proposal.create': method<Proposal>()(proposalCreateSchema),
  'proposal.add': method<{ added: number }>()(proposalItemsSchema),
  'proposal.remove': method<{ removed: number }>()(proposalItemsSchema),
  'proposal.submit': method<Proposal>()(id),
  'decision.decide': method<Decision>()(decideSchema),
  'decision.reverse': method<Decision>()(reverseSchema),
} as const;
