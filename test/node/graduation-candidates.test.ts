import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { auditLog, exitTypes, graduationCandidates, kpm } from '../../db/schema';
import { alamiahAddSchema, alamiahScanSchema, candidateListSchema } from '../../main/api/graduation.contract';
import { kpmSchema, kpmSearchSchema } from '../../main/domain/schemas';
import type { Actor } from '../../main/services/actor';
import { addAlamiahCandidates, alamiahScan } from '../../main/services/graduation/alamiah';
import { commitCandidateImport, previewCandidateImport } from '../../main/services/graduation/candidate-import';
import { addMandiriCandidate, listCandidates, withdrawCandidates } from '../../main/services/graduation/candidates';
import { addExitType, exitKpm, listExitTypes, updateExitType } from '../../main/services/graduation/exit-types';
import { addToProposal, createProposal } from '../../main/services/graduation/proposals';
import { familyTimeline } from '../../main/services/graduation/timeline';
import { createKpm, getKpm, updateKpm } from '../../main/services/kpm';
import { searchKpm } from '../../main/services/kpm-search';
import { appErrorOf, appErrorOfAsync } from '../support/errors';
import { exitTypeIdNamed, insertCandidate } from '../support/graduation';
import { familyInput, setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
const operator: Actor = { id: 99, username: 'operator1', role: 'operator' };
const verifikator: Actor = { id: 98, username: 'verif1', role: 'verifikator' };

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});
afterEach(() => db.$client.close());

/** Family n (1..99) with the given children (birth date, recorded komponen); no member NIKs. */
function addFamily(n: number, children: [string, string | null][] = [], extra: Record<string, unknown> = {}): number {
  const tail = String(n).padStart(4, '0');
  const result = createKpm(
    db,
    admin,
    familyInput({
      idKpm: `P00000000${tail}`,
      noKk: `337501010110${tail}`,
      nik: `337501450785${tail}`,
      nama: `Ibu Uji ${n}`,
      members: children.map(([tanggalLahir, komponen], i) => ({
        nama: `Anak ${n}-${i}`,
        hubungan: 'anak',
        tanggalLahir,
        jenisKelamin: 'L',
        komponen,
      })),
      acceptWarnings: true,
      ...extra,
    }),
  );
  if (result.status !== 'saved') throw new Error('not saved');
  return result.id;
}

const family = (id: number) => db.select().from(kpm).where(eq(kpm.id, id)).get();
const candidate = (id: number) => db.select().from(graduationCandidates).where(eq(graduationCandidates.id, id)).get();

