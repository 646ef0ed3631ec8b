/**
 * Handover with a berita acara: approved awards become handed_over with one BAST each,
 * numbered in the register in the same transaction, printed with the family, the items, the total in figures
 * and in words, the officer and the witnesses, and a QR that verifies; refusals write nothing. The daftar
 * penerima of a handover day repeats its header over its pages. Real SQLite files, PDFs read back with poppler.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { handoverSchema } from '../../main/domain/awards';
import { checkTemplate, programPhrase, templateSchema } from '../../main/domain/documents';
import { todayIso } from '../../main/domain/format';
import type { Actor } from '../../main/services/actor';
import { handOver, recipientsList } from '../../main/services/awards/handover';
import { getTemplate } from '../../main/services/documents/settings';
import { verifyDocumentCode } from '../../main/services/documents/verify';
import { insertAward, insertItem, insertProgram } from '../support/award-rows';
import { graduatedFamilies } from '../support/documents-db';
import { appErrorOfAsync } from '../support/errors';
import { insertFamily, userActor } from '../support/graduation';
import { pdfFile, pdfPageText, pdfText, readQr, squash } from '../support/pdf';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let operator: Actor;
let programId: number;
let kpmIds: number[];
let etalase: number;
let kompor: number;

const OFFICER = {
  officerName: 'Agus Prasetyo, S.E.',
  officerNip: '198001012006041001',
  officerPosition: 'Kepala Seksi Pemberdayaan Sosial',
};
const WITNESSES = [
  { name: 'Budi Santoso', position: 'Kepala Desa Medono' },
  { name: 'Rina Marlina', position: 'Pendamping PKH' },
];

/** The contract's input (defaults applied) for a handover of the awards on 20 November 2026. */
const input = (awardIds: number[], extra: Record<string, unknown> = {}) =>
  handoverSchema.parse({
    awardIds,
    handoverDate: '2026-11-20',
    place: 'Pendopo Kecamatan Pekalongan Barat',
    ...OFFICER,
    witnesses: WITNESSES,
    ...extra,
  });

/** 1 etalase (Rp1.750.000) + 2 kompor (Rp375.000) + Rp1.000.000 cash = Rp3.500.000. */
const award = (kpmId: number, extra: Partial<Parameters<typeof insertAward>[1]> = {}) =>
  insertAward(db, {
    programId,
    kpmId,
    lines: [
      { itemId: etalase, quantity: 1 },
      { itemId: kompor, quantity: 2 },
    ],
    cash: 1_000_000,
    ...extra,
  });

const count = (sql: string) => (db.$client.prepare(sql).pluck().get() as number) ?? 0;

/** Everything a handover writes: documents, numbers, awards' stages and handover columns, audit lines. */
function written() {
  return {
    documents: count('SELECT count(*) FROM documents'),
    numbers: count('SELECT COALESCE(sum(last), 0) FROM number_sequences'),
    handedOver: count("SELECT count(*) FROM awards WHERE stage = 'handed_over' OR handover_date IS NOT NULL"),
    audits: count("SELECT count(*) FROM audit_log WHERE entity IN ('award', 'document')"),
  };
}

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  operator = userActor(db, admin, 'operator', 'operator1');
  ({ kpmIds } = graduatedFamilies(db, admin, [1, 2, 3, 4, 5]));
  programId = insertProgram(db, { name: 'Bantuan Usaha KPM Graduasi 2026' });
  etalase = insertItem(db, 'Etalase kaca', 'unit', 1_750_000);
  kompor = insertItem(db, 'Kompor gas dua tungku', 'unit', 375_000);
});

