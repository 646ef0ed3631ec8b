/**
 * Verification, the family's statement, proposals, decisions and their reversal, on a
 * real SQLite file: each rule is checked against what is stored afterwards.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { addMonths } from '../../main/domain/dates';
import { criterionSchema, type DecideInput } from '../../main/domain/decision';
import { todayIso } from '../../main/domain/format';
import type { Actor } from '../../main/services/actor';
import {
  listAssessments,
  listCriteria,
  listVerificationQueue,
  recordAssessment,
  saveCriterion,
  setThreshold,
} from '../../main/services/graduation/assessments';
import { decideProposal, reverseDecision } from '../../main/services/graduation/decisions';
import {
  addToProposal,
  createProposal,
  getProposal,
  listProposable,
  removeFromProposal,
  submitProposal,
} from '../../main/services/graduation/proposals';
import { getStatement, recordStatement } from '../../main/services/graduation/statements';
import { expectAppError } from '../support/errors';
import { BEST_ANSWERS, insertCandidate, insertFamily, userActor, WORST_ANSWERS } from '../support/graduation';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let operator: Actor;
let verifikator: Actor;
let pimpinan: Actor;
let familyNo = 0;
const TODAY = todayIso();
const SK_DATE = '2026-01-31';

const count = (table: string, where = '1 = 1') =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const stageOf = (candidateId: number) =>
  (db.$client.prepare('SELECT stage FROM graduation_candidates WHERE id = ?').get(candidateId) as { stage: string })
    .stage;
const familyOf = (kpmId: number) =>
  db.$client
    .prepare(
      'SELECT status, exit_type_id AS exitTypeId, status_reason AS statusReason, status_date AS statusDate FROM kpm WHERE id = ?',
    )
    .get(kpmId) as {
    status: string;
    exitTypeId: number | null;
    statusReason: string | null;
    statusDate: string | null;
  };

/** A family with a candidacy the verifikator found layak (and, for mandiri, a signed statement). */
function verified(kind: 'mandiri' | 'alamiah' = 'mandiri', withStatement = true) {
  const kpmId = insertFamily(db, admin, ++familyNo);
  const candidateId = insertCandidate(db, kpmId, {
    kind,
    reasons: kind === 'mandiri' ? ['usaha', 'rumah_layak'] : ['Tidak ada komponen'],
  });
  recordAssessment(db, verifikator, { candidateId, visitDate: TODAY, answers: BEST_ANSWERS, notes: '' });
  if (kind === 'mandiri' && withStatement) {
    recordStatement(db, operator, {
      candidateId,
      signedDate: TODAY,
      witnessPendamping: 'Rina Pendamping',
      witnessKepalaDesa: 'Slamet Lurah',
      place: 'Medono',
    });
  }
  return { kpmId, candidateId };
}

/** A submitted proposal built by the operator with the given candidates. */
function submitted(candidateIds: number[], by: Actor = operator) {
  const proposal = createProposal(db, by, { year: 2026, title: 'Usulan graduasi tahap I' });
  addToProposal(db, by, { proposalId: proposal.id, candidateIds });
  submitProposal(db, by, proposal.id);
  return proposal;
}

const approveAll = (proposalId: number, candidateIds: number[]): DecideInput => ({
  proposalId,
  skNumber: '400/12/2026',
  skDate: SK_DATE,
  items: candidateIds.map((candidateId) => ({ candidateId, decision: 'approved', rejectReason: '' })),
});

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  operator = userActor(db, admin, 'operator', 'operator1');
  verifikator = userActor(db, admin, 'verifikator', 'verif1');
  pimpinan = userActor(db, admin, 'pimpinan', 'pimpinan1');
  familyNo = 0;
});