describe('exit types', () => {
  it('lists the defaults and lets the administrator add, rename and switch off the office’s own', () => {
    expect(listExitTypes(db).map((t) => t.name)).toContain('Meninggal dunia');
    const own = addExitType(db, admin, { name: 'Bantuan dialihkan' });
    expect(own).toMatchObject({ kind: 'lainnya', builtin: false, active: true });
    expect(updateExitType(db, admin, { id: own.id, name: 'Dialihkan ke program lain' }).name).toBe(
      'Dialihkan ke program lain',
    );
    expect(updateExitType(db, admin, { id: own.id, active: false }).active).toBe(false);
    const audits = db.select().from(auditLog).where(eq(auditLog.entity, 'exit_type')).all();
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('refuses renaming or switching off a builtin type, a duplicate name, and a non-administrator', () => {
    const builtin = exitTypeIdNamed(db, 'Pindah domisili');
    expect(appErrorOf(() => updateExitType(db, admin, { id: builtin, name: 'Pindah' })).message).toMatch(/bawaan/);
    expect(appErrorOf(() => updateExitType(db, admin, { id: builtin, active: false })).code).toBe('FORBIDDEN');
    expect(appErrorOf(() => addExitType(db, admin, { name: 'meninggal dunia' })).code).toBe('DUPLICATE');
    expect(appErrorOf(() => addExitType(db, operator, { name: 'Lain' })).code).toBe('FORBIDDEN');
    expect(db.select().from(exitTypes).where(eq(exitTypes.id, builtin)).get()).toMatchObject({
      name: 'Pindah domisili',
      active: true,
    });
  });
});

describe('a family’s status changes only through an exit', () => {
  it('records the exit type, reason and date, audited', () => {
    const id = addFamily(1);
    const exitTypeId = exitTypeIdNamed(db, 'Meninggal dunia');
    exitKpm(db, operator, { id, exitTypeId, reason: 'Pengurus meninggal', date: '2026-10-01' });
    expect(family(id)).toMatchObject({ status: 'keluar', exitTypeId, statusReason: 'Pengurus meninggal' });
    expect(getKpm(db, id).history[0]).toMatchObject({ action: 'exit', username: 'operator1' });
    expect(familyTimeline(db, id).exitTypeName).toBe('Meninggal dunia');
  });

  it('refuses a graduation type, an inactive type, a second exit and a verifikator', () => {
    const id = addFamily(1);
    const exit = (exitTypeId: number, actor = operator) =>
      appErrorOf(() => exitKpm(db, actor, { id, exitTypeId, reason: 'Alasan', date: '2026-10-01' }));
    expect(exit(exitTypeIdNamed(db, 'Graduasi alamiah')).message).toMatch(/penetapan/);
    const own = addExitType(db, admin, { name: 'Lama' });
    updateExitType(db, admin, { id: own.id, active: false });
    expect(exit(own.id).message).toMatch(/aktif/);
    expect(exit(exitTypeIdNamed(db, 'Pindah domisili'), verifikator).code).toBe('FORBIDDEN');
    expect(family(id)?.status).toBe('aktif');
    exitKpm(db, operator, {
      id,
      exitTypeId: exitTypeIdNamed(db, 'Pindah domisili'),
      reason: 'Pindah',
      date: '2026-10-01',
    });
    expect(exit(exitTypeIdNamed(db, 'Meninggal dunia')).code).toBe('CONFLICT');
  });

  it('keeps the stored status and exit when the family is edited, and the form cannot set one', () => {
    const id = addFamily(1);
    const exitTypeId = exitTypeIdNamed(db, 'Pindah domisili');
    exitKpm(db, operator, { id, exitTypeId, reason: 'Pindah kota', date: '2026-10-01' });
    const edit = kpmSchema.parse({
      ...familyInput({ idKpm: 'P000000000001', noKk: '3375010101100001', nik: '3375014507850001' }),
      status: 'aktif',
      statusReason: null,
      alamat: 'Alamat baru',
      members: [],
      acceptWarnings: true,
    });
    expect('status' in edit).toBe(false);
    expect(updateKpm(db, admin, id, edit).status).toBe('saved');
    expect(family(id)).toMatchObject({
      alamat: 'Alamat baru',
      status: 'keluar',
      exitTypeId,
      statusReason: 'Pindah kota',
      statusDate: '2026-10-01',
    });
    expect(family(addFamily(2))?.status).toBe('aktif');
  });
});

describe('mandiri candidates', () => {
  it('adds a candidate with reasons and notes, the pendamping copied from the family, audited', () => {
    const id = addFamily(1);
    const c = addMandiriCandidate(db, operator, { kpmId: id, reasons: ['usaha', 'rumah_layak'], notes: 'Warung' });
    expect(c).toMatchObject({
      kind: 'mandiri',
      stage: 'candidate',
      reasons: ['usaha', 'rumah_layak'],
      notes: 'Warung',
    });
    expect(getKpm(db, id).history[0]).toMatchObject({ action: 'candidate_add', username: 'operator1' });
    const list = listCandidates(db, operator, candidateListSchema.parse({ kind: 'mandiri' }));
    expect(list.items.map((r) => [r.nama, r.stage])).toEqual([['IBU UJI 1', 'candidate']]);
  });

  it('allows one open candidacy per family with a clear message, and refuses an inactive family', () => {
    const id = addFamily(1);
    addMandiriCandidate(db, operator, { kpmId: id, reasons: ['usaha'], notes: '' });
    expect(
      appErrorOf(() => addMandiriCandidate(db, operator, { kpmId: id, reasons: ['usaha'], notes: '' })).message,
    ).toBe('KPM IBU UJI 1 sudah menjadi calon graduasi (tahap calon).');
    const left = addFamily(2);
    exitKpm(db, operator, {
      id: left,
      exitTypeId: exitTypeIdNamed(db, 'Pindah domisili'),
      reason: 'Pindah',
      date: '2026-10-01',
    });
    expect(
      appErrorOf(() => addMandiriCandidate(db, operator, { kpmId: left, reasons: ['usaha'], notes: '' })).message,
    ).toMatch(/tidak aktif/);
    expect(
      appErrorOf(() => addMandiriCandidate(db, verifikator, { kpmId: id, reasons: ['usaha'], notes: '' })).code,
    ).toBe('FORBIDDEN');
    expect(db.select().from(graduationCandidates).all()).toHaveLength(1);
  });

  it('withdraws a candidate with a reason, after which the family may be proposed again', () => {
    const id = addFamily(1);
    const c = addMandiriCandidate(db, operator, { kpmId: id, reasons: ['usaha'], notes: '' });
    expect(withdrawCandidates(db, operator, { ids: [c.id], reason: 'Usaha tutup' })).toEqual({ withdrawn: 1 });
    expect(candidate(c.id)).toMatchObject({ stage: 'cancelled', closedReason: 'Usaha tutup' });
    expect(appErrorOf(() => withdrawCandidates(db, operator, { ids: [c.id], reason: 'lagi' })).code).toBe('CONFLICT');
    expect(addMandiriCandidate(db, operator, { kpmId: id, reasons: ['usaha'], notes: '' }).stage).toBe('candidate');
    expect(familyTimeline(db, id).candidacies.map((t) => t.candidate.stage)).toEqual(['cancelled', 'candidate']);
  });

  it('withdraws several candidates with one reason, each audited', () => {
    const ids = [1, 2, 3].map(
      (n) => addMandiriCandidate(db, operator, { kpmId: addFamily(n), reasons: ['usaha'], notes: '' }).id,
    );
    expect(withdrawCandidates(db, operator, { ids, reason: 'Data ganda dari impor' })).toEqual({ withdrawn: 3 });
    for (const id of ids)
      expect(candidate(id)).toMatchObject({ stage: 'cancelled', closedReason: 'Data ganda dari impor' });
    const audits = db.select().from(auditLog).where(eq(auditLog.action, 'candidate_withdraw')).all();
    expect(audits.map((a) => a.entityId).sort()).toEqual(ids.map((id) => candidate(id)?.kpmId).sort());
    expect(audits.every((a) => a.summary === 'Calon graduasi dibatalkan: Data ganda dari impor')).toBe(true);
  });

  it('withdraws none when one of them is closed or in a proposal, naming it', () => {
    const open = addMandiriCandidate(db, operator, { kpmId: addFamily(1), reasons: ['usaha'], notes: '' });
    const decided = insertCandidate(db, addFamily(2), { stage: 'approved' });
    const proposed = insertCandidate(db, addFamily(3), { stage: 'verified' });
    const draft = createProposal(db, admin, { year: 2026, title: 'Usulan uji' });
    addToProposal(db, admin, { proposalId: draft.id, candidateIds: [proposed] });
    const closedError = appErrorOf(() =>
      withdrawCandidates(db, operator, { ids: [open.id, decided], reason: 'Salah pilih' }),
    );
    expect(closedError.code).toBe('CONFLICT');
    expect(closedError.message).toBe(
      'Calon IBU UJI 2 (disetujui) sudah ditutup; hanya calon yang belum diputuskan dapat dibatalkan. Tidak ada calon yang dibatalkan.',
    );
    const proposedError = appErrorOf(() =>
      withdrawCandidates(db, operator, { ids: [open.id, proposed], reason: 'Salah pilih' }),
    );
    expect(proposedError.message).toMatch(
      /^Calon IBU UJI 3 \(usulan USL\/2026\/001\) ada dalam usulan; keluarkan dari usulan/,
    );
    expect(appErrorOf(() => withdrawCandidates(db, verifikator, { ids: [open.id], reason: 'Salah pilih' })).code).toBe(
      'FORBIDDEN',
    );
    expect(candidate(open.id)?.stage).toBe('candidate');
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'candidate_withdraw')).all()).toHaveLength(0);
  });
});

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('a list of mandiri candidates', () => {
  it('dry run lists each problem with row, column and value; nothing is stored', async () => {
    addFamily(1);
    const taken = addFamily(2);
    addMandiriCandidate(db, operator, { kpmId: taken, reasons: ['usaha'], notes: '' });
    const file = csv(
      [
        'NIK,Alasan,Catatan',
        '3375014507850001,"Memiliki usaha; rumah_layak",Warung',
        '3375014507850002,usaha,',
        '3375014507859999,usaha,',
        'P000000000001,menang lotre,',
      ].join('\n'),
    );
    const preview = await previewCandidateImport(db, operator, file);
    expect(preview.problems).toEqual([
      {
        row: 3,
        column: 'NIK',
        value: '3375014507850002',
        message: 'KPM IBU UJI 2 sudah menjadi calon graduasi (tahap calon).',
      },
      { row: 4, column: 'NIK', value: '3375014507859999', message: 'Tidak ada KPM dengan NIK atau ID KPM ini.' },
      { row: 5, column: 'NIK', value: 'P000000000001', message: 'KPM ini sudah ada di baris 2.' },
      {
        row: 5,
        column: 'Alasan',
        value: 'menang lotre',
        message: expect.stringMatching(/^Alasan tidak dikenal: menang lotre\. Pilihan: Memiliki usaha/),
      },
    ]);
    expect(preview.ready).toEqual([{ row: 2, kpmId: 1, nama: 'IBU UJI 1', reasons: ['usaha', 'rumah_layak'] }]);
    expect((await appErrorOfAsync(() => commitCandidateImport(db, operator, file))).message).toMatch(/4 masalah/);
    expect(db.select().from(graduationCandidates).all()).toHaveLength(1);
  });

  it('commits every row in one transaction, each audited', async () => {
    const a = addFamily(1);
    const b = addFamily(2);
    const file = csv('ID KPM,Alasan,Catatan\nP000000000001,Pekerjaan tetap,Pabrik\nP000000000002,penghasilan_naik,\n');
    expect((await previewCandidateImport(db, operator, file)).problems).toEqual([]);
    expect(await commitCandidateImport(db, operator, file)).toEqual({ added: 2 });
    const stored = db.select().from(graduationCandidates).all();
    expect(stored.map((c) => [c.kpmId, c.kind, c.reasons, c.notes])).toEqual([
      [a, 'mandiri', ['pekerjaan_tetap'], 'Pabrik'],
      [b, 'mandiri', ['penghasilan_naik'], ''],
    ]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'candidate_add')).all()).toHaveLength(2);
  });
});

