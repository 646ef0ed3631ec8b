/**
 * The spreadsheet import's edge cases, each pinned by a test: stale plans, conflicting family rows, month-first
 * dates, ID KPM cells that lost digits, "add" choices, undo of created pendamping.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { kpmSchema } from '../../main/domain/schemas';
import { PlanChangedError } from '../../main/services/import/commit';
import { ImportJobs } from '../../main/services/import/job-store';
import {
  checkImport,
  chooseImport,
  commitImport,
  configureImport,
  type ImportJob,
  type StartInput,
  startImport,
} from '../../main/services/import/jobs';
import { importReport, problemsPage } from '../../main/services/import/report';
import { listBatches, undoBatch } from '../../main/services/import/undo';
import { createKpm, getKpm, updateKpm } from '../../main/services/kpm';
import {
  type Cell,
  csvFile,
  familyRow,
  headerRow,
  type MessyFamily,
  makeFamilies,
  xlsxFile,
} from '../fixtures/messy-files';
import { ADMIN, count, freshDb, placesOf } from './import-db';

const TODAY = new Date('2026-11-22T00:00:00Z');
let db: Db;
/** Each test's own import jobs, as each app instance has its own. */
let jobs: ImportJobs;
let places: ReturnType<typeof placesOf>;

beforeAll(async () => {
  const fresh = await freshDb();
  places = placesOf(fresh.db);
  fresh.db.$client.close();
});

afterEach(() => {
  db?.$client.close();
});

async function open() {
  db = (await freshDb()).db;
  jobs = new ImportJobs();
  return db;
}

function check(input: Omit<StartInput, 'today'>): Promise<ImportJob> {
  return checkImport(jobs, db, ADMIN, { ...input, today: TODAY });
}

async function commit(job: ImportJob) {
  return commitImport(jobs, db, ADMIN, job.id, importReport(jobs, ADMIN, job.id).planId as string);
}

const problems = (job: ImportJob) => problemsPage(jobs, ADMIN, job.id, { limit: 1000 }).items;
const kpmCount = () => count(db, 'SELECT count(*) AS n FROM kpm');
const kpmByNik = (nik: string) =>
  db.$client.prepare('SELECT * FROM kpm WHERE nik = ?').get(nik) as Record<string, unknown> | undefined;

const bigFile = (families: MessyFamily[]) =>
  csvFile([headerRow('siksng'), ...families.map((f, i) => familyRow(f, 'siksng', {}, i))], { delimiter: ';' });

/**
 * Starts checking a file and runs `during` once while the plan is being built (after the first 5,000
 * families, where buildPlan lets the event loop turn), as another window of the app would.
 */
async function checkWhile(bytes: Buffer, during: () => void, updating = false): Promise<ImportJob> {
  let job = startImport(jobs, db, ADMIN, { fileName: 'baru.csv', bytes, today: TODAY });
  if (updating) {
    // Registered families are skipped unless the user chooses to update them: choose, then read again.
    await job.running;
    await chooseImport(jobs, ADMIN, job.id, { defaults: { db: 'update' } });
    job = configureImport(jobs, ADMIN, job.id, {});
  }
  let ran = false;
  while (job.status === 'running') {
    await new Promise((resolve) => setImmediate(resolve));
    if (!ran && job.phase === 'checking' && job.done >= 5000 && job.status === 'running') {
      during();
      ran = true;
    }
  }
  await job.running;
  expect(ran).toBe(true);
  expect(job.status).toBe('ready');
  return job;
}

