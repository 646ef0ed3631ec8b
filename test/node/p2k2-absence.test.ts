/**
 * The P2K2 follow-up rule on a real SQLite file: ALFA in two consecutive calendar months (a month edge and the
 * December-January year edge), IZIN and SAKIT never count, a gap breaks the run, and one warning per family and
 * absence period.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import { absenceList } from '../../main/services/p2k2-reports/absence';
import { absencePeriods } from '../../main/services/p2k2-reports/absence-rule';
import { warnWithLetter } from '../../main/services/p2k2-reports/teguran';
import { appErrorOf } from '../support/errors';
import { addFamilies, addPendamping, villageOfFamily } from '../support/graduation';
import { addGroup, addMeeting, all, type Mark, topicId } from '../support/p2k2-rows';
import { pdfFile, pdfFlatText } from '../support/pdf';
import { setUpOffice } from './helpers';

const BARAT = '337501';
let db: Db;
let admin: Actor;
let families: number[];
let group: number;
let topic: number;

/** Meets the group on a day with the families' marks; everyone else HADIR. */
function meet(heldOn: string, marks: Record<number, Mark['status']>) {
  addMeeting(
    db,
    { groupId: group, topicId: topic, heldOn },
    families.map((kpmId) => ({ kpmId, status: kpmId in marks ? marks[kpmId] : 'hadir' })),
  );
}

const listed = (year: number, fromMonth: number, toMonth: number) =>
  absenceList(db, { year, fromMonth, toMonth }).pendamping.flatMap((p) =>
    p.families.map((f) => `${f.nama}:${f.absentUntil}`),
  );

beforeAll(async () => {
  ({ db, admin } = await setUpOffice());
  const rina = addPendamping(db, 'RINA SETIAWATI', [BARAT]);
  families = addFamilies(db, { count: 6, pendampingId: rina, districtCode: BARAT });
  const village = villageOfFamily(db, families[0]);
  group = addGroup(db, { name: 'MAWAR', villageCode: village, pendampingId: rina, kpmIds: families });
  topic = topicId(db, 'Memulai Usaha');
  const [a, b, c, d, e] = families;
  // a: ALFA October and November (a month edge); b: December 2026 and January 2027 (the year edge);
  // c: ALFA October, IZIN/SAKIT November, ALFA December (excused months never join a run);
  // d: ALFA September and November, gap in October; e: ALFA January to April 2027, one run
  meet('2026-09-15', { [d]: 'alfa' });
  meet('2026-10-15', { [a]: 'alfa', [c]: 'alfa' });
  meet('2026-11-03', { [a]: 'hadir', [c]: 'izin' });
  meet('2026-11-24', { [a]: 'alfa', [c]: 'sakit', [d]: 'alfa' });
  meet('2026-12-15', { [b]: 'alfa', [c]: 'alfa' });
  meet('2027-01-12', { [b]: 'alfa', [e]: 'alfa' });
  meet('2027-02-09', { [e]: 'alfa' });
  meet('2027-03-09', { [e]: 'alfa' });
  meet('2027-04-06', { [e]: 'alfa' });
  // a blank (not yet marked) row is no absence
  addMeeting(db, { groupId: group, topicId: topic, heldOn: '2027-05-04' }, all(families, null));
});

