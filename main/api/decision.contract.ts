/**
 * Verification, the family's statement, proposals and decisions. Each method states its
 * roles from GRADUATION_DUTIES, so the dispatcher refuses before anything runs (before the backup a decision
 * takes); the services check the same duties again, and the rules beyond a role (nobody decides their own work).
 */
import { z } from 'zod';
import type { Assessment, AssessmentCriterion, Decision, Proposal } from '../../db/schema';
import {
  assessmentSchema,
  criterionSchema,
  decideSchema,
  GRADUATION_DUTIES,
  proposalCreateSchema,
  proposalItemsSchema,
  proposalListSchema,
  reverseSchema,
  statementSchema,
  thresholdSchema,
  verificationQueueSchema,
} from '../domain/decision';
import { ROLES } from '../domain/enums';
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
/** Every role reads the graduation path; who may change it is GRADUATION_DUTIES. */
const everyone = { roles: ROLES };
const duty = (name: keyof typeof GRADUATION_DUTIES) => ({ roles: GRADUATION_DUTIES[name] });

export const decisionContract = {
  'verification.settings': method<{ criteria: AssessmentCriterion[]; threshold: number }>()(none, everyone),
  'verification.saveCriterion': method<AssessmentCriterion>()(criterionSchema, duty('criteria')),
  'verification.setThreshold': method<{ done: true }>()(thresholdSchema, duty('criteria')),
  'verification.queue': method<Page<QueueRow>>()(verificationQueueSchema, everyone),
  'verification.assessments': method<Assessment[]>()(candidateRef, everyone),
  'verification.record': method<Assessment>()(assessmentSchema, duty('verify')),
  'statement.get': method<GraduationStatement | null>()(candidateRef, everyone),
  'statement.suggest': method<StatementSuggestion>()(candidateRef, { roles: ROLES }),
  'statement.record': method<GraduationStatement>()(statementSchema, duty('statement')),
  'proposal.list': method<Page<ProposalRow>>()(proposalListSchema, everyone),
  'proposal.get': method<ProposalDetail>()(id, everyone),
  'proposal.proposable': method<Page<AvailableCandidate>>()(pagingSchema, everyone),
  'proposal.create': method<Proposal>()(proposalCreateSchema, duty('propose')),
  'proposal.add': method<{ added: number }>()(proposalItemsSchema, duty('propose')),
  'proposal.remove': method<{ removed: number }>()(proposalItemsSchema, duty('propose')),
  'proposal.submit': method<Proposal>()(id, duty('propose')),
  'decision.decide': method<Decision>()(decideSchema, { ...duty('decide'), backupBefore: 'keputusan' }),
  'decision.reverse': method<Decision>()(reverseSchema, { ...duty('decide'), backupBefore: 'keputusan' }),
} as const;