describe('verification', () => {
  it('scores an assessment, stores the criteria it used and moves the candidate by its recommendation', () => {
    const layak = insertCandidate(db, insertFamily(db, admin, 1));
    const row = recordAssessment(db, verifikator, {
      candidateId: layak,
      visitDate: TODAY,
      answers: BEST_ANSWERS,
      notes: 'Usaha warung',
    });
    expect(row.score).toBe(100);
    expect(row.recommendation).toBe('layak');
    expect(row.verifierId).toBe(verifikator.id);
    expect((row.criteria as { code: string }[]).map((c) => c.code)).toEqual(listCriteria(db).map((c) => c.code));
    expect(stageOf(layak)).toBe('verified');

    const poor = insertCandidate(db, insertFamily(db, admin, 2));
    const low = recordAssessment(db, verifikator, {
      candidateId: poor,
      visitDate: TODAY,
      answers: WORST_ANSWERS,
      notes: '',
    });
    expect(low.score).toBe(0);
    expect(low.recommendation).toBe('belum_layak');
    expect(stageOf(poor)).toBe('candidate');
    expect(count('audit_log', "action = 'assess'")).toBe(2);
    const queue = listVerificationQueue(db, { q: '', page: 1, pageSize: 50 });
    expect(queue.total).toBe(2);
    expect(queue.items.find((i) => i.candidateId === layak)?.lastScore).toBe(100);
  });

  it('keeps every assessment and lets the last one count', () => {
    const candidateId = insertCandidate(db, insertFamily(db, admin, 1));
    recordAssessment(db, verifikator, { candidateId, visitDate: '2026-01-05', answers: BEST_ANSWERS, notes: '' });
    expect(stageOf(candidateId)).toBe('verified');
    recordAssessment(db, verifikator, {
      candidateId,
      visitDate: '2026-01-20',
      answers: WORST_ANSWERS,
      notes: 'Usaha tutup',
    });
    expect(stageOf(candidateId)).toBe('candidate');
    recordAssessment(db, verifikator, { candidateId, visitDate: '2026-02-01', answers: BEST_ANSWERS, notes: '' });
    expect(stageOf(candidateId)).toBe('verified');
    expect(listAssessments(db, candidateId).map((a) => a.recommendation)).toEqual(['layak', 'belum_layak', 'layak']);
  });

  it('refuses incomplete answers, a visit date after today, a decided candidate and a non-verifier', () => {
    const candidateId = insertCandidate(db, insertFamily(db, admin, 1));
    expectAppError(
      () =>
        recordAssessment(db, verifikator, {
          candidateId,
          visitDate: TODAY,
          answers: { penghasilan: 'setara_umk' },
          notes: '',
        }),
      'INVALID_INPUT',
      /belum dijawab: Kepemilikan rumah/,
    );
    expectAppError(
      () =>
        recordAssessment(db, verifikator, { candidateId, visitDate: '2099-01-01', answers: BEST_ANSWERS, notes: '' }),
      'INVALID_INPUT',
      /Tanggal kunjungan .* masa depan/,
    );
    expectAppError(
      () => recordAssessment(db, operator, { candidateId, visitDate: TODAY, answers: BEST_ANSWERS, notes: '' }),
      'FORBIDDEN',
      /Hanya administrator atau verifikator/,
    );
    const proposed = insertCandidate(db, insertFamily(db, admin, 2), { stage: 'proposed' });
    expectAppError(
      () =>
        recordAssessment(db, verifikator, {
          candidateId: proposed,
          visitDate: TODAY,
          answers: BEST_ANSWERS,
          notes: '',
        }),
      'CONFLICT',
      /diusulkan/,
    );
    expect(count('assessments')).toBe(0);
  });

  it('lets only the administrator edit the criteria and the threshold; a past assessment keeps its snapshot', () => {
    const candidateId = insertCandidate(db, insertFamily(db, admin, 1));
    const answers = { ...WORST_ANSWERS, penghasilan: 'setara_umk' };
    const first = recordAssessment(db, verifikator, { candidateId, visitDate: TODAY, answers, notes: '' });
    const income = listCriteria(db).find((c) => c.code === 'penghasilan');
    if (!income) throw new Error('default criterion missing');
    expectAppError(() => saveCriterion(db, operator, { ...income, weight: 90 }), 'FORBIDDEN', /Hanya administrator/);
    saveCriterion(db, admin, { ...income, weight: 50 });
    setThreshold(db, admin, 50);
    const second = recordAssessment(db, verifikator, { candidateId, visitDate: TODAY, answers, notes: '' });
    expect(first.score).toBe(50);
    expect(second.score).toBe(67);
    expect(second.recommendation).toBe('layak');
    const stored = listAssessments(db, candidateId).find((a) => a.id === first.id);
    const snapshot = (stored?.criteria ?? []) as { code: string; weight: number }[];
    expect(snapshot.find((c) => c.code === 'penghasilan')?.weight).toBe(25);
    expectAppError(() => setThreshold(db, verifikator, 10), 'FORBIDDEN', /ambang batas/);
  });

  it('validates criteria: weight above 0, scores 0-100, at least two options', () => {
    const base = {
      label: 'Luas lantai',
      weight: 5,
      required: false,
      active: true,
      sortOrder: 10,
      options: [
        { code: 'a', label: 'Sempit', score: 0 },
        { code: 'b', label: 'Luas', score: 100 },
      ],
    };
    expect(criterionSchema.safeParse(base).success).toBe(true);
    expect(criterionSchema.safeParse({ ...base, weight: 0 }).error?.issues[0].message).toBe(
      'Bobot harus lebih dari 0.',
    );
    expect(
      criterionSchema.safeParse({ ...base, options: [{ code: 'a', label: 'X', score: 101 }, base.options[1]] }).error
        ?.issues[0].message,
    ).toBe('Skor pilihan 0-100.');
    expect(criterionSchema.safeParse({ ...base, options: [base.options[0]] }).error?.issues[0].message).toMatch(
      /dua pilihan/,
    );
    const created = saveCriterion(db, admin, criterionSchema.parse(base));
    expect(created.code).toBe('luas_lantai');
    expect(saveCriterion(db, admin, criterionSchema.parse(base)).code).toBe('luas_lantai_2');
  });
});

