/**
 * NIK and No. KK masked for roles outside fullNikRoles in every answer, the family page in
 * full for the others with each view logged, no NIK change by a role that cannot see it, and the family data
 * report. Through the dispatcher (both transports use it) on a real SQLite file.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { handoverSchema } from '../../main/domain/awards';
import type { Result } from '../../main/domain/errors';
import { maskNik } from '../../main/domain/identity';
import type { Actor } from '../../main/services/actor';
import { handOver } from '../../main/services/awards/handover';
import { createKpm } from '../../main/services/kpm';
import { maskNikFields, namesNik } from '../../main/services/privacy/mask';
import { insertAward, insertItem, insertProgram } from '../support/award-rows';
import { graduatedFamilies } from '../support/documents-db';
import { userActor } from '../support/graduation';
import { pdfFile, pdfFlatText } from '../support/pdf';
import { familyInput, setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let api: Dispatcher;
/** Session token per username. */
const sessions = new Map<string, string>();
let kpmId: number;
let niks: string[];

async function as(username: string, method: string, input: unknown): Promise<Result<unknown>> {
  let token = sessions.get(username);
  if (!token) {
    const password = username === 'admin' ? 'admin12345' : 'rahasia123';
    const login = await api.call('auth.login', { username, password }, null);
    if (!login.ok) throw new Error(`login ${username}: ${login.error.message}`);
    token = (login.value as { sessionToken: string }).sessionToken;
    sessions.set(username, token);
  }
  return api.call(method, input, token);
}