describe('the alamiah scan', () => {
  const scan = (onDate: string, extra: Record<string, unknown> = {}) =>
    alamiahScan(db, alamiahScanSchema.parse({ onDate, ...extra }));

  it('lists a family whose youngest turned 21 today, not one whose child is still 6', () => {
    const six = addFamily(1, [['2019-12-01', 'anak_usia_dini']]);
    const twentyOne = addFamily(2, [['2005-11-30', 'anak_sma']]);
    const turningSeven = addFamily(3, [['2019-11-30', 'anak_usia_dini']]);
    const alamiah = scan('2026-11-30');
    expect(alamiah.items.map((r) => r.kpmId)).toEqual([twentyOne]);
    expect(alamiah.items[0]).toMatchObject({
      alamiah: true,
      komponenCount: 0,
      changes: [{ name: 'ANAK 2-0', recorded: 'anak_sma', derived: null }],
    });
    const changed = scan('2026-11-30', { view: 'berubah' });
    expect(changed.items.map((r) => [r.kpmId, r.changes[0].derived])).toEqual([[turningSeven, 'anak_sd']]);
    expect([alamiah.alamiahTotal, alamiah.changedTotal]).toEqual([1, 1]);
    expect([...alamiah.items, ...changed.items].some((r) => r.kpmId === six)).toBe(false);
    // The day before the 21st birthday the school komponen still holds.
    expect(scan('2026-11-29').items).toEqual([]);
  });

  it('counts a 29 February birthday on 1 March', () => {
    const leap = addFamily(1, [['2004-02-29', 'anak_sma']]);
    expect(scan('2025-02-28').items).toEqual([]);
    expect(scan('2025-03-01').items.map((r) => r.kpmId)).toEqual([leap]);
  });

  it('filters by years in PKH and komponen count, and adds the chosen families in one step', () => {
    const old = addFamily(1, [['2000-01-01', 'anak_sma']], { tahunBergabung: 2015 });
    const recent = addFamily(2, [['2000-01-01', 'anak_sma']], { tahunBergabung: 2024 });
    addFamily(3, [['2015-01-01', 'anak_sd']]);
    expect(scan('2026-11-30', { minYears: 5 }).items.map((r) => r.kpmId)).toEqual([old]);
    expect(scan('2026-11-30', { view: 'berubah', maxKomponen: 0 }).total).toBe(0);
    const add = (kpmIds: unknown) => alamiahAddSchema.parse({ onDate: '2026-11-30', kpmIds });
    expect(appErrorOf(() => addAlamiahCandidates(db, operator, add([old, 3]))).code).toBe('CONFLICT');
    expect(db.select().from(graduationCandidates).all()).toHaveLength(0);
    expect(addAlamiahCandidates(db, operator, add('semua'))).toEqual({ added: 2 });
    const stored = db.select().from(graduationCandidates).all();
    expect(stored.map((c) => [c.kpmId, c.kind, c.reasons])).toEqual([
      [old, 'alamiah', ['Tidak ada komponen tersisa per 30 November 2026']],
      [recent, 'alamiah', ['Tidak ada komponen tersisa per 30 November 2026']],
    ]);
    // Candidates are not listed again.
    expect(scan('2026-11-30').total).toBe(0);
  });
});

describe('the KPM list’s graduation stage filter', () => {
  it('finds families by their open or latest candidacy stage, or none', () => {
    const none = addFamily(1);
    const calon = addFamily(2);
    const approved = addFamily(3);
    const withdrawn = addFamily(4);
    addMandiriCandidate(db, operator, { kpmId: calon, reasons: ['usaha'], notes: '' });
    insertCandidate(db, approved, { stage: 'rejected' });
    insertCandidate(db, approved, { stage: 'approved' });
    insertCandidate(db, withdrawn, { stage: 'cancelled' });
    const ids = (graduationStage: string) =>
      searchKpm(db, kpmSearchSchema.parse({ graduationStage }))
        .items.map((r) => r.id)
        .sort();
    expect(ids('candidate')).toEqual([calon]);
    expect(ids('approved')).toEqual([approved]);
    expect(ids('rejected')).toEqual([]);
    expect(ids('none')).toEqual([none, withdrawn]);
  });
});