describe('the two-month rule', () => {
  it('groups consecutive months into runs named by their second month, across the year edge', () => {
    expect(absencePeriods(['2026-12', '2027-01'])).toEqual([
      { months: ['2026-12', '2027-01'], absentUntil: '2027-01' },
    ]);
    expect(absencePeriods(['2026-10', '2026-12'])).toEqual([]);
    expect(absencePeriods(['2027-04', '2027-01', '2027-02', '2027-03', '2027-02'])).toEqual([
      { months: ['2027-01', '2027-02', '2027-03', '2027-04'], absentUntil: '2027-02' },
    ]);
    expect(absencePeriods(['2026-01', '2026-02', '2026-04', '2026-05'])).toHaveLength(2);
  });

  it('lists ALFA October-November under its pendamping, not IZIN/SAKIT months or a gap', () => {
    const list = absenceList(db, { year: 2026, fromMonth: 1, toMonth: 12 });
    expect(list.pendamping.map((p) => p.name)).toEqual(['RINA SETIAWATI']);
    const [a] = families;
    const names = list.pendamping[0].families.map((f) => [f.kpmId, f.absentUntil, f.months]);
    expect(names).toEqual([[a, '2026-11', ['2026-10', '2026-11']]]);
    expect(list.pendamping[0].families[0].groupName).toBe('MAWAR');
  });

  it('finds December-January in January of the next year, and a long run once', () => {
    const [, b, , , e] = families;
    const list = absenceList(db, { year: 2027, fromMonth: 1, toMonth: 12 });
    const found = list.pendamping.flatMap((p) => p.families.map((f) => [f.kpmId, f.absentUntil]));
    expect(found.sort()).toEqual(
      [
        [b, '2027-01'],
        [e, '2027-02'],
      ].sort(),
    );
    // the run met in February is not met again in March or April
    expect(listed(2027, 3, 4)).toEqual([]);
    expect(listed(2026, 12, 12)).toEqual([]);
  });
});

/** The AppError code of a promise that must reject. */
async function rejected(run: () => Promise<unknown>): Promise<string> {
  let caught: unknown;
  await run().catch((error: unknown) => {
    caught = error;
  });
  return appErrorOf(() => {
    throw caught;
  }).code;
}

describe('warnings', () => {
  it('issues a numbered surat teguran with its QR and records one warning per family and absence period', async () => {
    const [, b] = families;
    const { warningId, pdf } = await warnWithLetter(db, admin, { kpmId: b, absentUntil: '2027-01' }, '2027-01-20');
    const text = pdfFlatText(pdfFile(pdf.base64));
    expect(text).toContain('SURAT TEGURAN');
    expect(text).toContain('kelompok MAWAR');
    expect(text).toContain('Desember 2026 dan Januari 2027');
    const doc = db.$client
      .prepare(
        'SELECT d.number, d.kind, d.kpm_id AS kpmId FROM documents d JOIN p2k2_warnings w ON w.document_id = d.id WHERE w.id = ?',
      )
      .get(warningId) as { number: string; kind: string; kpmId: number };
    expect(doc).toMatchObject({ kind: 'surat_teguran', kpmId: b });
    expect(text).toContain(doc.number);
    const entry = absenceList(db, { year: 2027, fromMonth: 1, toMonth: 1 }).pendamping[0].families[0];
    expect(entry.warning).toMatchObject({ givenOn: '2027-01-20', absentUntil: '2027-01', documentNumber: doc.number });
    expect(await rejected(() => warnWithLetter(db, admin, { kpmId: b, absentUntil: '2027-01' }, '2027-01-21'))).toBe(
      'DUPLICATE',
    );
    const count = (sql: string, ...p: number[]) =>
      db.$client
        .prepare(sql)
        .pluck()
        .get(...p);
    expect(count('SELECT count(*) FROM p2k2_warnings WHERE kpm_id = ?', b)).toBe(1);
    expect(count("SELECT count(*) FROM documents WHERE kind = 'surat_teguran'")).toBe(1);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'p2k2_teguran'")).toBe(1);
  });

  it('refuses a warning for a period the family was not absent, and writes no letter', async () => {
    const [, , c] = families;
    expect(await rejected(() => warnWithLetter(db, admin, { kpmId: c, absentUntil: '2026-11' }, '2026-12-01'))).toBe(
      'INVALID_INPUT',
    );
    const letters = db.$client.prepare("SELECT count(*) FROM documents WHERE kind = 'surat_teguran'").pluck().get();
    expect(letters).toBe(1);
  });
});
