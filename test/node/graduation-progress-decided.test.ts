/**
 * Progress and visits read what the real decision service writes (not only the fixture rows): an approved family
 * counts and gets its visits; the reversal takes both away.
 */
import { expect, it } from 'vitest';
import { todayIso } from '../../main/domain/format';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { recordAssessment } from '../../main/services/graduation/assessments';
import { decideProposal, reverseDecision } from '../../main/services/graduation/decisions';
import { graduationDashboard } from '../../main/services/graduation/progress';
import { addToProposal, createProposal, submitProposal } from '../../main/services/graduation/proposals';
import { listVisits } from '../../main/services/graduation/visits';
import { BEST_ANSWERS, insertCandidate, insertFamily, userActor } from '../support/graduation';
import { setUpOffice } from './helpers';

it('counts a family approved by the decision service and drops it when the decision is reversed', async () => {
  const { db, admin } = await setUpOffice();
  const operator = userActor(db, admin, 'operator', 'operator1');
  const verifikator = userActor(db, admin, 'verifikator', 'verif1');
  const pimpinan = userActor(db, admin, 'pimpinan', 'pimpinan1');
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const candidates = [1, 2].map((n) => {
    const candidateId = insertCandidate(db, insertFamily(db, admin, n), {
      kind: 'alamiah',
      reasons: ['Tidak ada komponen'],
    });
    recordAssessment(db, verifikator, { candidateId, visitDate: today, answers: BEST_ANSWERS, notes: '' });
    return candidateId;
  });
  const proposal = createProposal(db, operator, { year, title: 'Usulan uji' });
  addToProposal(db, operator, { proposalId: proposal.id, candidateIds: candidates });
  submitProposal(db, operator, proposal.id);
  const before = graduationDashboard(db, year);
  expect(before.pipeline.proposed).toBe(2);
  expect(before.office.graduated).toBe(0);

  const decision = decideProposal(db, pimpinan, {
    proposalId: proposal.id,
    skNumber: '400/1/UJI',
    skDate: `${year}-01-01`,
    items: [
      { candidateId: candidates[0], decision: 'approved', rejectReason: '' },
      { candidateId: candidates[1], decision: 'rejected', rejectReason: 'Masih ada balita' },
    ],
  });
  const after = graduationDashboard(db, year);
  expect(after.office).toMatchObject({ graduated: 1, alamiah: 1, mandiri: 0 });
  expect(after.pipeline).toMatchObject({ proposed: 0, approved: 1, rejected: 1 });
  const visits = (kind: 'bulan_ini' | 'terlambat') =>
    listVisits(db, SYSTEM_ACTOR, { kind, page: 1, pageSize: 50 }, `${year + 2}-01-01`).total;
  expect(visits('terlambat')).toBe(3);

  reverseDecision(db, pimpinan, { decisionId: decision.id, reason: 'SK salah nomor' });
  expect(graduationDashboard(db, year).office.graduated).toBe(0);
  expect(visits('terlambat')).toBe(0);
});