describe('statement', () => {
  it('records the signed statement of a mandiri candidate, refuses alamiah and dates after today', () => {
    const { candidateId } = verified('mandiri', false);
    expect(getStatement(db, candidateId)).toBeNull();
    const input = {
      candidateId,
      signedDate: TODAY,
      witnessPendamping: 'Rina',
      witnessKepalaDesa: 'Slamet',
      place: 'Medono',
    };
    expectAppError(
      () => recordStatement(db, operator, { ...input, signedDate: '2099-01-01' }),
      'INVALID_INPUT',
      /Tanggal tanda tangan/,
    );
    expectAppError(
      () => recordStatement(db, operator, { ...input, witnessKepalaDesa: ' ' }),
      'INVALID_INPUT',
      /Saksi kepala desa\/lurah wajib diisi/,
    );
    expectAppError(() => recordStatement(db, pimpinan, input), 'FORBIDDEN', /surat pernyataan/);
    recordStatement(db, operator, input);
    expect(getStatement(db, candidateId)).toMatchObject({
      signedDate: TODAY,
      witnessPendamping: 'Rina',
      witnessKepalaDesa: 'Slamet',
      place: 'Medono',
      recordedByName: 'operator1',
    });
    const alamiah = verified('alamiah');
    expectAppError(
      () => recordStatement(db, operator, { ...input, candidateId: alamiah.candidateId }),
      'CONFLICT',
      /hanya untuk calon graduasi sejahtera mandiri/,
    );
  });

  it('refuses to approve a mandiri candidate without a signed statement, and changes nothing', () => {
    const signed = verified('mandiri');
    const unsigned = verified('mandiri', false);
    const proposal = submitted([signed.candidateId, unsigned.candidateId]);
    expectAppError(
      () => decideProposal(db, pimpinan, approveAll(proposal.id, [signed.candidateId, unsigned.candidateId])),
      'CONFLICT',
      /Surat pernyataan Keluarga Uji 2 belum dicatat/i,
    );
    expect(familyOf(signed.kpmId).status).toBe('aktif');
    expect(count('decisions')).toBe(0);
    // Rejecting it needs no statement.
    decideProposal(db, pimpinan, {
      ...approveAll(proposal.id, [signed.candidateId]),
      items: [
        { candidateId: signed.candidateId, decision: 'approved', rejectReason: '' },
        { candidateId: unsigned.candidateId, decision: 'rejected', rejectReason: 'Belum bersedia' },
      ],
    });
    expect(familyOf(signed.kpmId).status).toBe('graduasi_mandiri');
  });
});

