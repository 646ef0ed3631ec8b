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
import type { HandlersOf } from './handlers';
import type { proposalContract } from './proposal.contract';

export const proposalHandlers = {
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
} satisfies HandlersOf<typeof proposalContract>;