describe('a plan checked while the registry changes', () => {
  it('does not overwrite an edit made during the check', async () => {
    await open();
    const families = makeFamilies(6000, places, { seed: 3 });
    await commit(await check({ fileName: 'v1.csv', bytes: bigFile(families) }));
    families[0].alamat = 'DUSUN BARU NO. 1';
    families[1].nama = 'NAMA DIBETULKAN';
    const id = kpmByNik(families[0].nik)?.id as number;
    const job = await checkWhile(
      bigFile(families),
      () => {
        const d = getKpm(db, id) as unknown as Record<string, unknown> & { kpm: Record<string, unknown> };
        const input = kpmSchema.parse({
          ...d.kpm,
          ...d,
          nama: 'NAMA DARI OPERATOR',
          phone: '081299999999',
          members: (d.members as unknown[]) ?? [],
          acceptWarnings: true,
        });
        expect(updateKpm(db, ADMIN, id, input)).toMatchObject({ status: 'saved' });
      },
      true,
    );
    const shown = importReport(jobs, ADMIN, job.id);
    expect(shown.counts).toMatchObject({ update: 2 });
    const error = await commitImport(jobs, db, ADMIN, job.id, shown.planId as string).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanChangedError);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    // The operator's edit is kept, and nothing of the file was written.
    expect(kpmByNik(families[0].nik)).toMatchObject({ nama: 'NAMA DARI OPERATOR', phone: '081299999999' });
    expect(kpmByNik(families[0].nik)?.alamat).not.toBe('DUSUN BARU NO. 1');
    expect(kpmByNik(families[1].nik)?.nama).not.toBe('NAMA DIBETULKAN');
    expect(listBatches(db)).toHaveLength(1);
    // The refreshed report shows that the name would change too.
    const fresh = importReport(jobs, ADMIN, job.id, { duplicates: 10 });
    expect(fresh.planId).not.toBe(shown.planId);
    expect(fresh.duplicates.find((d) => d.existing?.id === id)?.changes).toEqual(
      expect.arrayContaining(['nama', 'alamat']),
    );
  });

  it('refuses with the refreshed report when a family of the file is registered during the check', async () => {
    await open();
    const families = makeFamilies(6000, places, { seed: 4 });
    const last = families[5999];
    const job = await checkWhile(bigFile(families), () => {
      const saved = createKpm(
        db,
        ADMIN,
        kpmSchema.parse({
          idKpm: 'MANUAL-1',
          idDtks: null,
          noKk: last.noKk,
          nik: last.nik,
          nama: 'DIINPUT MANUAL',
          tempatLahir: '',
          tanggalLahir: null,
          jenisKelamin: 'P',
          komponen: null,
          alamat: '',
          rt: '',
          rw: '',
          districtCode: last.district.code,
          villageCode: last.village.code,
          phone: '',
          tahunBergabung: null,
          pendampingId: null,
          notes: '',
          members: [],
          acceptWarnings: true,
        }),
      );
      expect(saved).toMatchObject({ status: 'saved' });
    });
    const shown = importReport(jobs, ADMIN, job.id);
    expect(shown.counts).toMatchObject({ add: 6000 });
    const error = await commitImport(jobs, db, ADMIN, job.id, shown.planId as string).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanChangedError);
    expect(kpmCount()).toBe(1);
    expect(kpmByNik(last.nik)?.nama).toBe('DIINPUT MANUAL');
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ add: 5999 });
  });

  it('turns a key conflict the fingerprint cannot see into the refreshed report', async () => {
    await open();
    const [a, b] = makeFamilies(2, places, { seed: 6 });
    await commit(await check({ fileName: 'v1.csv', bytes: bigFile([a]) }));
    const job = await check({ fileName: 'v2.csv', bytes: bigFile([b]) });
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ add: 1 });
    // Family a takes b's NIK behind the import's back (no audit row, same updated_at).
    db.$client.prepare('UPDATE kpm SET nik = ? WHERE nik = ?').run(b.nik, a.nik);
    const error = await commit(job).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanChangedError);
    expect(kpmCount()).toBe(1);
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ add: 0 });
  });

  it('writes to each family only the columns that family changes', async () => {
    await open();
    const [a, b] = makeFamilies(2, places, { seed: 5 });
    await commit(await check({ fileName: 'v1.csv', bytes: bigFile([a, b]) }));
    const job = await check({
      fileName: 'v2.csv',
      bytes: bigFile([
        { ...a, alamat: 'JL. BARU' },
        { ...b, nama: 'NAMA BARU' },
      ]),
    });
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ update: 0, skip: 2 });
    await chooseImport(jobs, ADMIN, job.id, { defaults: { db: 'update' } });
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ update: 2 });
    // A write that leaves no trace the fingerprint sees (no audit row, same updated_at): the plan's copy of
    // family a's name is stale, and a does not change its name.
    db.$client.prepare("UPDATE kpm SET nama = 'NAMA LAMA DIUBAH' WHERE nik = ?").run(a.nik);
    expect(await commit(job)).toMatchObject({ updated: 2 });
    expect(kpmByNik(a.nik)).toMatchObject({ nama: 'NAMA LAMA DIUBAH', alamat: 'JL. BARU' });
    expect(kpmByNik(b.nik)).toMatchObject({ nama: 'NAMA BARU', alamat: b.alamat });
  });
});