describe('handover', () => {
  it('hands over three awards with three consecutive BASTs in the register, all printed in one PDF', async () => {
    const ids = kpmIds.slice(0, 3).map((kpmId) => award(kpmId));
    const result = await handOver(db, operator, input(ids));
    expect(result.handedOver).toBe(3);
    expect(result.pdf.pages).toBe(3); // one page each

    const docs = db.$client
      .prepare(
        "SELECT id, number, sequence, kpm_id AS kpmId, verification_code AS code FROM documents WHERE kind = 'bast' ORDER BY id",
      )
      .all() as { id: number; number: string; sequence: number; kpmId: number; code: string }[];
    expect(docs.map((d) => d.kpmId)).toEqual(kpmIds.slice(0, 3));
    expect(docs.map((d) => d.sequence - docs[0].sequence)).toEqual([0, 1, 2]);

    const awards = db.$client
      .prepare(
        `SELECT stage, handover_date AS date, handover_place AS place, receiver_name AS receiver,
                receiver_relationship AS relationship, witnesses, bast_document_id AS bast, handed_over_by_name AS byName
         FROM awards WHERE id IN (${ids.join(',')}) ORDER BY id`,
      )
      .all() as Record<string, unknown>[];
    awards.forEach((a, i) => {
      expect(a).toEqual({
        stage: 'handed_over',
        date: '2026-11-20',
        place: 'Pendopo Kecamatan Pekalongan Barat',
        receiver: `KELUARGA UJI ${i + 1}`,
        relationship: 'pengurus',
        witnesses: JSON.stringify(WITNESSES),
        bast: docs[i].id,
        byName: 'operator1',
      });
    });
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'handover' AND entity = 'award'")).toBe(3);

    const file = pdfFile(result.pdf.base64);
    for (const [i, doc] of docs.entries()) {
      const page = squash(pdfPageText(file, i + 1));
      for (const expected of [
        'BERITA ACARA SERAH TERIMA BANTUAN',
        doc.number,
        `KELUARGA UJI ${i + 1}`,
        `337501450785${String(i + 1).padStart(4, '0')}`,
        'Etalase kaca',
        'Kompor gas dua tungku',
        'Uang tunai',
        '1.750.000',
        '750.000',
        '3.500.000',
        '(tiga juta lima ratus ribu rupiah)',
        'Agus Prasetyo, S.E.',
        'NIP. 198001012006041001',
        'Budi Santoso',
        'Kepala Desa Medono',
        'Rina Marlina',
        'PIHAK PERTAMA',
        'PIHAK KEDUA',
        'Mengetahui',
        'Pada hari ini Jumat tanggal 20 November 2026, bertempat di Pendopo Kecamatan Pekalongan Barat',
        'yang bersumber dari APBD untuk mendukung usaha Warung makan',
      ]) {
        expect(page, `page ${i + 1}`).toContain(expected);
      }
    }
  });

  it('prints each family NIK as registered and a QR that verifies as the BAST it is', async () => {
    const ids = kpmIds.slice(0, 2).map((kpmId) => award(kpmId));
    const result = await handOver(db, admin, input(ids));
    const file = pdfFile(result.pdf.base64);
    const niks = db.$client
      .prepare(`SELECT nik FROM kpm WHERE id IN (${kpmIds.slice(0, 2).join(',')}) ORDER BY id`)
      .pluck()
      .all() as string[];
    const codes = db.$client
      .prepare("SELECT verification_code FROM documents WHERE kind = 'bast' ORDER BY id")
      .pluck()
      .all() as string[];
    for (const [i, nik] of niks.entries()) {
      expect(squash(pdfPageText(file, i + 1))).toContain(nik);
      const read = readQr(file, i + 1);
      expect(read).toBe(codes[i]);
      const verdict = verifyDocumentCode(db, admin, read ?? '');
      expect(verdict).toMatchObject({
        status: 'asli',
        code: { kind: 'bast' },
        document: { subject: `KELUARGA UJI ${i + 1}` },
      });
    }
  });

  it('names a representative with the relationship, for a single award', async () => {
    const id = award(kpmIds[0]);
    const result = await handOver(
      db,
      operator,
      input([id], { representative: { name: 'Andi Wijaya', relationship: 'anak' } }),
    );
    const row = db.$client
      .prepare('SELECT receiver_name AS name, receiver_relationship AS relationship FROM awards WHERE id = ?')
      .get(id);
    expect(row).toEqual({ name: 'Andi Wijaya', relationship: 'anak' });
    const printed = squash(pdfText(pdfFile(result.pdf.base64)));
    expect(printed).toContain('Andi Wijaya');
    expect(printed).toContain('anak dari pengurus KPM');
    expect(printed).toContain('atas nama pengurus KPM KELUARGA UJI 1');
  });

  describe('refuses and writes nothing', () => {
    it('when one award is not approved yet', async () => {
      const ids = [award(kpmIds[0]), award(kpmIds[1], { stage: 'planned' })];
      const before = written();
      const error = await appErrorOfAsync(() => handOver(db, operator, input(ids)));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(
        /Hanya bantuan berstatus disetujui yang dapat diserahkan: KELUARGA UJI 2 \(direncanakan\)/,
      );
      expect(written()).toEqual(before);
    });

    it('when an award was handed over already, cancelled or replaced by a correction', async () => {
      const handed = award(kpmIds[0]);
      await handOver(db, operator, input([handed]));
      const cancelled = award(kpmIds[1], { stage: 'cancelled' });
      const corrected = award(kpmIds[2]);
      award(kpmIds[2], { stage: 'planned', correctsAwardId: corrected });
      const before = written();
      for (const [id, message] of [
        [handed, /KELUARGA UJI 1 \(diserahkan\)/],
        [cancelled, /KELUARGA UJI 2 \(dibatalkan\)/],
        [corrected, /KELUARGA UJI 3 sudah diganti oleh koreksi/],
      ] as const) {
        const error = await appErrorOfAsync(() => handOver(db, operator, input([award(kpmIds[3]), id])));
        expect(error.message).toMatch(message);
      }
      expect(written()).toEqual(before);
    });

    it('when the date is after today or before the approval', async () => {
      const ids = [award(kpmIds[0], { approvedAt: '2026-11-10T09:00:00.000Z' })];
      const before = written();
      const tomorrow = new Date(Date.now() + 86_400_000);
      const future = await appErrorOfAsync(() =>
        handOver(db, operator, input(ids, { handoverDate: todayIso(tomorrow) })),
      );
      expect(future.fields?.handoverDate).toMatch(/Tanggal serah terima/);
      const early = await appErrorOfAsync(() => handOver(db, operator, input(ids, { handoverDate: '2026-11-09' })));
      expect(early.fields?.handoverDate).toMatch(
        /9 November 2026 sebelum bantuan untuk KELUARGA UJI 1 disetujui \(10 November 2026\)/,
      );
      expect(written()).toEqual(before);
    });

    it('when a representative is named for more than one award, or the officer NIP is wrong', async () => {
      const ids = [award(kpmIds[0]), award(kpmIds[1])];
      const before = written();
      const many = await appErrorOfAsync(() =>
        handOver(db, operator, input(ids, { representative: { name: 'Andi Wijaya', relationship: 'anak' } })),
      );
      expect(many.fields?.representative).toMatch(/hanya dapat dicatat untuk satu bantuan/);
      const nip = await appErrorOfAsync(() => handOver(db, operator, input(ids, { officerNip: '12345' })));
      expect(nip.fields?.officerNip).toMatch(/NIP petugas/);
      expect(written()).toEqual(before);
    });

    it('when the actor may not hand over (pimpinan approves, staff hand over)', async () => {
      const ids = [award(kpmIds[0])];
      const pimpinan = userActor(db, admin, 'pimpinan', 'kadis');
      const before = written();
      expect((await appErrorOfAsync(() => handOver(db, pimpinan, input(ids)))).code).toBe('FORBIDDEN');
      expect(written()).toEqual(before);
    });
  });
});

