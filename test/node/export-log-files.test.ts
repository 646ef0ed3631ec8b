/**
 * Every file with personal data the app hands out is a row of the export log (UU 27/2022). The methods are found
 * in the contract map, not listed here: each one that declares a file ('logged') is called through the dispatcher
 * and must write exactly one row with who, what kind, the filters, rows, NIK mode and the sha256 of the very bytes
 * it returned. A file method the test cannot call fails the test, and a method whose output carries a file but
 * says nothing about the log does not compile (the last test).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { contract, type MethodName } from '../../main/api/contract';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { method, none } from '../../main/api/method';
import { printDocumentByNumber } from '../../main/cli-documents';
import { businessSaveSchema } from '../../main/domain/business';
import { LOG_FORMATS, LOG_KIND_LABEL, LOG_KINDS, LOG_NIK_MODES } from '../../main/domain/export-log';
import { todayIso } from '../../main/domain/format';
import { healthRecordSchema } from '../../main/domain/verkom';
import type { Actor } from '../../main/services/actor';
import { saveBusiness } from '../../main/services/business/records';
import { recordHealth } from '../../main/services/verkom/health';
import { csvFile } from '../fixtures/messy-files';
import { insertAward, insertItem, insertProgram } from '../support/award-rows';
import { graduatedFamilies } from '../support/documents-db';
import { expectOk } from '../support/errors';
import { builtIn } from '../support/exports';
import { addPendamping, villageOfFamily } from '../support/graduation';
import { ADMIN } from '../support/office';
import { addGroup, addMeeting, addSheetGroup, addSheetMeeting, topicId } from '../support/p2k2-rows';
import { setUpOffice, tempDbFile } from './helpers';

let db: Db;
let admin: Actor;
let api: Dispatcher;
let token: string;
let fixture: { decisionId: number; proposalId: number; kpmIds: number[]; programId: number; awardIds: number[] };

/** A family that missed a check-up in October 2026: the fourth quarter's list has one row. */
function missedCheckUp() {
  const input = { kpmId: fixture.kpmIds[0], memberId: null, month: '2026-10', kind: 'kehamilan', attended: false };
  recordHealth(db, admin, healthRecordSchema.parse(input));
  return { year: 2026, quarter: 4 };
}

const call = async (name: MethodName, input: unknown) => expectOk<unknown>(await api.call(name, input, token));