describe('rows of one family that disagree', () => {
  const FAMILY_AND_MEMBER_HEADER = [
    'ID KPM',
    'NO KK',
    'NIK PENGURUS',
    'NAMA PENGURUS',
    'KECAMATAN',
    'DESA',
    'ALAMAT',
    'NAMA ART',
    'NIK ART',
    'JK ART',
  ];

  it('refuses a family whose rows give different No. KK, name or address (family rows with member columns)', async () => {
    await open();
    const [f, g] = makeFamilies(2, places, { seed: 30, members: 2 });
    const row = (fam: MessyFamily, m: number, patch: Partial<MessyFamily> = {}): Cell[] => {
      const x = { ...fam, ...patch };
      const member = fam.members[m];
      return [
        x.idKpm,
        x.noKk,
        x.nik,
        x.nama,
        x.district.name,
        x.village.name,
        x.alamat,
        member.nama,
        member.nik,
        member.jenisKelamin,
      ];
    };
    const other = '3528020101100999';
    const rows = [
      FAMILY_AND_MEMBER_HEADER,
      row(f, 0),
      row(f, 1, { noKk: other, nama: 'SITI AMINA', alamat: 'DUSUN B' }),
      row(g, 0),
      row(g, 1),
    ];
    const job = await check({ fileName: 'ka.csv', bytes: csvFile(rows, { delimiter: ';' }) });
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.layout).toBe('keluarga_anggota');
    expect(report.counts).toMatchObject({ families: 2, add: 1, error: 1 });
    const conflicts = problems(job).filter((p) => p.code === 'FAMILY_ROWS_CONFLICT');
    expect(conflicts.map((p) => [p.row, p.column, p.severity])).toEqual([
      [3, 'B', 'error'],
      [3, 'D', 'error'],
      [3, 'G', 'error'],
    ]);
    expect(conflicts[0].message).toBe(
      `Baris 3 dan baris 2 keluarga yang sama berbeda pada kolom NO KK: ${other} vs ${f.noKk}. ` +
        'Keluarga ini tidak diimpor; samakan isinya di kedua baris.',
    );
    await commit(job);
    expect(kpmByNik(f.nik)).toBeUndefined();
    expect(kpmByNik(g.nik)?.no_kk).toBe(g.noKk);
  });

  it('refuses a family whose member rows give another ID KPM or desa (person rows)', async () => {
    await open();
    const [f, g] = makeFamilies(2, places, { seed: 31, members: 2 });
    const header = ['NO KK', 'ID KPM', 'NIK', 'NAMA', 'HUBUNGAN', 'JK', 'KECAMATAN', 'DESA', 'NO HP'];
    const people = (
      fam: MessyFamily,
      idKpm: (i: number) => string | null,
      desa: (i: number) => string | null,
    ): Cell[][] => [
      [
        fam.noKk,
        idKpm(0),
        fam.nik,
        fam.nama,
        'PENGURUS',
        'P',
        fam.district.name,
        desa(0) ?? fam.village.name,
        '081234567890',
      ],
      ...fam.members.map((m, i): Cell[] => [
        fam.noKk,
        idKpm(i + 1),
        m.nik,
        m.nama,
        m.hubungan,
        m.jenisKelamin,
        null,
        desa(i + 1),
        // A member's own phone number is no conflict.
        `08129999000${i}`,
      ]),
    ];
    const otherVillage = places.find((p) => p.district.code === g.district.code && p.village.code !== g.village.code);
    const rows = [
      header,
      ...people(
        f,
        (i) => (i === 2 ? 'P3528LAIN' : f.idKpm),
        () => null,
      ),
      ...people(
        g,
        () => g.idKpm,
        (i) => (i === 1 ? (otherVillage as (typeof places)[number]).village.name : null),
      ),
    ];
    const job = await check({ fileName: 'anggota.csv', bytes: csvFile(rows, { delimiter: ';' }) });
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.layout).toBe('anggota');
    expect(report.counts).toMatchObject({ families: 2, error: 2 });
    expect(
      problems(job)
        .filter((p) => p.code === 'FAMILY_ROWS_CONFLICT')
        .map((p) => [p.row, p.header, p.value]),
    ).toEqual([
      [4, 'ID KPM', 'P3528LAIN'],
      [6, 'DESA', (otherVillage as (typeof places)[number]).village.code],
    ]);
  });
});

