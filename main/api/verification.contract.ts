/**
 * Verification of graduation candidates: the assessment criteria, the threshold, the queue and the recorded
 * assessments. Each method states its roles from GRADUATION_DUTIES, so the dispatcher refuses before anything
 * runs; the services check the same duties again.
 */
import { z } from 'zod';
import type { Assessment, AssessmentCriterion } from '../../db/schema';
import {
  assessmentSchema,
  criterionSchema,
  GRADUATION_DUTIES,
  thresholdSchema,
  verificationQueueSchema,
} from '../domain/decision';
import { ROLES } from '../domain/enums';
import type { Page } from '../domain/paging';
import type { QueueRow } from '../services/graduation/assessments';
import { method, none } from './method';

export type { Assessment, AssessmentCriterion } from '../../db/schema';
export type { QueueRow } from '../services/graduation/assessments';

/** The candidate a verification or statement method is about. */
export const candidateRef = z.object({ candidateId: z.number().int().positive() });

export const verificationContract = {
  'verification.settings': method<{ criteria: AssessmentCriterion[]; threshold: number }>()(none, { roles: ROLES }),
  'verification.saveCriterion': method<AssessmentCriterion>()(criterionSchema, { roles: GRADUATION_DUTIES.criteria }),
  'verification.setThreshold': method<{ done: true }>()(thresholdSchema, { roles: GRADUATION_DUTIES.criteria }),
  'verification.queue': method<Page<QueueRow>>()(verificationQueueSchema, { roles: ROLES }),
  'verification.assessments': method<Assessment[]>()(candidateRef, { roles: ROLES }),
  'verification.record': method<Assessment>()(assessmentSchema, { roles: GRADUATION_DUTIES.verify }),
} as const;