async function batchJob(): Promise<{ jobId: string }> {
  const started = (await call('documents.batchStart', { decisionId: fixture.decisionId, kinds: ['piagam'] })) as {
    jobId: string;
  };
  for (;;) {
    const progress = (await call('documents.batchProgress', started)) as { state: string };
    if (progress.state !== 'running') return started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** An import of two rows, one with a NIK Excel turned into a number: a problem file of one row. */
async function importJob(): Promise<{ jobId: string }> {
  const header = ['NIK', 'NO KK', 'NAMA PENGURUS', 'ALAMAT', 'DESA/KELURAHAN', 'KECAMATAN'];
  const rows = [
    header,
    ['3.37501E+15', '3375010101990001', 'KELUARGA IMPOR', 'Jl. Uji 1', 'Medono', 'Pekalongan Barat'],
  ];
  const started = (await call('import.start', {
    fileName: 'impor-uji.csv',
    fileBase64: csvFile(rows, { delimiter: ';' }).toString('base64'),
  })) as { jobId: string };
  for (;;) {
    const progress = (await call('import.progress', started)) as { status: string };
    if (progress.status !== 'running') return started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Each file method's input on the fixture database (some make what they print first). */
const INPUTS: Partial<Record<MethodName, () => Promise<unknown> | unknown>> = {
  'awards.handover': () => ({
    awardIds: fixture.awardIds,
    handoverDate: todayIso(),
    place: 'Pendopo Kecamatan',
    officerName: 'Agus Prasetyo',
    officerNip: '',
    officerPosition: 'Kepala Seksi',
    witnesses: [],
  }),
  'awards.recipientsList': () => ({ programId: fixture.programId, handoverDate: todayIso() }),
  'awards.reportXlsx': () => ({ programId: fixture.programId }),
  'awards.reportPdf': () => ({ year: 2026 }),
  'documents.issue': () => ({ kind: 'sk_graduasi', kpmId: fixture.kpmIds[0] }),
  'documents.issueList': () => ({ kind: 'daftar_usulan', proposalId: fixture.proposalId }),
  'documents.batchResult': batchJob,
  'documents.print': async () => {
    const page = (await call('documents.register', { q: '' })) as { items: { id: number; batchId: number | null }[] };
    return { id: page.items[0].id };
  },
  'documents.printBatch': async () => {
    const page = (await call('documents.register', { q: '' })) as { items: { batchId: number | null }[] };
    return { id: page.items.find((r) => r.batchId !== null)?.batchId };
  },
  // the letters of the fixture are issued today (the test's clock): the register of this year holds them
  'documents.registerXlsx': () => ({ q: '', year: Number(todayIso().slice(0, 4)) }),
  'exports.run': () => ({ templateKey: 'bawaan:penetapan', template: builtIn('penetapan'), nikMode: 'masked' }),
  'import.problemsXlsx': importJob,
  'kpm.privacyReport': () => ({ id: fixture.kpmIds[0] }),
  'p2k2.sheet.print': () => ({
    meetingId: addSheetMeeting(db, addSheetGroup(db, 'Kelompok Log', 3).groupId, '2026-11-10'),
  }),
  'reports.areaXlsx': () => ({ year: 2026, group: 'kecamatan' }),
  'reports.areaPdf': () => ({ year: 2026, group: 'pendamping' }),
  'reports.pendampingPdf': () => ({ year: 2026, pendampingId: addPendamping(db, 'PENDAMPING LAPORAN') }),
  'p2k2Reports.reportXlsx': () => {
    p2k2Meetings();
    return { year: 2026, area: 'kecamatan' };
  },
  'p2k2Reports.reportPdf': () => ({ year: 2026, area: 'desa' }),
  'p2k2Reports.warn': () => ({ kpmId: p2k2Meetings().kpmId, absentUntil: '2026-11' }),
  'p2k2Reports.siksXlsx': () => ({ meetingId: p2k2Meetings().meetingId }),
  'workPlans.pdf': () => ({ pendampingId: addPendamping(db, 'PENDAMPING RENCANA'), month: '2026-11' }),
  'verkom.quarterXlsx': () => missedCheckUp(),
  'verkom.quarterPdf': () => missedCheckUp(),
  'evaluation.reportPdf': () => ({ pendampingId: addPendamping(db, 'PENDAMPING LAPORAN'), month: '2026-11' }),
  'evaluation.reportXlsx': () => ({ pendampingId: addPendamping(db, 'PENDAMPING LAPORAN XLSX'), month: '2026-11' }),
  'business.reportXlsx': () => ({}),
  'business.reportPdf': () => ({ programId: fixture.programId }),
  'business.candidatesXlsx': () => {
    const input = { kpmId: fixture.kpmIds[0], type: 'jasa', startDate: '2026-01-01' };
    saveBusiness(db, admin, businessSaveSchema.parse(input), todayIso());
    return { purpose: 'blk' };
  },
};

/** A group whose first family was ALFA in October and November 2026 (made once). */
let p2k2Fixture: { kpmId: number; meetingId: number } | undefined;
function p2k2Meetings(): { kpmId: number; meetingId: number } {
  if (p2k2Fixture) return p2k2Fixture;
  const kpmId = fixture.kpmIds[0];
  const village = villageOfFamily(db, kpmId);
  const groupId = addGroup(db, { name: 'KELOMPOK LOG', villageCode: village, pendampingId: null, kpmIds: [kpmId] });
  const topic = topicId(db, 'Memulai Usaha');
  addMeeting(db, { groupId, topicId: topic, heldOn: '2026-10-05' }, [{ kpmId, status: 'alfa' }]);
  const meetingId = addMeeting(db, { groupId, topicId: topic, heldOn: '2026-11-05' }, [{ kpmId, status: 'alfa' }]);
  p2k2Fixture = { kpmId, meetingId };
  return p2k2Fixture;
}

/** The file in an output: the output itself ({ base64 }) or the property holding it ({ pdf: { base64 } }). */
function fileIn(output: unknown): { fileName: string; base64: string } | null {
  const isFile = (v: unknown): v is { fileName: string; base64: string } =>
    typeof v === 'object' && v !== null && typeof (v as { base64?: unknown }).base64 === 'string';
  if (isFile(output)) return output;
  if (typeof output !== 'object' || output === null) return null;
  return Object.values(output).find(isFile) ?? null;
}

const logRows = () =>
  db.$client
    .prepare(
      `SELECT id, username, template_key AS templateKey, template_name AS templateName, kind, filters, format, rows,
         nik_mode AS nikMode, sha256, file_name AS fileName, via FROM export_log ORDER BY id`,
    )
    .all() as Record<string, string | number>[];

const fileMethods = (Object.keys(contract) as MethodName[]).filter((name) => contract[name].file !== null);
const loggedMethods = fileMethods.filter((name) => contract[name].file === 'logged');

beforeAll(async () => {
  ({ db, admin } = await setUpOffice());
  api = createDispatcher(db, () => {});
  token = expectOk<{ sessionToken: string }>(
    await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null),
  ).sessionToken;
  const decided = graduatedFamilies(db, admin, [1, 2]);
  const programId = insertProgram(db, { name: 'Bantuan Usaha Uji' });
  const itemId = insertItem(db, 'Etalase kaca', 'unit', 1_750_000);
  const awardIds = decided.kpmIds.map((kpmId) =>
    insertAward(db, { programId, kpmId, lines: [{ itemId, quantity: 1 }], stage: 'approved' }),
  );
  fixture = { ...decided, programId, awardIds };
});

describe('the export log has a row for every file with personal data', () => {
  it('finds the file methods in the contract map, each either logged or with its reason', () => {
    expect(loggedMethods.length).toBeGreaterThanOrEqual(15);
    expect(loggedMethods).toEqual(
      expect.arrayContaining([
        'awards.reportXlsx',
        'awards.recipientsList',
        'import.problemsXlsx',
        'kpm.privacyReport',
      ]),
    );
    for (const name of fileMethods.filter((n) => !loggedMethods.includes(n))) {
      const file = contract[name].file as { unlogged: string };
      expect(file.unlogged.length, name).toBeGreaterThan(10);
    }
    // A file method added to the contract must be callable here, or this test cannot check its log row.
    expect(loggedMethods.filter((name) => !INPUTS[name])).toEqual([]);
  });

  it.each(loggedMethods)('%s writes one log row with the hash of the bytes it returns', async (name) => {
    const input = await INPUTS[name]?.();
    const before = logRows().length;
    const output = await call(name, input);
    const file = fileIn(output);
    expect(file, `${name} returned no file`).not.toBeNull();
    const rows = logRows().slice(before);
    expect(rows, `${name}: log rows written`).toHaveLength(1);
    const row = rows[0];
    const bytes = Buffer.from(file?.base64 ?? '', 'base64');
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // a digest made in the PDF worker is for the log only, never part of the file handed out
    expect(Object.keys(file ?? {})).not.toContain('sha256');
    expect(row).toMatchObject({ username: ADMIN.username, via: 'aplikasi', fileName: file?.fileName });
    expect(row.templateKey).toBe(name === 'exports.run' ? 'bawaan:penetapan' : name);
    expect(LOG_KINDS).toContain(row.kind);
    expect(LOG_KIND_LABEL[row.kind as (typeof LOG_KINDS)[number]]).toMatch(/^[A-Z]/);
    expect(String(row.templateName).length).toBeGreaterThan(3);
    expect(LOG_FORMATS).toContain(row.format);
    expect(String(file?.fileName).endsWith(row.format === 'pdf' ? '.pdf' : '.xlsx')).toBe(true);
    expect(LOG_NIK_MODES).toContain(row.nikMode);
    expect(row.rows).toBeGreaterThanOrEqual(1);
    expect(typeof JSON.parse(String(row.filters))).toBe('object');
  });

  it('logs what the file holds: the award report with its programme, NIK mode, and recipients', () => {
    const report = logRows().find((r) => r.templateKey === 'awards.reportXlsx');
    expect(report).toMatchObject({ kind: 'award_report', nikMode: 'full', rows: 2, format: 'xlsx' });
    expect(JSON.parse(String(report?.filters))).toEqual({ program: 'Bantuan Usaha Uji' });
    const letters = logRows().find((r) => r.templateKey === 'documents.batchResult');
    expect(letters).toMatchObject({ kind: 'documents', templateName: 'Piagam penghargaan', rows: 2, nikMode: 'full' });
    const problems = logRows().find((r) => r.templateKey === 'import.problemsXlsx');
    expect(problems).toMatchObject({ kind: 'import_problems', rows: 1 });
    expect(JSON.parse(String(problems?.filters))).toEqual({ berkas: 'impor-uji' });
  });

  it('a letter printed from the command line is logged too, by the system via cli, with the bytes written', async () => {
    const { number } = db.$client.prepare('SELECT number FROM documents ORDER BY id LIMIT 1').get() as {
      number: string;
    };
    const out = tempDbFile('cetak.pdf');
    await printDocumentByNumber(db, number, out);
    const row = logRows().at(-1);
    expect(row).toMatchObject({ username: 'sistem', via: 'cli', templateKey: 'documents.print', kind: 'documents' });
    expect(JSON.parse(String(row?.filters))).toEqual({ nomor: number });
    expect(row?.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
  });

  it('a method whose output carries a file must declare its log: without it the contract does not compile', () => {
    // @ts-expect-error a file output without `file`
    const undeclared = method<{ fileName: string; base64: string }>()(none, { duty: 'exports.log' });
    // @ts-expect-error a file inside the output, without `file`
    const nested = method<{ done: number; pdf: { fileName: string; base64: string } }>()(none, { duty: 'exports.log' });
    const declared = method<{ fileName: string; base64: string }>()(none, { duty: 'exports.log', file: 'logged' });
    expect([undeclared.file, nested.file, declared.file]).toEqual([null, null, 'logged']);
  });
});
