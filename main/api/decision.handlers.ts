import {
  getThreshold,
  listAssessments,
  listCriteria,
  listVerificationQueue,
  recordAssessment,
  saveCriterion,
  setThreshold,
} from '../services/graduation/assessments';
import { checkDecidable, checkReversible, decideProposal, reverseDecision } from '../services/graduation/decisions';
import {
  addToProposal,
  createProposal,
  getProposal,
  listProposable,
  listProposals,
  removeFromProposal,
  submitProposal,
} from '../services/graduation/proposals';
import { getStatement, recordStatement, suggestStatement } from '../services/graduation/statements';
import type { decisionContract } from './decision.contract';
import type { HandlersOf } from './handlers';

export const decisionHandlers = {
  'verification.settings': ({ db }) => ({ criteria: listCriteria(db), threshold: getThreshold(db) }),
  'verification.saveCriterion': ({ db, actor }, input) => saveCriterion(db, actor, input),
  'verification.setThreshold': ({ db, actor }, input) => {
    setThreshold(db, actor, input.threshold);
    return { done: true };
  },
  'verification.queue': ({ db }, input) => listVerificationQueue(db, input),
  'verification.assessments': ({ db }, input) => listAssessments(db, input.candidateId),
  'verification.record': ({ db, actor }, input) => recordAssessment(db, actor, input),
  'statement.get': ({ db }, input) => getStatement(db, input.candidateId),
  'statement.suggest': ({ db }, input) => suggestStatement(db, input.candidateId),
  'statement.record': ({ db, actor }, input) => recordStatement(db, actor, input),
  'proposal.list': ({ db }, input) => listProposals(db, input),
  'proposal.get': ({ db, actor }, input) => getProposal(db, input.id, actor.id),
  'proposal.proposable': ({ db }, input) => listProposable(db, input),
  'proposal.create': ({ db, actor }, input) => createProposal(db, actor, input),
  'proposal.add': ({ db, actor }, input) => addToProposal(db, actor, input),
  'proposal.remove': ({ db, actor }, input) => removeFromProposal(db, actor, input),
  'proposal.submit': ({ db, actor }, input) => submitProposal(db, actor, input.id),
  // The services' own refusals run before the backup these methods take: a refused decision costs no copy.
  'decision.decide': {
    check: ({ db, actor }, input) => void checkDecidable(db, actor, input),
    run: ({ db, actor }, input) => decideProposal(db, actor, input),
  },
  'decision.reverse': {
    check: ({ db, actor }, input) => void checkReversible(db, actor, input),
    run: ({ db, actor }, input) => reverseDecision(db, actor, input),
  },
} satisfies HandlersOf<typeof decisionContract>;
