/**
 * The ministry's graduation files say what was decided: "Penetapan graduasi" lists only the families an
 * unreversed decision approved, with its decree; "Usulan graduasi" lists every proposed family with its status
 * (proposed, approved, rejected, cancelled), the decree only beside an approval. The proposals and the decision
 * are made through the graduation services, as the office makes them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { todayIso } from '../../main/domain/format';
import type { Actor } from '../../main/services/actor';
import { countExport, runExport } from '../../main/services/exports/run';
import { findTemplate, saveTemplate } from '../../main/services/exports/templates';
import { recordAssessment } from '../../main/services/graduation/assessments';
import { decideProposal, reverseDecision } from '../../main/services/graduation/decisions';
import { addToProposal, createProposal, submitProposal } from '../../main/services/graduation/proposals';
import { expectAppError } from '../support/errors';
import { builtIn, readWorkbook, sheetRows } from '../support/exports';
import { BEST_ANSWERS, insertCandidate, insertFamily, userActor } from '../support/graduation';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let operator: Actor;
let pimpinan: Actor;
let decisionId: number;
const family: Record<'approved' | 'rejected' | 'undecided' | 'withdrawn' | 'notProposed', string> = {
  approved: 'KELUARGA UJI 1',
  rejected: 'KELUARGA UJI 2',
  undecided: 'KELUARGA UJI 3',
  withdrawn: 'KELUARGA UJI 4',
  notProposed: 'KELUARGA UJI 5',
};
const TODAY = todayIso();

/** An alamiah candidacy the verifikator found layak (alamiah needs no signed statement). */
function verified(n: number, verifikator: Actor): number {
  const candidateId = insertCandidate(db, insertFamily(db, admin, n), { kind: 'alamiah', reasons: ['Tanpa komponen'] });
  recordAssessment(db, verifikator, { candidateId, visitDate: TODAY, answers: BEST_ANSWERS, notes: '' });
  return candidateId;
}

function submitted(title: string, candidateIds: number[]): number {
  const proposal = createProposal(db, operator, { year: Number(TODAY.slice(0, 4)), title });
  addToProposal(db, operator, { proposalId: proposal.id, candidateIds });
  submitProposal(db, operator, proposal.id);
  return proposal.id;
}

beforeAll(async () => {
  ({ db, admin } = await setUpOffice());
  operator = userActor(db, admin, 'operator', 'operator_status');
  pimpinan = userActor(db, admin, 'pimpinan', 'pimpinan_status');
  const verifikator = userActor(db, admin, 'verifikator', 'verifikator_status');
  const [approved, rejected, undecided, withdrawn] = [1, 2, 3, 4].map((n) => verified(n, verifikator));
  verified(5, verifikator);
  const decided = submitted('Usulan tahap I', [approved, rejected]);
  submitted('Usulan tahap II', [undecided, withdrawn]);
  // A candidacy withdrawn while its proposal was submitted: the app now refuses that (withdrawCandidates), but
  // files from earlier versions hold such rows and the export must still name them.
  db.$client
    .prepare("UPDATE graduation_candidates SET stage = 'cancelled', closed_reason = 'Pindah domisili' WHERE id = ?")
    .run(withdrawn);
  decisionId = decideProposal(db, pimpinan, {
    proposalId: decided,
    skNumber: '400/77/2026',
    skDate: TODAY,
    items: [
      { candidateId: approved, decision: 'approved', rejectReason: '' },
      { candidateId: rejected, decision: 'rejected', rejectReason: 'Penghasilan belum tetap' },
    ],
  }).id;
});

async function rowsOf(key: string, template = builtIn(key.replace('bawaan:', ''))) {
  const file = await runExport(db, admin, { templateKey: key, template, nikMode: 'full' }, { via: 'aplikasi' });
  const rows = sheetRows((await readWorkbook(file.bytes)).worksheets[0]);
  expect(file.rows).toBe(rows.length);
  const text = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
  return {
    file,
    rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([h, cell]) => [h, text(cell.value) ?? null]))),
  };
}

