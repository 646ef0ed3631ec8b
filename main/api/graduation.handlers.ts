import { addAlamiahCandidates, alamiahScan } from '../services/graduation/alamiah';
import { commitCandidateImport, previewCandidateImport } from '../services/graduation/candidate-import';
import { addMandiriCandidate, listCandidates, withdrawCandidates } from '../services/graduation/candidates';
import { addExitType, exitKpm, listExitTypes, updateExitType } from '../services/graduation/exit-types';
import { familyTimeline } from '../services/graduation/timeline';
import { requireOwnFamilyById } from '../services/own-families';
import type { graduationContract } from './graduation.contract';
import type { HandlersOf } from './handlers';

export const graduationHandlers = {
  'graduation.exitTypes': ({ db }) => listExitTypes(db),
  'graduation.exitTypeAdd': ({ db, actor }, input) => addExitType(db, actor, input),
  'graduation.exitTypeUpdate': ({ db, actor }, input) => updateExitType(db, actor, input),
  'graduation.exit': ({ db, actor }, input) => {
    exitKpm(db, actor, input);
    return { done: true };
  },
  'graduation.candidateAdd': ({ db, actor }, input) => addMandiriCandidate(db, actor, input),
  'graduation.candidateWithdraw': ({ db, actor }, input) => withdrawCandidates(db, actor, input),
  'graduation.candidates': ({ db, actor }, input) => listCandidates(db, actor, input),
  'graduation.alamiahScan': ({ db }, input) => alamiahScan(db, input),
  'graduation.alamiahAdd': ({ db, actor }, input) => addAlamiahCandidates(db, actor, input),
  'graduation.listPreview': ({ db, actor }, input) => previewCandidateImport(db, actor, input.fileBase64),
  'graduation.listCommit': ({ db, actor }, input) => commitCandidateImport(db, actor, input.fileBase64),
  'graduation.timeline': ({ db, actor }, input) => {
    requireOwnFamilyById(db, actor, input.id);
    return familyTimeline(db, input.id);
  },
} satisfies HandlersOf<typeof graduationContract>;
