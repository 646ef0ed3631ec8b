/**
 * The pendamping scope checks of the pendamping's month (complaints, the monthly report and evaluation),
 * verifikasi komitmen and graduates' businesses, for test/node/pendamping-scope.test.ts: each records the same
 * kind of data for the account's own family and for another pendamping's, then proves the account gets its own
 * back, never the other's, and writes nothing when it names the other's.
 */
import { getTableName } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../db/open';
import {
  auditLog,
  businessEntries,
  businesses,
  complaints,
  onlineShops,
  penaParticipations,
  pendampingMonthNotes,
  trainings,
  verkomHealth,
} from '../../db/schema';
import type { MethodName } from '../../main/api/contract';
import type { Actor } from '../../main/services/actor';
import { saveBusiness } from '../../main/services/business/records';
import { saveComplaint } from '../../main/services/evaluation/complaints';
import { recordHealth } from '../../main/services/verkom/health';
import { pdfFile, pdfFlatText } from './pdf';
import { readWorkbook } from './xlsx-read';

export interface MonthWorld {
  db: Db;
  rina: number;
  dedi: number;
  /** Graduated, with a business that stopped (slipped back). */
  ownGraduate: number;
  otherGraduate: number;
  /** With a complaint and a missed health visit in February 2026. */
  ownFamily: number;
  otherFamily: number;
  ownComplaint: number;
  otherComplaint: number;
}

type Call = <T>(method: MethodName, input: unknown) => Promise<T>;
type Refusal = (method: MethodName, input: unknown) => Promise<string>;

const OPERATOR: Actor = { id: null, username: 'operator', role: 'operator' };
const REPORT_MONTH = '2026-02';
const QUARTER = { year: 2026, quarter: 1 };

/** Records, as the office would, the same data for one family of each pendamping. */
export function seedMonthWorld(
  db: Db,
  pendamping: { rina: number; dedi: number },
  graduates: [number, number],
  families: [number, number],
): MonthWorld {
  const business = (kpmId: number) =>
    saveBusiness(
      db,
      OPERATOR,
      {
        kpmId,
        type: 'makanan_minuman',
        description: 'Warung',
        startDate: '2010-03-01',
        entry: { entryDate: '2010-04-01', running: true, turnover: 900_000, income: 300_000, notes: '' },
      },
      '2010-06-01',
    );
  const stop = (kpmId: number) =>
    saveBusiness(
      db,
      OPERATOR,
      {
        kpmId,
        type: 'makanan_minuman',
        description: 'Warung',
        startDate: '2010-03-01',
        entry: { entryDate: '2010-05-01', running: false, turnover: 0, income: 0, notes: '' },
      },
      '2010-06-01',
    );
  const complaint = (kpmId: number) =>
    saveComplaint(
      db,
      OPERATOR,
      {
        kpmId,
        date: '2026-02-10',
        issue: 'Bantuan belum cair',
        category: 'Lainnya',
        handledBy: '',
        resolvedDate: null,
        resolution: '',
      },
      '2026-02-20',
    ).id;
  const missedHealth = (kpmId: number) =>
    recordHealth(db, OPERATOR, { kpmId, memberId: null, month: REPORT_MONTH, kind: 'posyandu', attended: false });
  for (const kpmId of graduates) {
    business(kpmId);
    stop(kpmId);
  }
  for (const kpmId of families) missedHealth(kpmId);
  return {
    db,
    ...pendamping,
    ownGraduate: graduates[0],
    otherGraduate: graduates[1],
    ownFamily: families[0],
    otherFamily: families[1],
    ownComplaint: complaint(families[0]),
    otherComplaint: complaint(families[1]),
  };
}

const nameOf = (db: Db, kpmId: number) =>
  db.$client.prepare('SELECT nama FROM kpm WHERE id = ?').pluck().get(kpmId) as string;

/** Every table a refused write could touch, counted, so "nothing written" is checked, not assumed. */
function rowCounts(db: Db): number[] {
  const tables = [
    auditLog,
    businesses,
    businessEntries,
    complaints,
    onlineShops,
    penaParticipations,
    pendampingMonthNotes,
    trainings,
    verkomHealth,
  ];
  return tables.map(
    (t) =>
      db.$client
        .prepare(`SELECT count(*) FROM ${getTableName(t)}`)
        .pluck()
        .get() as number,
  );
}