describe('ID KPM and ID DTKS cells that Excel turned into numbers', () => {
  it('refuses numbers that lost digits and scientific notation, and keeps whole numbers', async () => {
    await open();
    const families = makeFamilies(4, places, { seed: 40 });
    const rows = families.map((f, i) => familyRow(f, 'siksng', {}, i));
    // Columns: B = ID KPM, C = ID DTKS.
    rows[0][1] = Number('352801000012345678'); // above 2^53: Excel kept 352801000012345660
    rows[1][2] = '3.52801E+17';
    rows[2][1] = 1.2345678901234568e21;
    rows[3][1] = 35280100001234; // a whole number that fits: kept as it is
    const job = await check({
      fileName: 'angka.xlsx',
      bytes: await xlsxFile([{ name: 'KPM', rows: [headerRow('siksng'), ...rows] }]),
    });
    expect(
      problems(job)
        .filter((p) => p.severity === 'error')
        .map((p) => [p.row, p.column, p.code]),
    ).toEqual([
      [2, 'B', 'IDKPM_EXCEL_NUMBER'],
      [3, 'C', 'IDDTKS_EXCEL_NUMBER'],
      [4, 'B', 'IDKPM_EXCEL_NUMBER'],
    ]);
    expect(problems(job)[0].message).toContain('Format kolom ID KPM sebagai Teks');
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ families: 4, add: 1, error: 3 });
    await commit(job);
    expect(kpmByNik(families[3].nik)?.id_kpm).toBe('35280100001234');
    expect(kpmCount()).toBe(1);
  });

  it('refuses scientific notation in a CSV ID KPM column', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 41 });
    const row = familyRow(f, 'siksng');
    row[1] = '3,52801E+17';
    const job = await check({ fileName: 'sci.csv', bytes: csvFile([headerRow('siksng'), row], { delimiter: ';' }) });
    expect(problems(job).map((p) => [p.row, p.column, p.code])).toEqual([[2, 'B', 'IDKPM_EXCEL_NUMBER']]);
  });
});

describe('a date column written month first', () => {
  const withDates = (families: MessyFamily[], dates: string[]) =>
    csvFile(
      [
        headerRow('siksng'),
        ...families.map((f, i) => {
          const row = familyRow(f, 'siksng', {}, i);
          row[7] = dates[i]; // column H: TANGGAL LAHIR
          return row;
        }),
      ],
      { delimiter: ';' },
    );

  it('refuses the dates that read both ways when the column proves month first', async () => {
    await open();
    const families = makeFamilies(4, places, { seed: 50 });
    const job = await check({
      fileName: 'us.csv',
      bytes: withDates(families, ['03/25/1980', '03/04/1980', '05/05/1980', '12/31/1979']),
    });
    const dates = problems(job).filter((p) => p.code.startsWith('DATE_'));
    expect(dates.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([
      [2, 'H', 'DATE_MONTH_FIRST', 'warning'],
      [3, 'H', 'DATE_AMBIGUOUS', 'error'],
      [5, 'H', 'DATE_MONTH_FIRST', 'warning'],
    ]);
    expect(dates[1].message).toBe(
      'Baris 3, kolom TANGGAL LAHIR: tanggal 03/04/1980 bisa dibaca 3 April 1980 atau 4 Maret 1980; kolom ini ' +
        'tampak berformat bulan/tanggal (baris 2: 03/25/1980). Tulis tanggal sebagai dd-mm-yyyy.',
    );
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ families: 4, add: 3, error: 1 });
    await commit(job);
    expect(kpmByNik(families[1].nik)).toBeUndefined();
    expect(kpmByNik(families[0].nik)?.tanggal_lahir).toBe('1980-03-25');
    expect(kpmByNik(families[2].nik)?.tanggal_lahir).toBe('1980-05-05');
  });

  it('reads an ordinary day-first column as before', async () => {
    await open();
    const families = makeFamilies(3, places, { seed: 51 });
    const job = await check({
      fileName: 'id.csv',
      bytes: withDates(families, ['25/03/1980', '03/04/1980', '03/25/1980']),
    });
    // One month-first cell in a day-first column keeps its warning; the ambiguous one is read day first.
    expect(
      problems(job)
        .filter((p) => p.code.startsWith('DATE_'))
        .map((p) => [p.row, p.code]),
    ).toEqual([[4, 'DATE_MONTH_FIRST']]);
    await commit(job);
    expect(kpmByNik(families[1].nik)?.tanggal_lahir).toBe('1980-04-03');
  });
});