async function value<T>(username: string, method: string, input: unknown): Promise<T> {
  const result = await as(username, method, input);
  if (!result.ok) throw new Error(`${method} as ${username}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const auditCount = (action: string) =>
  db.$client.prepare('SELECT count(*) FROM audit_log WHERE action = ? AND entity_id = ?').pluck().get(action, kpmId);

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  api = createDispatcher(db, () => {});
  sessions.clear();
  for (const role of ['operator', 'verifikator', 'pimpinan'] as const) userActor(db, admin, role, role);
  // A family with members, graduated by a decision (candidate, statement, proposal, visits), an award handed
  // over with its BAST in the register.
  const saved = createKpm(db, admin, familyInput({ acceptWarnings: true }));
  if (saved.status !== 'saved') throw new Error('family not saved');
  kpmId = saved.id;
  const [other] = graduatedFamilies(db, admin, [7]).kpmIds;
  // Move the graduation of family 7 onto our family, so one family carries every kind of record.
  for (const table of ['graduation_candidates', 'follow_up_visits']) {
    db.$client.prepare(`UPDATE ${table} SET kpm_id = ? WHERE kpm_id = ?`).run(kpmId, other);
  }
  db.$client.prepare("UPDATE kpm SET status = 'graduasi_mandiri', status_date = '2026-10-15' WHERE id = ?").run(kpmId);
  const programId = insertProgram(db, { name: 'Bantuan Usaha Graduasi 2026' });
  const etalase = insertItem(db, 'Etalase kaca', 'unit', 1_750_000);
  const awardId = insertAward(db, { programId, kpmId, lines: [{ itemId: etalase, quantity: 1 }], cash: 500_000 });
  await handOver(
    db,
    admin,
    handoverSchema.parse({
      awardIds: [awardId],
      handoverDate: '2026-11-20',
      place: 'Pendopo Kecamatan Pekalongan Barat',
      officerName: 'Agus Prasetyo, S.E.',
      officerNip: '198001012006041001',
      officerPosition: 'Kepala Seksi Pemberdayaan Sosial',
      witnesses: [],
    }),
  );
  const family = familyInput();
  niks = [family.nik, family.noKk, ...family.members.map((m) => m.nik as string)];
});

/** Every read that lists or shows families, with an input each. */
const READS: [string, unknown][] = [
  ['kpm.search', { page: 1, pageSize: 50 }],
  ['kpm.get', { id: 0 }],
  ['graduation.candidates', { page: 1, pageSize: 50 }],
  ['graduation.timeline', { id: 0 }],
  ['verification.queue', { page: 1, pageSize: 50 }],
  ['proposal.list', { page: 1, pageSize: 50 }],
  ['awards.list', { page: 1, pageSize: 50 }],
  ['awards.forFamily', { kpmId: 0 }],
  ['documents.register', { page: 1, pageSize: 50 }],
  ['documents.forFamily', { kpmId: 0 }],
  ['visits.list', { page: 1, pageSize: 50, kind: 'terlambat' }],
  ['progress.dashboard', { year: 2026 }],
];
const withFamily = (input: unknown) =>
  JSON.parse(JSON.stringify(input).replace(/"(id|kpmId)":0/g, (_, key) => `"${key}":${kpmId}`));

async function answers(username: string): Promise<string> {
  const texts: string[] = [];
  for (const [method, input] of READS) texts.push(JSON.stringify(await value(username, method, withFamily(input))));
  return texts.join('\n');
}

describe('NIK masking per role', () => {
  it('gives a role outside fullNikRoles no full NIK or No. KK in any list, and the others all of them', async () => {
    const pimpinan = await answers('pimpinan');
    for (const n of niks) expect(pimpinan).not.toContain(n);
    expect(pimpinan).toContain(maskNik(niks[0]));
    expect(pimpinan).toContain(maskNik(niks[1]));
    const admin = await answers('admin');
    for (const n of niks) expect(admin).toContain(n);
    // Search by NIK works for a masked role: they typed it.
    const found = await value<{ total: number }>('pimpinan', 'kpm.search', { q: niks[0], page: 1, pageSize: 10 });
    expect(found.total).toBe(1);
  });

  it('masks the award report files too (they leave the dispatcher as bytes)', async () => {
    const text = async (who: string) => {
      const pdf = await value<{ base64: string }>(who, 'awards.reportPdf', { year: 2026 });
      return pdfFlatText(pdfFile(Buffer.from(pdf.base64, 'base64')));
    };
    expect(await text('admin')).toContain(niks[0]);
    const masked = await text('pimpinan');
    expect(masked).not.toContain(niks[0]);
    expect(masked).toContain(maskNik(niks[0]));
  });

  it('follows the setting: pimpinan added, verifikator taken out', async () => {
    const search = (who: string) => value<{ items: { nik: string }[] }>(who, 'kpm.search', { page: 1, pageSize: 50 });
    expect((await search('verifikator')).items.map((r) => r.nik)).toContain(niks[0]);
    await value('admin', 'security.update', {
      sessionIdleMinutes: 30,
      fullNikRoles: ['admin', 'operator', 'pimpinan'],
    });
    expect((await search('pimpinan')).items.map((r) => r.nik)).toContain(niks[0]);
    expect((await search('verifikator')).items.map((r) => r.nik)).toContain(maskNik(niks[0]));
    expect(JSON.stringify(await value('verifikator', 'kpm.get', { id: kpmId }))).not.toContain(niks[2]);
  });
});

describe('graduation.listPreview', () => {
  it('gives an operator outside fullNikRoles the problems of a candidate list with NIKs masked, whatever the column is called', async () => {
    await value('admin', 'security.update', { sessionIdleMinutes: 30, fullNikRoles: ['admin'] });
    const unknown = '3375011111900009';
    for (const header of ['NIK', 'NIK_PENGURUS', 'nik kpm']) {
      // The registered family has graduated (a problem naming its NIK); the other NIK is not registered.
      const file = Buffer.from(`${header};Alasan\n${niks[0]};Pekerjaan tetap\n${unknown};Pekerjaan tetap\n`, 'utf8');
      const preview = await value<{ problems: { column: string; value: string }[] }>(
        'operator',
        'graduation.listPreview',
        { fileBase64: file.toString('base64') },
      );
      expect(
        preview.problems.map((p) => [p.column, p.value]),
        header,
      ).toEqual([
        [header, maskNik(niks[0])],
        [header, maskNik(unknown)],
      ]);
      const full = await value<{ problems: { value: string }[] }>('admin', 'graduation.listPreview', {
        fileBase64: file.toString('base64'),
      });
      expect(full.problems.map((p) => p.value)).toEqual([niks[0], unknown]);
    }
  });
});

describe('the family page', () => {
  it('shows full NIKs to fullNikRoles and logs each view; masked and unlogged for the others', async () => {
    const full = await value<{ kpm: { nik: string }; nikFull: boolean; history: { action: string }[] }>(
      'admin',
      'kpm.get',
      { id: kpmId },
    );
    expect(full).toMatchObject({ kpm: { nik: niks[0] }, nikFull: true });
    await value('operator', 'kpm.get', { id: kpmId });
    expect(auditCount('view_nik')).toBe(2);
    const viewer = db.$client
      .prepare("SELECT username, entity FROM audit_log WHERE action = 'view_nik' ORDER BY id")
      .all();
    expect(viewer).toEqual([
      { username: 'admin', entity: 'kpm' },
      { username: 'operator', entity: 'kpm' },
    ]);
    const masked = await value<{ kpm: { nik: string; noKk: string }; nikFull: boolean }>('pimpinan', 'kpm.get', {
      id: kpmId,
    });
    expect(masked).toMatchObject({ kpm: { nik: maskNik(niks[0]), noKk: maskNik(niks[1]) }, nikFull: false });
    expect(auditCount('view_nik')).toBe(2);
    // Views are not changes: the family's history does not list them.
    const again = await value<{ history: { action: string }[] }>('admin', 'kpm.get', { id: kpmId });
    expect(again.history.map((h) => h.action)).not.toContain('view_nik');
  });

  it('lets a role that sees NIKs masked save the family unchanged, but not change a NIK', async () => {
    await value('admin', 'security.update', { sessionIdleMinutes: 30, fullNikRoles: ['admin'] });
    const shown = await value<{ kpm: Record<string, unknown>; members: Record<string, unknown>[] }>(
      'operator',
      'kpm.get',
      { id: kpmId },
    );
    const form = {
      ...familyInput(),
      nik: shown.kpm.nik,
      noKk: shown.kpm.noKk,
      alamat: 'Jl. Baru No. 9',
      // The edit form sends each member back as kpm.get gave it (NIK masked).
      members: shown.members.map(({ id, nik, nama, hubungan, tanggalLahir, jenisKelamin, komponen }) => ({
        id,
        nik,
        nama,
        hubungan,
        tanggalLahir,
        jenisKelamin,
        komponen,
      })),
      acceptWarnings: true,
    };
    expect(form.nik).toBe(maskNik(niks[0]));
    const saved = await as('operator', 'kpm.update', { id: kpmId, data: form });
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    const stored = () => db.$client.prepare('SELECT nik, no_kk AS noKk, alamat FROM kpm WHERE id = ?').get(kpmId);
    expect(stored()).toEqual({ nik: niks[0], noKk: niks[1], alamat: 'Jl. Baru No. 9' });
    expect(db.$client.prepare('SELECT nik FROM art WHERE kpm_id = ? ORDER BY id').pluck().all(kpmId)).toEqual(
      niks.slice(2),
    );

    const changed = await as('operator', 'kpm.update', { id: kpmId, data: { ...form, nik: '3375014507850099' } });
    expect(changed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { nik: expect.any(String) } } });
    const forged = await as('operator', 'kpm.update', { id: kpmId, data: { ...form, noKk: '3375********0099' } });
    expect(forged).toMatchObject({ ok: false, error: { fields: { noKk: expect.stringMatching(/tersamar/) } } });
    expect(stored()).toEqual({ nik: niks[0], noKk: niks[1], alamat: 'Jl. Baru No. 9' });
  });
});

describe('the family data report', () => {
  it('prints everything stored about the family for an admin, audited; refused to a masked role', async () => {
    const pdf = await value<{ base64: string; pages: number; fileName: string }>('admin', 'kpm.privacyReport', {
      id: kpmId,
    });
    expect(pdf.fileName).toMatch(/^data-pribadi-.*\.pdf$/);
    const text = pdfFlatText(pdfFile(Buffer.from(pdf.base64, 'base64')));
    expect(text).toContain('LAPORAN DATA PRIBADI KELUARGA');
    expect(text).toContain('SITI WULANDARI');
    expect(text).toContain('BUDI SANTOSO');
    expect(text).toContain('AYU LESTARI');
    for (const n of niks) expect(text).toContain(n);
    expect(text).toMatch(/SK-UJI-\d+/);
    expect(text).toContain('Bantuan Usaha Graduasi 2026');
    expect(text).toContain('1 unit Etalase kaca');
    const bast = db.$client
      .prepare("SELECT number FROM documents WHERE kind = 'bast' AND kpm_id = ?")
      .pluck()
      .get(kpmId);
    expect(text).toContain(String(bast));
    expect(text).toMatch(/Dicetak oleh Rahmat Hidayat pada \d+ \w+ 20\d\d/);
    expect(auditCount('cetak_data_pribadi')).toBe(1);

    const refused = await as('pimpinan', 'kpm.privacyReport', { id: kpmId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(auditCount('cetak_data_pribadi')).toBe(1);
  });
});

describe('maskNikFields', () => {
  it('masks NIK fields by name and the import report values of NIK columns, nothing else', () => {
    const nik = '3375014507850001';
    const idDtks = '3375011002000123'; // 16 digits too, but not a NIK
    const report = {
      mapping: { idDtks: 0, nik: 1 },
      preview: [{ row: 2, cells: [idDtks, nik] }],
      problems: [{ field: 'nik', value: nik, message: `Baris 2, kolom NIK: nilai ${nik} sudah dipakai` }],
      duplicates: [{ key: 'NIK', value: nik, differences: [{ label: 'No. KK', registered: nik, file: idDtks }] }],
      family: { idDtks, nik, noKk: nik, members: [{ nik, nama: 'X' }] },
      bytes: Buffer.from(nik),
    };
    const masked = maskNikFields(report);
    const m = maskNik(nik);
    expect(masked).toEqual({
      mapping: { idDtks: 0, nik: 1 },
      preview: [{ row: 2, cells: [idDtks, m] }],
      problems: [{ field: 'nik', value: m, message: `Baris 2, kolom NIK: nilai ${m} sudah dipakai` }],
      duplicates: [{ key: 'NIK', value: m, differences: [{ label: 'No. KK', registered: m, file: maskNik(idDtks) }] }],
      family: { idDtks, nik: m, noKk: m, members: [{ nik: m, nama: 'X' }] },
      bytes: report.bytes,
    });
    // The answer may be cached: the input is left as it was.
    expect(report.family.nik).toBe(nik);
  });

  it('one rule for every name of a NIK: property, field, key, label and a file header however written', () => {
    const nik = '3375014507850001';
    for (const name of ['nik', 'noKk', 'artNik', 'NIK', 'No. KK', 'NIK anggota', 'NIK_PENGURUS', 'NO_KK', 'nomor kk'])
      expect(namesNik(name), name).toBe(true);
    for (const name of ['idDtks', 'ID DTKS', 'ID_KPM', 'nama', 'E', '']) expect(namesNik(name), name).toBe(false);
    const masked = maskNikFields({
      listProblems: [
        { column: 'NIK_PENGURUS', value: nik, message: 'Tidak ada KPM dengan NIK atau ID KPM ini.' },
        { column: 'ID KPM', value: nik, message: '' },
      ],
    });
    expect(masked.listProblems.map((p) => p.value)).toEqual([maskNik(nik), nik]);
  });
});
