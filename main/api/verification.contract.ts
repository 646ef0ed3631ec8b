/**
 * Verification of graduation candidates: the assessment criteria, the threshold, the queue and the recorded
 * assessments. Each method names its duty in GRADUATION_DUTIES, so the dispatcher refuses before anything
 * runs; the services check the same duties again.
 */
import { z } from 'zod';
import type { Assessment, AssessmentCriterion } from '../../db/schema';
import { assessmentSchema, criterionSchema, thresholdSchema, verificationQueueSchema } from '../domain/decision';
import type { Page } from '../domain/paging';
import type { QueueRow } from '../services/graduation/assessments';
import { method, none } from './method';

export type { Assessment, AssessmentCriterion } from '../../db/schema';
export type { QueueRow } from '../services/graduation/assessments';

/** The candidate a verification or statement method is about. */
export const candidateRef = z.object({ candidateId: z.number().int().positive() });

export const verificationContract = {
  'verification.settings': method<{ criteria: AssessmentCriterion[]; threshold: number }>()(none, {
    duty: 'graduation.view',
  }),
  'verification.saveCriterion': method<AssessmentCriterion>()(criterionSchema, { duty: 'graduation.criteria' }),
  'verification.setThreshold': method<{ done: true }>()(thresholdSchema, { duty: 'graduation.criteria' }),
  'verification.queue': method<Page<QueueRow>>()(verificationQueueSchema, { duty: 'graduation.view' }),
  'verification.assessments': method<Assessment[]>()(candidateRef, { duty: 'graduation.view' }),
  'verification.record': method<Assessment>()(assessmentSchema, { duty: 'graduation.verify' }),
} as const;