describe('the programme in the BAST', () => {
  it('says "bantuan" and the year once, whether or not the programme name holds them', () => {
    expect(programPhrase('Modal Usaha', 2026)).toBe('bantuan Modal Usaha tahun 2026');
    expect(programPhrase('Bantuan Modal Usaha  Graduasi 2026', 2026)).toBe('Bantuan Modal Usaha Graduasi 2026');
    expect(programPhrase('Bantuan Sarana Usaha', 2026)).toBe('Bantuan Sarana Usaha tahun 2026');
    expect(programPhrase('Modal Usaha 2026', 2026)).toBe('bantuan Modal Usaha 2026');
    // a number that is not the year (an edition) still gets the year
    expect(programPhrase('PENA 20260', 2026)).toBe('bantuan PENA 20260 tahun 2026');
  });

  it('prints "Bantuan Usaha KPM Graduasi 2026" without a doubled "bantuan" or year', async () => {
    const result = await handOver(db, operator, input([award(kpmIds[0])]));
    const text = squash(pdfText(pdfFile(result.pdf.base64)));
    expect(text).toContain('menerima dari PIHAK PERTAMA, Bantuan Usaha KPM Graduasi 2026 yang bersumber dari APBD');
    expect(text).not.toMatch(/bantuan Bantuan/i);
    expect(text).not.toContain('2026 tahun 2026');
  });
});

