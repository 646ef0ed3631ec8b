import {
  getThreshold,
  listAssessments,
  listCriteria,
  listVerificationQueue,
  recordAssessment,
  saveCriterion,
  setThreshold,
} from '../services/graduation/assessments';
import type { HandlersOf } from './handlers';
import type { verificationContract } from './verification.contract';

export const verificationHandlers = {
  'verification.settings': ({ db }) => ({ criteria: listCriteria(db), threshold: getThreshold(db) }),
  'verification.saveCriterion': ({ db, actor }, input) => saveCriterion(db, actor, input),
  'verification.setThreshold': ({ db, actor }, input) => {
    setThreshold(db, actor, input.threshold);
    return { done: true };
  },
  'verification.queue': ({ db }, input) => listVerificationQueue(db, input),
  'verification.assessments': ({ db }, input) => listAssessments(db, input.candidateId),
  'verification.record': ({ db, actor }, input) => recordAssessment(db, actor, input),
} satisfies HandlersOf<typeof verificationContract>;