async function xlsxText(base64: string): Promise<string> {
  const book = await readWorkbook(Buffer.from(base64, 'base64'));
  const cells: string[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  return cells.join(' | ');
}

const pdfText = (file: { base64: string }) => pdfFlatText(pdfFile(file.base64));

/** The other pendamping's family asked for: refused (NOT_FOUND or FORBIDDEN) with no row written. */
async function refusedUnwritten(
  w: MonthWorld,
  refused: Refusal,
  method: MethodName,
  input: unknown,
  codes: string | string[] = ['NOT_FOUND', 'FORBIDDEN'],
): Promise<void> {
  const before = rowCounts(w.db);
  expect([codes].flat()).toContain(await refused(method, input));
  expect(rowCounts(w.db)).toEqual(before);
}

/** The file names the account's own family and never the other pendamping's. */
function namesOnlyOwn(text: string, w: MonthWorld, own: number, other: number): void {
  expect(text).toContain(nameOf(w.db, own));
  expect(text).not.toContain(nameOf(w.db, other));
}

export function complaintChecks(w: () => MonthWorld, ok: Call, refused: Refusal) {
  const input = (kpmId: number, extra: Record<string, unknown> = {}) => ({
    kpmId,
    date: '2026-02-11',
    issue: 'Kartu hilang',
    category: 'Lainnya',
    ...extra,
  });
  return {
    'complaints.list': async () => {
      const list = await ok<{ items: { id: number; kpmId: number }[] }>('complaints.list', {});
      expect(new Set(list.items.map((c) => c.kpmId))).toEqual(new Set([w().ownFamily]));
      const asked = await ok<{ items: unknown[] }>('complaints.list', { kpmId: w().otherFamily });
      expect(asked.items).toEqual([]);
    },
    'complaints.save': async () => {
      await refusedUnwritten(w(), refused, 'complaints.save', input(w().otherFamily));
      // Another pendamping's complaint moved onto its own family: refused too.
      await refusedUnwritten(w(), refused, 'complaints.save', input(w().ownFamily, { id: w().otherComplaint }));
      expect(await ok<{ kpmId: number }>('complaints.save', input(w().ownFamily))).toMatchObject({
        kpmId: w().ownFamily,
      });
    },
  } satisfies Partial<Record<MethodName, () => Promise<void>>>;
}

export function evaluationChecks(w: () => MonthWorld, ok: Call, refused: Refusal) {
  const own = () => ({ pendampingId: w().rina, month: REPORT_MONTH });
  const other = () => ({ pendampingId: w().dedi, month: REPORT_MONTH });
  return {
    'evaluation.settings': async () => {
      // The office's indicators and categories: no family in them.
      const settings = await ok<{ indicators: unknown[] }>('evaluation.settings', {});
      expect(settings.indicators.length).toBeGreaterThan(0);
    },
    'evaluation.month': async () => {
      const month = await ok<{ rows: { pendampingId: number }[] }>('evaluation.month', { month: REPORT_MONTH });
      expect(month.rows.map((r) => r.pendampingId)).toEqual([w().rina]);
    },
    'evaluation.report': async () => {
      expect(await ok<object>('evaluation.report', own())).toMatchObject({ pendamping: { id: w().rina } });
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(await refused('evaluation.report', other()));
    },
    'evaluation.reportPdf': async () => {
      await refusedUnwritten(w(), refused, 'evaluation.reportPdf', other());
      const text = pdfText(await ok<{ base64: string }>('evaluation.reportPdf', own()));
      expect(text).toContain('RINA');
      expect(text).not.toContain('DEDI');
    },
    'evaluation.reportXlsx': async () => {
      await refusedUnwritten(w(), refused, 'evaluation.reportXlsx', other());
      expect(await ok<{ rows: number }>('evaluation.reportXlsx', own())).toHaveProperty('rows');
    },
    'evaluation.saveNotes': async () => {
      await refusedUnwritten(w(), refused, 'evaluation.saveNotes', { ...other(), notes: 'Bukan milik saya' });
      expect(await ok<object>('evaluation.saveNotes', { ...own(), notes: 'Catatan bulan ini' })).toEqual({
        notes: 'Catatan bulan ini',
      });
    },
  } satisfies Partial<Record<MethodName, () => Promise<void>>>;
}

export function verkomChecks(w: () => MonthWorld, ok: Call, refused: Refusal) {
  const health = (kpmId: number) => ({ kpmId, memberId: null, month: '2026-03', kind: 'posyandu', attended: true });
  const nik = (kpmId: number) =>
    w().db.$client.prepare('SELECT nik FROM kpm WHERE id = ?').pluck().get(kpmId) as string;
  const sheet = (kpmId: number) => ({
    fileName: 'kesehatan.csv',
    base64: Buffer.from(`NIK;BULAN;JENIS;HADIR\n${nik(kpmId)};2026-03;posyandu;ya\n`).toString('base64'),
  });
  return {
    'verkom.health.record': async () => {
      await refusedUnwritten(w(), refused, 'verkom.health.record', health(w().otherFamily), 'NOT_FOUND');
      expect(await ok<object>('verkom.health.record', health(w().ownFamily))).toEqual({ saved: true });
    },
    'verkom.health.sheet': async () => {
      const before = rowCounts(w().db);
      expect(await refused('verkom.health.sheet', sheet(w().otherFamily))).toBe('INVALID_INPUT');
      expect(rowCounts(w().db)).toEqual(before);
      expect(await ok<object>('verkom.health.sheet', sheet(w().ownFamily))).toEqual({ records: 1 });
    },
    'verkom.quarter': async () => {
      const q = await ok<{ families: { kpmId: number }[] }>('verkom.quarter', QUARTER);
      expect(q.families.map((f) => f.kpmId)).toEqual([w().ownFamily]);
    },
    'verkom.quarterXlsx': async () => {
      const file = await ok<{ base64: string; rows: number }>('verkom.quarterXlsx', QUARTER);
      expect(file.rows).toBe(1);
      namesOnlyOwn(await xlsxText(file.base64), w(), w().ownFamily, w().otherFamily);
    },
    'verkom.quarterPdf': async () => {
      namesOnlyOwn(
        pdfText(await ok<{ base64: string }>('verkom.quarterPdf', QUARTER)),
        w(),
        w().ownFamily,
        w().otherFamily,
      );
    },
    'verkom.family': async () => {
      const own = await ok<{ health: unknown[] }>('verkom.family', { kpmId: w().ownFamily });
      expect(own.health.length).toBeGreaterThan(0);
      expect(await refused('verkom.family', { kpmId: w().otherFamily })).toBe('NOT_FOUND');
    },
    'verkom.settings.get': async () => {
      // The office's attendance threshold: no family in it.
      expect(await ok<object>('verkom.settings.get', {})).toEqual({ thresholdPercent: 85 });
    },
  } satisfies Partial<Record<MethodName, () => Promise<void>>>;
}

export function businessChecks(w: () => MonthWorld, ok: Call, refused: Refusal) {
  const save = (kpmId: number) => ({ kpmId, type: 'jasa', description: 'Jahit', startDate: '2010-03-01' });
  const training = (kpmId: number) => ({
    kpmId,
    course: 'Menjahit',
    institution: 'BLK Kota',
    startDate: '2010-06-01',
    endDate: '2010-06-20',
    completed: true,
    certificate: false,
  });
  const shop = (kpmId: number) => ({ kpmId, platform: 'Marketplace', accountName: 'Toko Uji', since: '2010-07-01' });
  const pena = (kpmId: number) => ({ kpmId, scheme: 'PENA Uji', amount: 1_000_000, date: '2010-08-01' });
  const both =
    (method: MethodName, input: (kpmId: number) => object, expected: (kpmId: number) => object) => async () => {
      await refusedUnwritten(w(), refused, method, input(w().otherGraduate));
      expect(await ok<object>(method, input(w().ownGraduate))).toMatchObject(expected(w().ownGraduate));
    };
  return {
    'business.family': async () => {
      expect(await ok<object>('business.family', { kpmId: w().ownGraduate })).toMatchObject({ kpmId: w().ownGraduate });
      expect(await refused('business.family', { kpmId: w().otherGraduate })).toBe('NOT_FOUND');
    },
    'business.save': both('business.save', save, (kpmId) => ({ business: { kpmId } })),
    'business.addTraining': both('business.addTraining', training, (kpmId) => ({ kpmId })),
    'business.addOnlineShop': both('business.addOnlineShop', shop, (kpmId) => ({ kpmId })),
    'business.addPena': both('business.addPena', pena, (kpmId) => ({ kpmId })),
    'business.umk': async () => {
      // The office's UMK: no family in it.
      expect(await ok<object>('business.umk', {})).toEqual({ umk: 0 });
    },
    'business.report': async () => {
      const report = await ok<{ total: { graduates: number }; slipped: { kpmId: number }[] }>('business.report', {});
      expect(report.total.graduates).toBe(1);
      expect(report.slipped.map((s) => s.kpmId)).toEqual([w().ownGraduate]);
    },
    'business.reportXlsx': async () => {
      const file = await ok<{ base64: string }>('business.reportXlsx', {});
      namesOnlyOwn(await xlsxText(file.base64), w(), w().ownGraduate, w().otherGraduate);
    },
    'business.reportPdf': async () => {
      const file = await ok<{ base64: string }>('business.reportPdf', {});
      namesOnlyOwn(pdfText(file), w(), w().ownGraduate, w().otherGraduate);
    },
    'business.candidates': async () => {
      const rows = await ok<{ kpmId: number }[]>('business.candidates', { purpose: 'blk' });
      expect(rows.map((r) => r.kpmId)).toEqual([w().ownGraduate]);
    },
    'business.candidatesXlsx': async () => {
      const file = await ok<{ base64: string; rows: number }>('business.candidatesXlsx', { purpose: 'blk' });
      expect(file.rows).toBe(1);
      namesOnlyOwn(await xlsxText(file.base64), w(), w().ownGraduate, w().otherGraduate);
    },
  } satisfies Partial<Record<MethodName, () => Promise<void>>>;
}