describe('templates', () => {
  it.each(['bast', 'daftar_penerima'] as const)('the seeded %s template is valid and editable', (kind) => {
    const template = getTemplate(db, kind);
    expect(templateSchema.safeParse({ ...template }).success).toBe(true);
    // a placeholder of the family letters is not one of the award documents'
    expect(checkTemplate(kind, '{nama_program} {terbilang} {hari_serah}')).toBeNull();
    expect(checkTemplate(kind, '{nomor_sk}')).toMatch(/Isian \{nomor_sk\} tidak dikenal/);
  });
});

describe('daftar penerima', () => {
  it('lists the day handed over over two pages, header on each, and is numbered in the register', async () => {
    const more = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((n) => insertFamily(db, admin, n));
    const all = [...kpmIds, ...more];
    const ids = all.map((kpmId) => award(kpmId));
    await handOver(db, operator, input(ids.slice(0, 12)));
    const pdf = await recipientsList(db, operator, programId, '2026-11-20');
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    const file = pdfFile(pdf.base64);
    for (let page = 1; page <= pdf.pages; page++) {
      const text = squash(pdfPageText(file, page));
      expect(text, `page ${page}`).toMatch(
        /No Nama penerima NIK Desa\/ Kelurahan Kecamatan Paket bantuan Nilai \(Rp\) Tanda tangan/,
      );
      expect(text).toContain(`Halaman ${page} dari ${pdf.pages}`);
    }
    const printed = squash(pdfText(file));
    for (let n = 1; n <= 12; n++) expect(printed).toContain(`KELUARGA UJI ${n <= 5 ? n : n + 5}`);
    expect(printed).not.toContain('KELUARGA UJI 18'); // approved, not handed over that day
    expect(printed).toContain('Jumlah penerima: 12 KPM');
    expect(printed).toContain('Rp42.000.000 (empat puluh dua juta rupiah)');
    // the package cell wraps beside the other columns: its parts, in the rows' lines
    expect(printed).toMatch(/1 unit Etalase kaca; 2 unit Kompor gas .*uang tunai Rp1\.000\.000/);
    expect(printed).toContain('serah terima tanggal 20 November 2026 di Pendopo Kecamatan Pekalongan Barat');
    const doc = db.$client.prepare("SELECT number, subject FROM documents WHERE kind = 'daftar_penerima'").get() as {
      number: string;
      subject: string;
    };
    expect(printed).toContain(doc.number);
    expect(doc.subject).toBe('Daftar penerima Bantuan Usaha KPM Graduasi 2026 20 November 2026');
    expect(readQr(file, pdf.pages)).not.toBeNull();
  });

  it('lists the approved awards when none was handed over that day, and refuses when there are none', async () => {
    award(kpmIds[0]);
    award(kpmIds[1], { stage: 'planned' });
    const printed = squash(pdfText(pdfFile((await recipientsList(db, operator, programId, '2026-11-25')).base64)));
    expect(printed).toContain('KELUARGA UJI 1');
    expect(printed).not.toContain('KELUARGA UJI 2');
    expect(printed).toContain('Jumlah penerima: 1 KPM');

    const empty = insertProgram(db, { name: 'Program Kosong' });
    const before = written();
    const error = await appErrorOfAsync(() => recipientsList(db, operator, empty, '2026-11-25'));
    expect(error.message).toMatch(
      /Belum ada bantuan Program Kosong yang disetujui atau diserahkan tanggal 25 November 2026/,
    );
    expect(written()).toEqual(before);
  });
});