describe('proposals', () => {
  it('numbers proposals per year, takes only verified candidates, refuses an empty submit, locks after submit', () => {
    const a = verified();
    const b = verified();
    const notVerified = insertCandidate(db, insertFamily(db, admin, ++familyNo));
    const first = createProposal(db, operator, { year: 2026, title: 'Tahap I' });
    expect(first.number).toBe('USL/2026/001');
    expect(createProposal(db, operator, { year: 2026, title: 'Tahap II' }).number).toBe('USL/2026/002');
    expect(createProposal(db, admin, { year: 2027, title: 'Tahap I' }).number).toBe('USL/2027/001');
    expectAppError(
      () => createProposal(db, verifikator, { year: 2026, title: 'X' }),
      'FORBIDDEN',
      /Hanya administrator atau operator/,
    );
    expectAppError(() => submitProposal(db, operator, first.id), 'CONFLICT', /masih kosong/);
    expectAppError(
      () => addToProposal(db, operator, { proposalId: first.id, candidateIds: [notVerified] }),
      'CONFLICT',
      /belum terverifikasi/,
    );
    addToProposal(db, operator, { proposalId: first.id, candidateIds: [a.candidateId, b.candidateId] });
    expect(listProposable(db, { page: 1, pageSize: 50 }).total).toBe(0);
    removeFromProposal(db, operator, { proposalId: first.id, candidateIds: [b.candidateId] });
    expect(listProposable(db, { page: 1, pageSize: 50 }).items.map((i) => i.candidateId)).toEqual([b.candidateId]);
    const done = submitProposal(db, operator, first.id);
    expect(done.status).toBe('submitted');
    expect(stageOf(a.candidateId)).toBe('proposed');
    expect(stageOf(b.candidateId)).toBe('verified');
    expectAppError(
      () => addToProposal(db, operator, { proposalId: first.id, candidateIds: [b.candidateId] }),
      'CONFLICT',
      /sudah diajukan/,
    );
    expect(getProposal(db, first.id).items.map((i) => i.candidateId)).toEqual([a.candidateId]);
  });
});