describe('a second family under a registered No. KK', () => {
  it('adds the row the user chose to add, although another row updates the registered family', async () => {
    await open();
    const [x, y] = makeFamilies(2, places, { seed: 60 });
    await commit(await check({ fileName: 'v1.csv', bytes: bigFile([x]) }));
    // Row 2 updates x (by NIK); row 3 is another family under x's No. KK.
    const job = await check({
      fileName: 'v2.csv',
      bytes: bigFile([
        { ...x, alamat: 'JL. BARU' },
        { ...y, noKk: x.noKk },
      ]),
    });
    const report = await chooseImport(jobs, ADMIN, job.id, { defaults: { db: 'update', dbKk: 'add' } });
    expect(report.problems.filter((p) => p.code === 'DB_MATCH_TWICE')).toEqual([]);
    expect(report.counts).toMatchObject({ families: 2, update: 1, add: 1, error: 0 });
    expect(report.duplicates.find((d) => d.row === 3 && d.kind === 'db_kk')).toMatchObject({ choice: 'add' });
    await commit(job);
    expect(kpmByNik(x.nik)?.alamat).toBe('JL. BARU');
    expect(kpmByNik(y.nik)?.no_kk).toBe(x.noKk);
  });

  it('still refuses two rows that would update the same registered family', async () => {
    await open();
    const [x, y] = makeFamilies(2, places, { seed: 61 });
    await commit(await check({ fileName: 'v1.csv', bytes: bigFile([x]) }));
    const job = await check({
      fileName: 'v2.csv',
      bytes: bigFile([
        { ...x, alamat: 'JL. BARU' },
        { ...y, noKk: x.noKk },
      ]),
    });
    const report = await chooseImport(jobs, ADMIN, job.id, { defaults: { db: 'update', dbKk: 'update' } });
    expect(report.problems.map((p) => [p.row, p.code])).toContainEqual([3, 'DB_MATCH_TWICE']);
  });
});

describe('undo of a batch that created pendamping', () => {
  it('removes the pendamping the batch created unless a family still uses them, with audit', async () => {
    await open();
    const pendampingCount = () => count(db, 'SELECT count(*) AS n FROM pendamping');
    const startCount = pendampingCount();
    const [a, b] = makeFamilies(2, places, { seed: 70, pendamping: ['RINA BARU', 'ANI BARU'] });
    const job = await check({ fileName: 'satu.csv', bytes: bigFile([a, b]) });
    const unknown = importReport(jobs, ADMIN, job.id).unknownPendamping;
    expect(unknown.map((u) => u.name).sort()).toEqual(['ANI BARU', 'RINA BARU']);
    await chooseImport(jobs, ADMIN, job.id, { createPendamping: unknown.map((u) => u.key) });
    const first = await commit(job);
    expect(pendampingCount()).toBe(startCount + 2);
    // A family of another import uses ANI BARU.
    const [d] = makeFamilies(1, places, { seed: 71, pendamping: ['ANI BARU'] });
    await commit(await check({ fileName: 'dua.csv', bytes: bigFile([d]) }));
    const ani = db.$client.prepare("SELECT id FROM pendamping WHERE name = 'ANI BARU'").pluck().get() as number;
    expect(kpmByNik(d.nik)?.pendamping_id).toBe(ani);

    const batches = listBatches(db);
    expect(batches.find((x) => x.id === first.batchId)?.undoBlockedReason).toBeNull();
    expect(undoBatch(db, ADMIN, first.batchId as number)).toEqual({
      batchId: first.batchId,
      removed: 2,
      restored: 0,
      pendampingRemoved: 1,
      pendampingKept: 1,
    });
    expect(db.$client.prepare('SELECT name FROM pendamping WHERE id > 2 ORDER BY name').pluck().all()).toEqual([
      'ANI BARU',
    ]);
    const audit = db.$client
      .prepare(
        "SELECT action, summary, before, import_batch_id AS batch FROM audit_log WHERE entity = 'pendamping' AND action = 'delete'",
      )
      .all() as { action: string; summary: string; before: string; batch: number }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toBe(`Pendamping RINA BARU dihapus karena pembatalan impor #${first.batchId} (satu.csv)`);
    expect(JSON.parse(audit[0].before)).toMatchObject({ name: 'RINA BARU', districtCodes: [] });
    expect(audit[0].batch).toBe(first.batchId);
    expect(listBatches(db).find((x) => x.id === first.batchId)?.status).toBe('undone');
  });
});