describe('the graduation files say what was decided', () => {
  it('Penetapan graduasi: only the approved family, with its status, SK number and SK date', async () => {
    const { file, rows } = await rowsOf('bawaan:penetapan');
    expect(file.fileName).toMatch(/^penetapan-graduasi-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'NAMA PENGURUS': family.approved,
      STATUS: 'Disetujui',
      'NOMOR SK': '400/77/2026',
      'TANGGAL SK': TODAY,
    });
  });

  it('Usulan graduasi: every proposed family with its status; the SK only beside the approval', async () => {
    const { file, rows } = await rowsOf('bawaan:usulan');
    expect(file.fileName).toMatch(/^usulan-graduasi-/);
    const byName = Object.fromEntries(rows.map((r) => [r['NAMA PENGURUS'], r]));
    expect(Object.keys(byName).sort()).toEqual(
      [family.approved, family.rejected, family.undecided, family.withdrawn].sort(),
    );
    const pick = (name: string) => {
      const r = byName[name];
      return [r.STATUS, r['NOMOR SK'], r['TANGGAL SK'], r['ALASAN DITOLAK']];
    };
    expect(pick(family.approved)).toEqual(['Disetujui', '400/77/2026', TODAY, null]);
    expect(pick(family.rejected)).toEqual(['Ditolak', null, null, 'Penghasilan belum tetap']);
    expect(pick(family.undecided)).toEqual(['Diusulkan', null, null, null]);
    expect(pick(family.withdrawn)).toEqual(['Dibatalkan', null, null, null]);
    expect(byName[family.rejected]['NOMOR USULAN']).toBe(byName[family.approved]['NOMOR USULAN']);
  });

  it('an office template copied from the old single list keeps its columns; the SK no longer marks a rejection', async () => {
    // The old built-in's columns and no filters, as an office saved it before there were two.
    const old = saveTemplate(db, admin, {
      ...builtIn('penetapan'),
      name: 'Graduasi untuk dinas provinsi',
      filters: {},
      columns: ['nama', 'jenisGraduasi', 'tanggal', 'nomorSk'].map((key) => ({ key, header: key.toUpperCase() })),
    });
    const { rows } = await rowsOf(old.key, findTemplate(db, old.name));
    // Every open or decided candidacy, as before (withdrawn ones left out); the decree only beside the approval.
    expect(rows.map((r) => [r.NAMA, r.NOMORSK]).sort()).toEqual([
      [family.approved, '400/77/2026'],
      [family.rejected, null],
      [family.undecided, null],
      [family.notProposed, null],
    ]);
    // The command line's and the old log's name of the built-in is the file for upload.
    expect(findTemplate(db, 'graduation')).toMatchObject({ key: 'bawaan:penetapan', name: 'Penetapan graduasi' });
    expect(findTemplate(db, 'bawaan:graduation').key).toBe('bawaan:penetapan');
  });

  it('refuses the status usulan filter on a kind without proposals, naming the field', () => {
    expectAppError(
      () => countExport(db, builtIn('registry', { filters: { outcome: ['approved'] } })),
      'INVALID_INPUT',
      /status usulan/,
      { outcome: /hanya untuk ekspor usulan dan penetapan graduasi/ },
    );
  });

  it('a reversed decision approves no one: the family is proposed again, without the SK', async () => {
    reverseDecision(db, pimpinan, { decisionId, reason: 'Salah input nomor SK' });
    expect((await rowsOf('bawaan:penetapan')).rows).toEqual([]);
    const rows = (await rowsOf('bawaan:usulan')).rows;
    const approved = rows.find((r) => r['NAMA PENGURUS'] === family.approved);
    expect([approved?.STATUS, approved?.['NOMOR SK'], approved?.['TANGGAL SK']]).toEqual(['Diusulkan', null, null]);
  });
});