describe('decisions', () => {
  it('approves and rejects per family: status, exit type, reason, date, visits and audits', () => {
    const a = verified('mandiri');
    const b = verified('alamiah');
    const c = verified('mandiri');
    const proposal = submitted([a.candidateId, b.candidateId, c.candidateId]);
    const input: DecideInput = {
      ...approveAll(proposal.id, []),
      items: [
        { candidateId: a.candidateId, decision: 'approved', rejectReason: '' },
        { candidateId: b.candidateId, decision: 'approved', rejectReason: '' },
        { candidateId: c.candidateId, decision: 'rejected', rejectReason: '' },
      ],
    };
    expectAppError(
      () => decideProposal(db, pimpinan, input),
      'INVALID_INPUT',
      /Alasan penolakan Keluarga Uji 3 wajib diisi/i,
    );
    expectAppError(
      () => decideProposal(db, pimpinan, { ...input, skDate: '2099-01-01' }),
      'INVALID_INPUT',
      /Tanggal SK/,
    );
    expectAppError(
      () => decideProposal(db, pimpinan, { ...input, items: input.items.slice(0, 2) }),
      'INVALID_INPUT',
      /Keputusan untuk Keluarga Uji 3 belum diisi/i,
    );
    const items = input.items.map((i) =>
      i.decision === 'rejected' ? { ...i, rejectReason: 'Penghasilan belum tetap' } : i,
    );
    const decision = decideProposal(db, pimpinan, { ...input, items });
    expect(decision.decidedByName).toBe('pimpinan1');

    const exitType = (kind: string) =>
      (db.$client.prepare('SELECT id FROM exit_types WHERE kind = ? AND builtin = 1').get(kind) as { id: number }).id;
    expect(familyOf(a.kpmId)).toEqual({
      status: 'graduasi_mandiri',
      exitTypeId: exitType('graduasi_mandiri'),
      statusReason: 'Memiliki usaha, Rumah layak huni; Penetapan SK 400/12/2026',
      statusDate: SK_DATE,
    });
    expect(familyOf(b.kpmId)).toEqual({
      status: 'graduasi_alamiah',
      exitTypeId: exitType('graduasi_alamiah'),
      statusReason: 'Tidak ada komponen; Penetapan SK 400/12/2026',
      statusDate: SK_DATE,
    });
    expect(familyOf(c.kpmId).status).toBe('aktif');
    expect([stageOf(a.candidateId), stageOf(b.candidateId), stageOf(c.candidateId)]).toEqual([
      'approved',
      'approved',
      'rejected',
    ]);
    expect(getProposal(db, proposal.id).proposal.status).toBe('decided');
    const visits = db.$client
      .prepare('SELECT months_after AS m, due_date AS due FROM follow_up_visits WHERE kpm_id = ? ORDER BY m')
      .all(a.kpmId);
    // 31 January + 1 month would be 31 February: the visits fall on the month's last day instead.
    expect(visits).toEqual([
      { m: 3, due: '2026-04-30' },
      { m: 6, due: '2026-07-31' },
      { m: 12, due: '2027-01-31' },
    ]);
    expect(count('follow_up_visits', `kpm_id = ${c.kpmId}`)).toBe(0);
    expect(count('audit_log', `entity = 'kpm' AND action IN ('graduate', 'graduation_rejected')`)).toBe(3);
    expectAppError(() => decideProposal(db, pimpinan, { ...input, items }), 'CONFLICT', /sudah diputuskan/);
  });

  it('is all or nothing: a family that fails midway leaves every family, candidate and visit untouched', () => {
    const families = [verified(), verified(), verified()];
    const proposal = submitted(families.map((f) => f.candidateId));
    // The second family left the programme meanwhile: the decision must not half-happen.
    db.$client.prepare("UPDATE kpm SET status = 'keluar' WHERE id = ?").run(families[1].kpmId);
    const auditsBefore = count('audit_log');
    expectAppError(
      () =>
        decideProposal(
          db,
          pimpinan,
          approveAll(
            proposal.id,
            families.map((f) => f.candidateId),
          ),
        ),
      'CONFLICT',
      /Keluarga Uji 2 tidak lagi berstatus aktif/i,
    );
    expect(familyOf(families[0].kpmId)).toEqual({
      status: 'aktif',
      exitTypeId: null,
      statusReason: null,
      statusDate: null,
    });
    expect(families.map((f) => stageOf(f.candidateId))).toEqual(['proposed', 'proposed', 'proposed']);
    expect(count('follow_up_visits')).toBe(0);
    expect(count('decisions')).toBe(0);
    expect(count('proposal_items', 'decision IS NOT NULL')).toBe(0);
    expect(getProposal(db, proposal.id).proposal.status).toBe('submitted');
    expect(count('audit_log')).toBe(auditsBefore);
  });

  it('reverses a decision: families aktif again, visits not yet made removed, the decision row kept', () => {
    const a = verified();
    const b = verified();
    const proposal = submitted([a.candidateId, b.candidateId]);
    const decision = decideProposal(db, pimpinan, {
      ...approveAll(proposal.id, []),
      items: [
        { candidateId: a.candidateId, decision: 'approved', rejectReason: '' },
        { candidateId: b.candidateId, decision: 'rejected', rejectReason: 'Belum mandiri' },
      ],
    });
    db.$client
      .prepare("UPDATE follow_up_visits SET visited_date = '2026-04-30' WHERE kpm_id = ? AND months_after = 3")
      .run(a.kpmId);
    expectAppError(
      () => reverseDecision(db, operator, { decisionId: decision.id, reason: 'Salah' }),
      'FORBIDDEN',
      /Hanya administrator atau pimpinan/,
    );
    expectAppError(
      () => reverseDecision(db, pimpinan, { decisionId: decision.id, reason: '' }),
      'INVALID_INPUT',
      /Alasan pembatalan wajib diisi/,
    );
    const other = userActor(db, admin, 'pimpinan', 'pimpinan2');
    const reversed = reverseDecision(db, other, { decisionId: decision.id, reason: 'Nomor SK salah' });
    expect(reversed).toMatchObject({ reversedBy: other.id, reverseReason: 'Nomor SK salah', skNumber: '400/12/2026' });
    expect(familyOf(a.kpmId)).toEqual({ status: 'aktif', exitTypeId: null, statusReason: null, statusDate: null });
    expect([stageOf(a.candidateId), stageOf(b.candidateId)]).toEqual(['proposed', 'proposed']);
    expect(getProposal(db, proposal.id).proposal.status).toBe('submitted');
    expect(count('decisions')).toBe(1);
    expect(db.$client.prepare('SELECT months_after AS m FROM follow_up_visits').all()).toEqual([{ m: 3 }]);
    expect(count('audit_log', `entity = 'kpm' AND action = 'graduation_reversed'`)).toBe(2);
    expectAppError(
      () => reverseDecision(db, pimpinan, { decisionId: decision.id, reason: 'Lagi' }),
      'CONFLICT',
      /sudah dibatalkan/,
    );
    // The proposal can be decided again, and the history shows both decisions.
    decideProposal(db, pimpinan, {
      ...approveAll(proposal.id, [a.candidateId, b.candidateId]),
      skNumber: '400/13/2026',
    });
    expect(familyOf(b.kpmId).status).toBe('graduasi_mandiri');
    expect(getProposal(db, proposal.id).decisions.map((d) => d.skNumber)).toEqual(['400/13/2026', '400/12/2026']);
  });
});

