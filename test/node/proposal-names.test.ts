/** Proposal pages speak of people by their names, not by the usernames the records keep. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { todayIso } from '../../main/domain/format';
import type { Actor } from '../../main/services/actor';
import { recordAssessment } from '../../main/services/graduation/assessments';
import { decideProposal, reverseDecision } from '../../main/services/graduation/decisions';
import {
  addToProposal,
  createProposal,
  getProposal,
  listProposals,
  submitProposal,
} from '../../main/services/graduation/proposals';
import { BEST_ANSWERS, insertCandidate, insertFamily, userActor } from '../support/graduation';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});
afterEach(() => db.$client.close());

it('names who built, verified, decided and reversed', () => {
  const operator = userActor(db, admin, 'operator', 'rudi.ver');
  const verifikator = userActor(db, admin, 'verifikator', 'sari.v');
  const pimpinan = userActor(db, admin, 'pimpinan', 'kadis');
  const kpmId = insertFamily(db, admin, 1);
  const candidateId = insertCandidate(db, kpmId, { kind: 'alamiah', reasons: ['Tidak ada komponen'] });
  recordAssessment(db, verifikator, { candidateId, visitDate: todayIso(), answers: BEST_ANSWERS, notes: '' });
  const proposal = createProposal(db, operator, { year: 2026, title: 'Usulan graduasi tahap I' });
  addToProposal(db, operator, { proposalId: proposal.id, candidateIds: [candidateId] });
  submitProposal(db, operator, proposal.id);
  const decision = decideProposal(db, pimpinan, {
    proposalId: proposal.id,
    skNumber: '400/12/2026',
    skDate: '2026-01-31',
    items: [{ candidateId, decision: 'approved', rejectReason: '' }],
  });
  reverseDecision(db, admin, { decisionId: decision.id, reason: 'Nomor SK salah' });

  const detail = getProposal(db, proposal.id);
  expect(detail.proposal.createdByName).toBe('Pengguna rudi.ver');
  expect(detail.items[0]?.verifiers).toEqual(['Pengguna sari.v']);
  expect(detail.decisions[0]).toMatchObject({ decidedByName: 'Pengguna kadis' });
  const adminName = db.$client.prepare('SELECT full_name AS n FROM users WHERE id = ?').get(admin.id) as { n: string };
  expect(adminName.n).not.toBe(admin.username);
  expect(detail.decisions[0]?.reversedByName).toBe(adminName.n);
  expect(listProposals(db, { page: 1, pageSize: 20, status: null }).items[0]?.createdByName).toBe('Pengguna rudi.ver');
});
