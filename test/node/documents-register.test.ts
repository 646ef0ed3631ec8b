/**
 * The register (agenda surat keluar): search by number, subject or kind; filters; newest first;
 * the Excel export read back (number as text, a real date); voiding keeps the document listed.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { DocumentKind } from '../../main/domain/documents';
import type { Actor } from '../../main/services/actor';
import { insertDocuments } from '../../main/services/documents/issue';
import { inWriteTransaction } from '../../main/services/documents/numbering';
import { listRegister, registerXlsx, voidDocument } from '../../main/services/documents/register';
import { plainDraft } from '../support/documents-db';
import { expectAppError } from '../support/errors';
import { formulaStringCells, readWorkbook } from '../support/exports';
import { userActor } from '../support/graduation';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

const issue = (date: string, subject: string, kind: DocumentKind) =>
  inWriteTransaction(db, () => insertDocuments(db, admin, [plainDraft(date, subject, kind)]))[0];

const everything = { q: '', page: 1, pageSize: 50 };

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  issue('2025-12-30', "SITI NUR'AINI", 'sk_graduasi');
  issue('2026-03-02', 'RATNA SARI DEWI', 'piagam');
  issue('2026-11-02', 'Usulan USL/2026/001', 'daftar_usulan');
  issue('2026-11-03', 'SITI AMINAH', 'sk_graduasi');
});

describe('the register', () => {
  it('lists newest first and searches number, subject and kind', () => {
    const all = listRegister(db, everything);
    expect(all.total).toBe(4);
    expect(all.items.map((r) => r.number)).toEqual([
      '460/3/Dinsos/XI/2026',
      '460/2/Dinsos/XI/2026',
      '460/1/Dinsos/III/2026',
      '460/1/Dinsos/XII/2025',
    ]);
    const subjects = (q: string) => listRegister(db, { ...everything, q }).items.map((r) => r.subject);
    expect(subjects('siti')).toEqual(['SITI AMINAH', "SITI NUR'AINI"]);
    expect(subjects('/III/')).toEqual(['RATNA SARI DEWI']);
    expect(subjects('piagam')).toEqual(['RATNA SARI DEWI']);
    expect(subjects('keterangan graduasi')).toEqual(['SITI AMINAH', "SITI NUR'AINI"]);
    expect(subjects('100%')).toEqual([]);
    expect(subjects('_')).toEqual([]);
    const page = listRegister(db, { ...everything, pageSize: 3, page: 2 });
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items.map((r) => r.subject)).toEqual(["SITI NUR'AINI"]);
  });

  it('filters by kind, year and state; a voided document stays listed with its reason', () => {
    const rows = (filter: object) => listRegister(db, { ...everything, ...filter }).items.map((r) => r.subject);
    expect(rows({ kind: 'sk_graduasi', year: 2026 })).toEqual(['SITI AMINAH']);
    const ratna = listRegister(db, { ...everything, q: 'RATNA' }).items[0];
    const voided = voidDocument(db, admin, { id: ratna.id, reason: 'Nama penerima salah ketik' });
    expect(voided).toMatchObject({ voidReason: 'Nama penerima salah ketik', voidedByName: 'admin' });
    expect(rows({ state: 'batal' })).toEqual(['RATNA SARI DEWI']);
    expect(rows({ state: 'aktif' })).toHaveLength(3);
    expect(rows({})).toHaveLength(4);
    const audit = db.$client
      .prepare("SELECT summary FROM audit_log WHERE action = 'void_document' AND entity_id = ?")
      .pluck()
      .get(ratna.id);
    expect(audit).toBe('Piagam penghargaan nomor 460/1/Dinsos/III/2026 dibatalkan: Nama penerima salah ketik');
  });

  it('refuses to void twice with a clear message, and leaves voiding to the administrator and the head', () => {
    const [row] = listRegister(db, everything).items;
    const operator = userActor(db, admin, 'operator', 'op1');
    expectAppError(() => voidDocument(db, operator, { id: row.id, reason: 'Salah cetak' }), 'FORBIDDEN');
    voidDocument(db, admin, { id: row.id, reason: 'Salah cetak' });
    const head = userActor(db, admin, 'pimpinan', 'kadis');
    expectAppError(
      () => voidDocument(db, head, { id: row.id, reason: 'Salah cetak lagi' }),
      'CONFLICT',
      /sudah dibatalkan pada .* oleh admin/,
    );
  });

  it('exports the filtered register to Excel: number as text, a real date, bold frozen header', async () => {
    const [latest] = listRegister(db, everything).items;
    voidDocument(db, admin, { id: latest.id, reason: 'Diganti surat baru' });
    const file = await registerXlsx(db, { q: '', year: 2026 });
    expect(file).toMatchObject({ fileName: 'agenda-surat-keluar-2026.xlsx', rows: 3 });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(formulaStringCells(bytes)).toEqual([]);
    const workbook = await readWorkbook(bytes);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1);
    expect(header.values).toEqual([
      undefined,
      'No',
      'Nomor surat',
      'Jenis',
      'Tanggal',
      'Perihal/KPM',
      'Penandatangan',
      'Dibuat oleh',
      'Dibuat pada',
      'Status',
      'Alasan batal',
    ]);
    expect(header.font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(2).value).toBe('460/3/Dinsos/XI/2026');
    expect(first.getCell(3).value).toBe('Surat keterangan graduasi');
    expect(first.getCell(4).value).toEqual(new Date('2026-11-03T00:00:00Z'));
    expect(first.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(9).value).toBe('Batal');
    expect(first.getCell(10).value).toBe('Diganti surat baru');
    expect(sheet.getRow(4).getCell(5).value).toBe('RATNA SARI DEWI');
  });
});
