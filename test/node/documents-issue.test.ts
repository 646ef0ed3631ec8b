/**
 * Issuing family and list documents: what each kind's snapshot holds (identity as
 * registered, the SK, reasons, witnesses, the signatory), who may get which kind and why not, one per family
 * until voided, and the family page's options.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { parseCode } from '../../main/domain/verification-code';
import type { Actor } from '../../main/services/actor';
import { documentsForFamily } from '../../main/services/documents/family';
import { issueFamilyDocument, issueListDocument } from '../../main/services/documents/issue';
import { ensureOwnKey, signatureValid } from '../../main/services/documents/keys';
import { voidDocument } from '../../main/services/documents/register';
import { getTemplate, saveSignatory, saveTemplate } from '../../main/services/documents/settings';
import { graduatedFamilies, PENDAMPING } from '../support/documents-db';
import { expectAppErrorAsync } from '../support/errors';
import { insertCandidate, insertFamily, reverseDecision, userActor } from '../support/graduation';
import { OFFICE } from '../support/office';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});

const stored = (id: number) =>
  JSON.parse(db.$client.prepare('SELECT data FROM documents WHERE id = ?').pluck().get(id) as string);
const count = (sql: string, ...params: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('surat keterangan graduasi', () => {
  it('prints the family as registered, the decree it rests on and the Kepala Dinas', async () => {
    const { kpmIds, decisionId } = graduatedFamilies(db, admin, [1], { skDate: '2026-10-15' });
    const sk = db.$client.prepare('SELECT sk_number FROM decisions WHERE id = ?').pluck().get(decisionId);
    const { document, pdf } = await issueFamilyDocument(db, admin, {
      kind: 'sk_graduasi',
      kpmId: kpmIds[0],
      issuedDate: '2026-11-02',
    });
    expect(document).toMatchObject({
      number: '460/1/Dinsos/XI/2026',
      subject: 'KELUARGA UJI 1',
      signatoryName: OFFICE.headName,
      kpmId: kpmIds[0],
      decisionId,
      issuedByName: 'admin',
      printCount: 1,
    });
    expect(pdf.fileName).toBe('SK-Graduasi-KELUARGA-UJI-1-460-1-Dinsos-XI-2026.pdf');
    const data = stored(document.id);
    expect(data.family).toEqual({
      nama: 'KELUARGA UJI 1',
      nik: '3375014507850001',
      noKk: '3375010101100001',
      idKpm: 'P000000000001',
      alamat: 'Jl. Merdeka Gg. 3',
      rt: '002',
      rw: '005',
      desa: 'Medono',
      kecamatan: 'Pekalongan Barat',
      kabupaten: 'Kota Pekalongan',
      provinsi: 'Jawa Tengah',
    });
    expect(data.graduation).toEqual({
      type: 'Graduasi sejahtera mandiri',
      date: '2026-10-15',
      skNumber: sk,
      skDate: '2026-10-15',
      reasons: ['Memiliki usaha', 'Penghasilan meningkat'],
    });
    expect(data.body).toBe(
      `telah keluar dari kepesertaan Program Keluarga Harapan (PKH) karena graduasi sejahtera mandiri terhitung sejak tanggal 15 Oktober 2026, berdasarkan Keputusan Kepala Dinas Sosial Kota Pekalongan Nomor ${sk} tanggal 15 Oktober 2026.`,
    );
    expect(data.kop).toMatchObject({
      government: 'PEMERINTAH KOTA PEKALONGAN',
      agency: 'DINAS SOSIAL KOTA PEKALONGAN',
      phone: OFFICE.phone,
    });
    expect(data.signature).toEqual({
      place: 'Pekalongan',
      date: '2026-11-02',
      onBehalfOf: '',
      position: 'Kepala Dinas Sosial Kota Pekalongan',
      name: OFFICE.headName,
      rank: OFFICE.headRank,
      nip: OFFICE.headNip,
    });
    expect(data.templateVersion).toBe(1);
    // The code is signed with the office's key and names this document, with no NIK in it.
    const parsed = parseCode(data.verificationCode);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.fields).toEqual({
      regencyCode: '3375',
      kind: 'sk_graduasi',
      issuedDate: '2026-11-02',
      number: document.number,
    });
    expect(signatureValid(ensureOwnKey(db), parsed.payload, parsed.signature)).toBe(true);
    expect(data.verificationCode).not.toContain(data.family.nik);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'issue_document' AND entity_id = ?", document.id)).toBe(
      1,
    );
  });

  it('is refused with the reason for a family not graduated by a decision in force', async () => {
    const active = insertFamily(db, admin, 5);
    await expectAppErrorAsync(
      () => issueFamilyDocument(db, admin, { kind: 'sk_graduasi', kpmId: active }),
      'CONFLICT',
      /hanya untuk KPM yang sudah ditetapkan graduasi melalui keputusan \(SK\)/,
    );
    const { kpmIds, decisionId } = graduatedFamilies(db, admin, [6]);
    reverseDecision(db, decisionId);
    await expectAppErrorAsync(
      () => issueFamilyDocument(db, admin, { kind: 'piagam', kpmId: kpmIds[0] }),
      'CONFLICT',
      /Piagam penghargaan hanya/,
    );
    expect(count('SELECT count(*) FROM documents')).toBe(0);
    expect(count('SELECT count(*) FROM number_sequences')).toBe(0);
  });

  it('refuses an issue date after today, or before the decree, at the field', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1]);
    const error = await expectAppErrorAsync(
      () => issueFamilyDocument(db, admin, { kind: 'sk_graduasi', kpmId: kpmIds[0], issuedDate: '2999-01-01' }),
      'INVALID_INPUT',
      /masa depan/,
    );
    expect(error.fields?.issuedDate).toMatch(/Tanggal surat/);
    const early = await expectAppErrorAsync(
      () => issueFamilyDocument(db, admin, { kind: 'piagam', kpmId: kpmIds[0], issuedDate: '2026-10-14' }),
      'INVALID_INPUT',
      /sebelum tanggal SK penetapan 15 Oktober 2026/,
    );
    expect(early.fields?.issuedDate).toBe(early.message);
    expect(count('SELECT count(*) FROM documents')).toBe(0);
    const sameDay = await issueFamilyDocument(db, admin, {
      kind: 'piagam',
      kpmId: kpmIds[0],
      issuedDate: '2026-10-15',
    });
    expect(sameDay.document.issuedDate).toBe('2026-10-15');
  });

  it('is issued once per family: again only after the first is voided, with a new number', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1]);
    const input = { kind: 'sk_graduasi' as const, kpmId: kpmIds[0], issuedDate: '2026-11-02' };
    const first = await issueFamilyDocument(db, admin, input);
    await expectAppErrorAsync(
      () => issueFamilyDocument(db, admin, input),
      'CONFLICT',
      /sudah dibuat dengan nomor 460\/1\/Dinsos\/XI\/2026\. Cetak ulang/,
    );
    voidDocument(db, admin, { id: first.document.id, reason: 'Salah tanggal' });
    const second = await issueFamilyDocument(db, admin, input);
    expect(second.document.number).toBe('460/2/Dinsos/XI/2026');
  });

  it('may only be issued by the office staff and the head', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1]);
    const verifier = userActor(db, admin, 'verifikator', 'verif1');
    await expectAppErrorAsync(
      () => issueFamilyDocument(db, verifier, { kind: 'sk_graduasi', kpmId: kpmIds[0] }),
      'FORBIDDEN',
      /hak akses/,
    );
    const head = userActor(db, admin, 'pimpinan', 'kadis');
    expect((await issueFamilyDocument(db, head, { kind: 'sk_graduasi', kpmId: kpmIds[0] })).document.issuedByName).toBe(
      'kadis',
    );
  });
});

describe('surat pernyataan and piagam', () => {
  it('fills the statement with the reasons and the witnesses (pendamping with NIP, the Lurah)', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1]);
    const { document } = await issueFamilyDocument(db, admin, { kind: 'pernyataan_mandiri', kpmId: kpmIds[0] });
    const data = stored(document.id);
    expect(data.graduation.reasons).toEqual(['Memiliki usaha', 'Penghasilan meningkat']);
    // Medono is a kelurahan (3375011002: the 7th digit 1), so its head is a Lurah.
    expect(data.witnesses).toEqual({
      pendampingName: PENDAMPING.name,
      pendampingNip: PENDAMPING.nip,
      kepalaDesaName: 'Slamet Riyadi',
      kepalaDesaTitle: 'Lurah',
    });
    expect(data.family.nama).toBe('KELUARGA UJI 1');
    expect(data.closing).toMatch(/tanpa paksaan/);
  });

  it('prints no NIP beside a witness other than the registered pendamping', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1]);
    db.$client.prepare("UPDATE graduation_statements SET witness_pendamping = 'Agus Salim'").run();
    const { document } = await issueFamilyDocument(db, admin, { kind: 'pernyataan_mandiri', kpmId: kpmIds[0] });
    expect(stored(document.id).witnesses).toMatchObject({ pendampingName: 'Agus Salim', pendampingNip: '' });
  });

  it('is offered to a mandiri candidate before the decision, not to an alamiah or withdrawn one', async () => {
    const calon = insertFamily(db, admin, 2);
    insertCandidate(db, calon, { kind: 'mandiri', reasons: ['rumah_layak'] });
    const withdrawn = insertFamily(db, admin, 3);
    insertCandidate(db, withdrawn, { kind: 'mandiri', stage: 'cancelled' });
    const alamiah = insertFamily(db, admin, 4);
    insertCandidate(db, alamiah, { kind: 'alamiah' });

    const { document } = await issueFamilyDocument(db, admin, { kind: 'pernyataan_mandiri', kpmId: calon });
    const data = stored(document.id);
    expect(data.graduation).toEqual({
      type: 'Graduasi sejahtera mandiri',
      date: '',
      skNumber: '',
      skDate: '',
      reasons: ['Rumah layak huni'],
    });
    expect(data.witnesses).toMatchObject({ pendampingName: '', kepalaDesaName: '' });
    for (const kpmId of [withdrawn, alamiah]) {
      await expectAppErrorAsync(
        () => issueFamilyDocument(db, admin, { kind: 'pernyataan_mandiri', kpmId }),
        'CONFLICT',
        /hanya untuk calon graduasi sejahtera mandiri/,
      );
    }
  });

  it('is signed a.n. the Kepala Dinas by the kind default signatory, or another chosen one', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1, 2], { kind: 'alamiah' });
    const kabid = saveSignatory(db, admin, {
      onBehalfOf: 'a.n. Kepala Dinas Sosial Kota Pekalongan',
      position: 'Kepala Bidang Perlindungan dan Jaminan Sosial',
      name: 'Ir. BAMBANG SUTRISNO',
      rank: 'Pembina (IV/a)',
      nip: '197001011995031002',
      active: true,
    });
    saveTemplate(db, admin, { ...getTemplate(db, 'piagam'), signatoryId: kabid.id });
    const first = await issueFamilyDocument(db, admin, { kind: 'piagam', kpmId: kpmIds[0], issuedDate: '2026-11-20' });
    const data = stored(first.document.id);
    expect(data.signature).toMatchObject({
      onBehalfOf: 'a.n. Kepala Dinas Sosial Kota Pekalongan',
      position: 'Kepala Bidang Perlindungan dan Jaminan Sosial',
      name: 'Ir. BAMBANG SUTRISNO',
      nip: '197001011995031002',
    });
    expect(data.templateVersion).toBe(2);
    expect(data.body).toContain('Desa/Kelurahan Medono, Kecamatan Pekalongan Barat');
    // An alamiah family's piagam thanks it for taking part (no komponen left is not an achievement).
    expect(data.body).toContain('hingga selesai masa kepesertaannya (graduasi alamiah) pada tahun 2026');
    expect(data.body).not.toContain('keberhasilan');
    expect(data.graduation.reasons).toEqual([]);
    const byHead = await issueFamilyDocument(db, admin, { kind: 'piagam', kpmId: kpmIds[1], signatoryId: null });
    expect(byHead.document.signatoryName).toBe(OFFICE.headName);
  });
});

describe('lists of a proposal and its decision', () => {
  it('lists every family of the proposal, and the decision with Disetujui / Ditolak and the reason', async () => {
    const { proposalId, decisionId } = graduatedFamilies(db, admin, [1, 2], { rejected: [3] });
    const daftar = await issueListDocument(db, admin, { kind: 'daftar_usulan', proposalId });
    const usulan = stored(daftar.document.id);
    expect(usulan.list.rows.map((r: { nama: string }) => r.nama)).toEqual([
      'KELUARGA UJI 1',
      'KELUARGA UJI 2',
      'KELUARGA UJI 3',
    ]);
    expect(usulan.list.rows[0]).toEqual({
      nama: 'KELUARGA UJI 1',
      nik: '3375014507850001',
      noKk: '3375010101100001',
      alamat: 'Jl. Merdeka Gg. 3 RT 002/RW 005',
      desa: 'Medono',
      kecamatan: 'Pekalongan Barat',
      jenisGraduasi: 'Graduasi sejahtera mandiri',
      pendamping: PENDAMPING.name,
      keputusan: '',
    });
    expect(usulan.opening).toMatch(/^Usulan Nomor USUL-UJI-\d+: Usulan uji$/);

    const lampiran = await issueListDocument(db, admin, { kind: 'lampiran_keputusan', proposalId });
    expect(lampiran.document.decisionId).toBe(decisionId);
    const keputusan = stored(lampiran.document.id);
    expect(keputusan.list.rows.map((r: { keputusan: string }) => r.keputusan)).toEqual([
      'Disetujui',
      'Disetujui',
      'Ditolak: Penghasilan belum stabil',
    ]);
    expect(keputusan.list.heading).toEqual(['Tahun 2026']);
    expect(keputusan.opening).toMatch(
      /^Lampiran Keputusan Kepala Dinas Sosial Kota Pekalongan Nomor SK-UJI-\d+ tanggal 15 Oktober 2026 tentang/,
    );
    await expectAppErrorAsync(
      () => issueListDocument(db, admin, { kind: 'lampiran_keputusan', proposalId }),
      'CONFLICT',
      /sudah dibuat dengan nomor/,
    );
  });

  it('dates a lampiran no earlier than its decree', async () => {
    const { proposalId } = graduatedFamilies(db, admin, [1], { skDate: '2026-10-15' });
    await expectAppErrorAsync(
      () => issueListDocument(db, admin, { kind: 'lampiran_keputusan', proposalId, issuedDate: '2026-10-01' }),
      'INVALID_INPUT',
      /sebelum tanggal SK penetapan/,
    );
    // The daftar usulan comes before any decree.
    const daftar = await issueListDocument(db, admin, { kind: 'daftar_usulan', proposalId, issuedDate: '2026-10-01' });
    expect(daftar.document.issuedDate).toBe('2026-10-01');
  });

  it('has no lampiran before the decision (or after its reversal)', async () => {
    const { proposalId, decisionId } = graduatedFamilies(db, admin, [1]);
    reverseDecision(db, decisionId);
    await expectAppErrorAsync(
      () => issueListDocument(db, admin, { kind: 'lampiran_keputusan', proposalId }),
      'CONFLICT',
      /belum diputuskan/,
    );
  });
});

describe('the family page', () => {
  it('offers the kinds that fit the stage, with the reason for the others, and lists what was issued', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1], { kind: 'alamiah' });
    const before = documentsForFamily(db, kpmIds[0]);
    expect(before.options.map((o) => [o.kind, o.ready])).toEqual([
      ['sk_graduasi', true],
      ['pernyataan_mandiri', false],
      ['piagam', true],
    ]);
    expect(before.options[1].reason).toMatch(/calon graduasi sejahtera mandiri/);
    const { document } = await issueFamilyDocument(db, admin, { kind: 'sk_graduasi', kpmId: kpmIds[0] });
    const after = documentsForFamily(db, kpmIds[0]);
    expect(after.options[0]).toMatchObject({ ready: false, reason: expect.stringMatching(/Cetak ulang/) });
    expect(after.issued.map((d) => d.number)).toEqual([document.number]);
  });
});
