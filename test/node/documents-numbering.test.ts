/**
 * Letter numbers: one sequence per year (shared or per kind), formatted with the kind's
 * pattern, never reused: two processes issuing at the same moment on one file get distinct consecutive
 * numbers; a voided document keeps its number; a failed issue takes none.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { DOCUMENT_KIND_CODE, DOCUMENT_KINDS } from '../../main/domain/documents';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { insertDocuments } from '../../main/services/documents/issue';
import { allocateNumbers, inWriteTransaction } from '../../main/services/documents/numbering';
import { voidDocument } from '../../main/services/documents/register';
import {
  getDocumentSettings,
  getTemplate,
  saveDocumentSettings,
  saveTemplate,
} from '../../main/services/documents/settings';
import { plainDraft } from '../support/documents-db';
import { inLockStep, startWorker } from '../support/worker-process';
import { setUpOffice } from './helpers';

const take = (db: ReturnType<typeof openDatabase>, kind: Parameters<typeof allocateNumbers>[1], date: string, n = 1) =>
  inWriteTransaction(db, () => allocateNumbers(db, kind, date, n));

describe('letter numbers', () => {
  it('gives 300 distinct consecutive numbers to two processes issuing at the same moment', async () => {
    const { db, file } = await setUpOffice();
    db.$client.close();
    const a = startWorker<number[]>('number-worker.ts', [file, 'A'], 'A');
    const b = startWorker<number[]>('number-worker.ts', [file, 'B'], 'B');
    await inLockStep([a, b], 150);
    const [fromA, fromB] = await Promise.all([a.result, b.result]);
    // The rounds interleaved the two: each got numbers from before and after the other's.
    expect(Math.min(...fromA)).toBeLessThan(Math.max(...fromB));
    expect(Math.min(...fromB)).toBeLessThan(Math.max(...fromA));
    const all = [...fromA, ...fromB].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));

    const check = openDatabase(file);
    const one = (sql: string) => check.$client.prepare(sql).pluck().get();
    expect(one('PRAGMA integrity_check')).toBe('ok');
    expect(one("SELECT last FROM number_sequences WHERE scope = 'umum' AND year = 2026")).toBe(300);
    expect(one('SELECT count(DISTINCT number) FROM documents')).toBe(300);
    expect(one('SELECT count(DISTINCT sequence) FROM documents WHERE sequence BETWEEN 1 AND 300')).toBe(300);
    expect(one("SELECT count(*) FROM audit_log WHERE action = 'issue_document'")).toBe(300);
    check.$client.close();
  }, 120_000);

  it('formats the pattern tokens and restarts each year (31 December vs 1 January)', async () => {
    const { db } = await setUpOffice();
    expect(take(db, 'sk_graduasi', '2025-12-31').numbers).toEqual(['460/1/Dinsos/XII/2025']);
    expect(take(db, 'piagam', '2025-12-31').numbers).toEqual(['460/2/Dinsos/XII/2025']);
    expect(take(db, 'sk_graduasi', '2026-01-01').numbers).toEqual(['460/1/Dinsos/I/2026']);
    expect(take(db, 'sk_graduasi', '2025-12-30').numbers).toEqual(['460/3/Dinsos/XII/2025']);

    const admin = SYSTEM_ACTOR;
    const template = getTemplate(db, 'sk_graduasi');
    saveTemplate(db, admin, { ...template, numberPattern: '400.9/{nomor}/{kode unit}/{bulan}.{tahun}' });
    saveDocumentSettings(db, admin, { ...getDocumentSettings(db), unitCode: 'LINJAMSOS', place: 'Pekalongan' });
    const taken = take(db, 'sk_graduasi', '2026-03-09', 3);
    expect(taken.sequences).toEqual([2, 3, 4]);
    expect(taken.numbers).toEqual([
      '400.9/2/LINJAMSOS/03.2026',
      '400.9/3/LINJAMSOS/03.2026',
      '400.9/4/LINJAMSOS/03.2026',
    ]);
  });

  it('runs one sequence per kind when separated, starting above the shared one', async () => {
    const { db, admin } = await setUpOffice();
    take(db, 'sk_graduasi', '2026-05-02', 4);
    for (const kind of DOCUMENT_KINDS.filter((k) => k !== 'sk_graduasi')) {
      const code = DOCUMENT_KIND_CODE[kind];
      saveTemplate(db, admin, { ...getTemplate(db, kind), numberPattern: `460/{nomor}/${code}/{tahun}` });
    }
    saveDocumentSettings(db, admin, { ...getDocumentSettings(db), place: '', separateSequences: true });
    expect(take(db, 'sk_graduasi', '2026-05-02').numbers).toEqual(['460/5/Dinsos/V/2026']);
    expect(take(db, 'piagam', '2026-05-02').numbers).toEqual(['460/5/PGM/2026']);
    expect(take(db, 'piagam', '2026-05-02').numbers).toEqual(['460/6/PGM/2026']);
    expect(take(db, 'sk_graduasi', '2026-05-02').numbers).toEqual(['460/6/Dinsos/V/2026']);
    // Back to one sequence: it continues above every kind's, so no number comes twice.
    saveDocumentSettings(db, admin, { ...getDocumentSettings(db), place: '', separateSequences: false });
    expect(take(db, 'piagam', '2026-05-02').numbers).toEqual(['460/7/PGM/2026']);
  });

  it('keeps a voided document with its number and never gives the number again', async () => {
    const { db, admin } = await setUpOffice();
    const [first] = inWriteTransaction(db, () => insertDocuments(db, admin, [plainDraft('2026-11-02')]));
    const voided = voidDocument(db, admin, { id: first.id, reason: 'Salah ketik perihal' });
    expect(voided.voidReason).toBe('Salah ketik perihal');
    const [second] = inWriteTransaction(db, () => insertDocuments(db, admin, [plainDraft('2026-11-02')]));
    expect(second.sequence).toBe(first.sequence + 1);
    const rows = db.$client.prepare('SELECT number, voided_at IS NOT NULL AS voided FROM documents ORDER BY id').all();
    expect(rows).toEqual([
      { number: '460/1/Dinsos/XI/2026', voided: 1 },
      { number: '460/2/Dinsos/XI/2026', voided: 0 },
    ]);
  });

  it('takes no number when the issue fails after numbering (all or nothing)', async () => {
    const { db, admin } = await setUpOffice();
    inWriteTransaction(db, () => insertDocuments(db, admin, [plainDraft('2026-11-02', 'Pertama')]));
    // A document typed in by hand with the number the sequence gives next: the third draft collides.
    db.$client
      .prepare(
        `INSERT INTO documents (kind, number, sequence_scope, year, sequence, issued_date, subject, signatory_name, data,
           template_version, verification_code, issued_by_name, issued_at)
         SELECT kind, '460/4/Dinsos/XI/2026', 'lain', year, 99, issued_date, 'Buku agenda lama', signatory_name, data,
           template_version, verification_code, issued_by_name, issued_at FROM documents`,
      )
      .run();
    const drafts = ['Kedua', 'Ketiga', 'Keempat'].map((s) => plainDraft('2026-11-02', s));
    expect(() => inWriteTransaction(db, () => insertDocuments(db, admin, drafts))).toThrow(
      /Nomor surat 460\/4\/Dinsos\/XI\/2026 sudah dipakai dokumen lain/,
    );
    const one = (sql: string) => db.$client.prepare(sql).pluck().get();
    expect(one("SELECT last FROM number_sequences WHERE scope = 'umum'")).toBe(1);
    expect(one('SELECT count(*) FROM documents')).toBe(2);
    expect(one("SELECT count(*) FROM audit_log WHERE action = 'issue_document'")).toBe(1);
  });
});