describe('separation of duties', () => {
  it('lets only the operator or the administrator build proposals, and only pimpinan or administrator decide', () => {
    const a = verified();
    expectAppError(() => createProposal(db, pimpinan, { year: 2026, title: 'X' }), 'FORBIDDEN', /membuat usulan/);
    const proposal = submitted([a.candidateId]);
    expectAppError(() => submitProposal(db, verifikator, proposal.id), 'FORBIDDEN', /mengajukan usulan/);
    expectAppError(
      () => decideProposal(db, operator, approveAll(proposal.id, [a.candidateId])),
      'FORBIDDEN',
      /Hanya administrator atau pimpinan yang dapat menetapkan/,
    );
    expectAppError(
      () => decideProposal(db, verifikator, approveAll(proposal.id, [a.candidateId])),
      'FORBIDDEN',
      /Anda masuk sebagai verifikator/,
    );
    expectAppError(
      () =>
        recordAssessment(db, pimpinan, {
          candidateId: a.candidateId,
          visitDate: TODAY,
          answers: BEST_ANSWERS,
          notes: '',
        }),
      'FORBIDDEN',
      /verifikasi ulang/,
    );
    expect(count('decisions')).toBe(0);
  });

  it('refuses anyone, even an administrator, deciding a proposal they built', () => {
    const a = verified();
    const proposal = submitted([a.candidateId], admin);
    expectAppError(
      () => decideProposal(db, admin, approveAll(proposal.id, [a.candidateId])),
      'FORBIDDEN',
      /Anda ikut menyusun usulan USL\/2026\/001 \(membuat, menambahkan keluarga dan mengajukan\)/,
    );
    expect(familyOf(a.kpmId).status).toBe('aktif');
    decideProposal(db, pimpinan, approveAll(proposal.id, [a.candidateId]));
    expect(familyOf(a.kpmId).status).toBe('graduasi_mandiri');
  });

  it('refuses an administrator who filled and submitted an operator’s empty draft; another user decides it', () => {
    const a = verified();
    const b = verified();
    const draft = createProposal(db, operator, { year: 2026, title: 'Usulan operator' });
    addToProposal(db, admin, { proposalId: draft.id, candidateIds: [a.candidateId, b.candidateId] });
    submitProposal(db, admin, draft.id);
    expectAppError(
      () => decideProposal(db, admin, approveAll(draft.id, [a.candidateId, b.candidateId])),
      'FORBIDDEN',
      /^Anda ikut menyusun usulan USL\/2026\/001 \(menambahkan keluarga dan mengajukan\); penetapannya harus dilakukan oleh pimpinan atau administrator lain/,
    );
    expect(count('decisions')).toBe(0);
    expect(familyOf(a.kpmId).status).toBe('aktif');
    // The page knows before the form is filled: the builders, and who may not decide.
    const seen = getProposal(db, draft.id, admin.id);
    expect(seen.builders.map((x) => [x.username, x.steps])).toEqual([
      ['operator1', ['membuat']],
      [admin.username, ['menambahkan keluarga', 'mengajukan']],
    ]);
    expect(seen.decideRefusal).toMatch(/Anda ikut menyusun usulan USL\/2026\/001/);
    expect(getProposal(db, draft.id, pimpinan.id).decideRefusal).toBeNull();
    decideProposal(db, pimpinan, approveAll(draft.id, [a.candidateId, b.candidateId]));
    expect(familyOf(a.kpmId).status).toBe('graduasi_mandiri');
  });

  it('refuses the creator named on the proposal row even without its audit row', () => {
    const a = verified();
    const proposal = submitted([a.candidateId]);
    db.$client.prepare("DELETE FROM audit_log WHERE entity = 'proposal'").run();
    db.$client.prepare('UPDATE proposals SET created_by = ? WHERE id = ?').run(admin.id, proposal.id);
    expectAppError(
      () => decideProposal(db, admin, approveAll(proposal.id, [a.candidateId])),
      'FORBIDDEN',
      /Anda ikut menyusun usulan USL\/2026\/001 \(membuat\)/,
    );
  });

  it('refuses a user who only removed a family from the draft', () => {
    const a = verified();
    const b = verified();
    const draft = createProposal(db, operator, { year: 2026, title: 'Usulan operator' });
    addToProposal(db, operator, { proposalId: draft.id, candidateIds: [a.candidateId, b.candidateId] });
    removeFromProposal(db, admin, { proposalId: draft.id, candidateIds: [b.candidateId] });
    submitProposal(db, operator, draft.id);
    expectAppError(
      () => decideProposal(db, admin, approveAll(draft.id, [a.candidateId])),
      'FORBIDDEN',
      /\(mengeluarkan keluarga\)/,
    );
    const second = userActor(db, admin, 'admin', 'admin2');
    expect(getProposal(db, draft.id, second.id).decideRefusal).toBeNull();
    decideProposal(db, second, approveAll(draft.id, [a.candidateId]));
    expect(count('decisions')).toBe(1);
  });

  it('refuses anyone, even an administrator, deciding a family they verified (any assessment of the candidacy)', () => {
    const a = verified();
    const b = verified();
    // The administrator assessed b once (belum layak); the verifikator's later assessment made it layak.
    recordAssessment(db, admin, { candidateId: b.candidateId, visitDate: TODAY, answers: WORST_ANSWERS, notes: '' });
    recordAssessment(db, verifikator, {
      candidateId: b.candidateId,
      visitDate: TODAY,
      answers: BEST_ANSWERS,
      notes: '',
    });
    const proposal = submitted([a.candidateId, b.candidateId]);
    expectAppError(
      () => decideProposal(db, admin, approveAll(proposal.id, [a.candidateId, b.candidateId])),
      'FORBIDDEN',
      /Anda memverifikasi Keluarga Uji 2/i,
    );
    expect(count('decisions')).toBe(0);
    decideProposal(db, pimpinan, approveAll(proposal.id, [a.candidateId, b.candidateId]));
    expect(count('decisions')).toBe(1);
  });
});

describe('follow-up due dates', () => {
  it('adds months and rolls a day the month lacks back to its last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-11-22', 12)).toBe('2027-11-22');
    expect(addMonths('2026-10-15', 6)).toBe('2027-04-15');
  });
});
