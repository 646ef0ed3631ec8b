/**
 * The printed P2K2 daftar hadir read back from its scan: the sheet of a generated meeting is printed, rendered by
 * poppler at 200 dpi, marked as a pen would (filled, ticked, crossed), turned 2 degrees and speckled, and read back
 * exactly, as PNG, JPEG and a scanner's PDF. A page of another meeting, a page whose families changed after
 * printing and an image that is no sheet are refused; a row with two marks and a row with none are flagged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { Attendance } from '../../main/domain/p2k2';
import { SHEET_CHOICES } from '../../main/domain/p2k2-sheet';
import type { Actor } from '../../main/services/actor';
import { acceptSheet } from '../../main/services/p2k2-sheet/accept';
import { printSheet } from '../../main/services/p2k2-sheet/print';
import { readSheetScans, type SheetReview } from '../../main/services/p2k2-sheet/read';
import { userActor } from '../support/graduation';
import { addSheetGroup, addSheetMeeting, firstTopicId, type SheetFixture } from '../support/p2k2-rows';
import {
  addNoise,
  type Image,
  markBox,
  type PenMark,
  random,
  rasterise,
  rotate,
  shear,
  toJpeg,
  toPng,
  toScannerPdf,
} from '../support/p2k2-scan';
import { pdfFile, pdfText } from '../support/pdf';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let group: SheetFixture;
let meetingId: number;
let pages: Image[];
/** What each family was marked, by row number on the sheet (0-based over all pages); null: no mark. */
const marked: (Attendance | null)[] = [];

const PENS: PenMark[] = ['fill', 'tick', 'cross'];

beforeAll(async () => {
  ({ db, admin } = await setUpOffice());
  group = addSheetGroup(db, 'Mawar Uji', 22);
  meetingId = addSheetMeeting(db, group.groupId, '2026-11-10');
  const pdf = await printSheet(db, admin, { meetingId, nikMode: 'masked' });
  pages = rasterise(Buffer.from(pdf.base64, 'base64'), 200);
  const next = random(19);
  for (let n = 0; n < group.kpmIds.length; n++) {
    const choice = SHEET_CHOICES[Math.floor(next() * 4)];
    // row 4 (NO 5) is marked twice, row 9 (NO 10) left unmarked
    marked.push(n === 4 || n === 9 ? null : choice);
    if (n !== 4 && n !== 9) markBox(pages[Math.floor(n / 15)], n % 15, choice, PENS[n % 3]);
  }
  markBox(pages[0], 4, 'hadir', 'tick');
  markBox(pages[0], 4, 'alfa', 'cross');
}, 120_000);

/** The page's image as a scanner gives it: turned, speckled, gray paper. */
const scanned = (page: Image, degrees: number, seed: number) => addNoise(rotate(page, degrees), seed);

function readRows(review: SheetReview) {
  return review.pages.flatMap((p) => p.rows);
}

function expectExact(review: SheetReview, expectedPages: number[]) {
  expect(review.pages.map((p) => p.page)).toEqual(expectedPages);
  for (const row of readRows(review)) {
    const n = row.no - 1;
    expect(row.kpmId).toBe(group.kpmIds[n]);
    if (n === 4) expect([row.read, row.flag]).toEqual([null, 'lebih_dari_satu_tanda']);
    else if (n === 9) expect([row.read, row.flag]).toEqual([null, 'tidak_ada_tanda']);
    else expect([row.read, row.flag]).toEqual([marked[n], null]);
  }
}

describe('the printed daftar hadir', () => {
  it('prints the title, the meeting, the families with masked NIK and the columns, 15 families a page', async () => {
    const pdf = await printSheet(db, admin, { meetingId, nikMode: 'masked' });
    expect(pdf.pages).toBe(2);
    expect(pdf.families).toBe(22);
    const text = pdfText(pdfFile(pdf.base64));
    expect(text).toContain('DAFTAR HADIR P2K2 KELOMPOK MAWAR UJI, TAHUN 2026');
    expect(text).toMatch(/Waktu\s+: Selasa, 10 November 2026, pukul 09\.00-10\.30/);
    for (const label of ['PENGURUS', 'NO KK', 'ALAMAT', 'AUD', 'SMP', 'DISAB', 'LANSIA', 'HAMIL', 'KETERANGAN', 'TTD'])
      expect(text).toContain(label);
    expect(text).toMatch(/3375\*{8}\d{4}/);
    expect(text).not.toMatch(/3375014101\d{6}/);
    expect(text).toContain('Halaman 2 dari 2');
  });

  it('prints full NIKs only for a role that may see them', async () => {
    const full = await printSheet(db, admin, { meetingId, nikMode: 'full' });
    expect(pdfText(pdfFile(full.base64))).toMatch(/3375014101\d{6}/);
    db.$client.prepare(`UPDATE security_settings SET full_nik_roles = '["admin"]'`).run();
    const operator = userActor(db, admin, 'operator', 'operator.sheet');
    await expect(printSheet(db, operator, { meetingId, nikMode: 'full' })).rejects.toThrow(/NIK dan No\. KK lengkap/);
    db.$client.prepare(`UPDATE security_settings SET full_nik_roles = '["admin","operator","verifikator"]'`).run();
  });
});

describe('reading the sheet back', () => {
  it('reads a PNG page turned 2 degrees with noise exactly, flagging the row with two marks and the one with none', async () => {
    const review = await readSheetScans(db, meetingId, [{ name: 'hal-1.png', bytes: toPng(scanned(pages[0], 2, 1)) }]);
    expectExact(review, [1]);
    expect(readRows(review)).toHaveLength(15);
    expect(review.missingPages).toEqual([2]);
    expect(review.pages[0].preview.length).toBeGreaterThan(1000);
    // speckle over the QR: these two scans failed when the QR's pixels went to the decoder as they were
    for (const seed of [4, 6]) {
      const again = await readSheetScans(db, meetingId, [
        { name: 'lagi.png', bytes: toPng(scanned(pages[0], -2, seed)) },
      ]);
      expectExact(again, [1]);
    }
  }, 90_000);

  it('reads a JPEG turned the other way and a scanner PDF of both pages exactly', async () => {
    const jpeg = await readSheetScans(db, meetingId, [
      { name: 'hal-2.jpg', bytes: toJpeg(scanned(pages[1], -1.5, 2)) },
    ]);
    expectExact(jpeg, [2]);
    const pdf = await toScannerPdf([scanned(pages[1], 1, 3), scanned(pages[0], -2, 4)]);
    const both = await readSheetScans(db, meetingId, [{ name: 'pindai.pdf', bytes: pdf }]);
    expectExact(both, [1, 2]);
    expect(both.pages.map((p) => p.source)).toEqual(['pindai.pdf halaman 2', 'pindai.pdf halaman 1']);
    expect(both.missingPages).toEqual([]);
  }, 90_000);

  it('reads 150 and 300 dpi scans turned 3 degrees either way or skewed', async () => {
    const pdf = await printSheet(db, admin, { meetingId, nikMode: 'masked' });
    const bytes = Buffer.from(pdf.base64, 'base64');
    for (const [dpi, degrees, skew] of [
      [150, 3, 0],
      [300, -3, 0.015],
    ] as const) {
      const [page] = rasterise(bytes, dpi).slice(0, 1);
      for (let n = 0; n < 15; n++) if (marked[n]) markBox(page, n, marked[n] as Attendance, PENS[(n + 1) % 3]);
      markBox(page, 4, 'hadir', 'fill');
      markBox(page, 4, 'izin', 'tick');
      const review = await readSheetScans(db, meetingId, [
        { name: `${dpi}.png`, bytes: toPng(addNoise(shear(rotate(page, degrees), skew), dpi)) },
      ]);
      expectExact(review, [1]);
    }
  }, 120_000);

  it('refuses a page of another meeting, naming it', async () => {
    const other = addSheetMeeting(db, group.groupId, '2026-12-08');
    await expect(
      readSheetScans(db, other, [{ name: 'hal-1.png', bytes: toPng(scanned(pages[0], 2, 5)) }]),
    ).rejects.toThrow(`hal-1.png: lembar ini milik pertemuan lain (pertemuan nomor ${meetingId})`);
  }, 60_000);

  it('refuses a page whose families changed after it was printed', async () => {
    const moved = addSheetGroup(db, 'Melati Uji', 3);
    const meeting = addSheetMeeting(db, moved.groupId, '2026-11-11');
    const pdf = await printSheet(db, admin, { meetingId: meeting, nikMode: 'masked' });
    const [page] = rasterise(Buffer.from(pdf.base64, 'base64'), 150);
    db.$client.prepare('DELETE FROM p2k2_attendance WHERE meeting_id = ? AND kpm_id = ?').run(meeting, moved.kpmIds[1]);
    await expect(readSheetScans(db, meeting, [{ name: 'lama.png', bytes: toPng(page) }])).rejects.toThrow(
      /lama\.png: keluarga di halaman 1 lembar ini tidak lagi sama/,
    );
  }, 60_000);

  it('refuses an image that is not a sheet, and a file that is no image', async () => {
    const blank: Image = { width: 1654, height: 1169, dpi: 150, data: new Uint8Array(1654 * 1169).fill(250) };
    for (let y = 300; y < 400; y++) blank.data.fill(0, y * 1654 + 200, y * 1654 + 1400);
    await expect(
      readSheetScans(db, meetingId, [{ name: 'foto.png', bytes: toPng(addNoise(blank, 6)) }]),
    ).rejects.toThrow(/foto\.png: bukan lembar daftar hadir P2K2/);
    await expect(
      readSheetScans(db, meetingId, [{ name: 'catatan.txt', bytes: Buffer.from('bukan gambar') }]),
    ).rejects.toThrow(/catatan\.txt: bukan berkas PDF, PNG atau JPEG/);
  }, 60_000);
});

describe('a sheet printed for a planned meeting', () => {
  it('is read into the meeting recorded later for its group, topic and day, and refused by another day', async () => {
    const planned = addSheetGroup(db, 'Teratai Uji', 4);
    const topic = firstTopicId(db);
    const day = '2026-11-17';
    const pdf = await printSheet(db, admin, { groupId: planned.groupId, topicId: topic, day, nikMode: 'masked' });
    expect(pdfText(pdfFile(pdf.base64))).toMatch(/Waktu\s+: Selasa, 17 November 2026/);
    const [page] = rasterise(Buffer.from(pdf.base64, 'base64'), 200);
    const choices = ['sakit', 'hadir', 'alfa', 'izin'] as const;
    for (const [row, choice] of choices.entries()) markBox(page, row, choice, PENS[row % 3]);
    const scan = { name: 'rencana.png', bytes: toPng(scanned(page, 1.5, 11)) };

    const held = addSheetMeeting(db, planned.groupId, day);
    const review = await readSheetScans(db, held, [scan]);
    expect(review.pages[0].rows.map((r) => [r.kpmId, r.read])).toEqual(planned.kpmIds.map((id, i) => [id, choices[i]]));
    const otherDay = addSheetMeeting(db, planned.groupId, '2026-11-24');
    await expect(readSheetScans(db, otherDay, [scan])).rejects.toThrow(
      'rencana.png: lembar ini milik pertemuan lain (rencana kelompok nomor',
    );
  }, 60_000);
});

describe('accepting the review', () => {
  it('saves the confirmed statuses through the meeting save, keeping the ratings, and refuses a family not on the sheet and a meeting changed since the scan was read', async () => {
    const small = addSheetGroup(db, 'Kenanga Uji', 3);
    const meeting = addSheetMeeting(db, small.groupId, '2026-11-12');
    db.$client
      .prepare(`UPDATE p2k2_attendance SET behaviour_rating = 'baik' WHERE meeting_id = ? AND kpm_id = ?`)
      .run(meeting, small.kpmIds[0]);
    const rows = [
      { kpmId: small.kpmIds[0], status: 'hadir' as const },
      { kpmId: small.kpmIds[1], status: 'sakit' as const },
    ];
    // the version the scan was read against: the meeting as it was when read
    const printed = await printSheet(db, admin, { meetingId: meeting, nikMode: 'masked' });
    const [blank] = rasterise(Buffer.from(printed.base64, 'base64'), 150);
    const { version } = await readSheetScans(db, meeting, [{ name: 'kenanga.png', bytes: toPng(blank) }]);
    expect(version).toBe('2026-01-05T08:00:00.000Z');
    await expect(
      Promise.resolve().then(() =>
        acceptSheet(db, admin, {
          meetingId: meeting,
          version,
          rows: [...rows, { kpmId: group.kpmIds[0], status: 'hadir' }],
        }),
      ),
    ).rejects.toThrow(/bukan keluarga pada daftar hadir pertemuan ini/);
    const saved = acceptSheet(db, admin, { meetingId: meeting, version, rows });
    expect(saved.id).toBe(meeting);
    const stored = db.$client
      .prepare(
        'SELECT kpm_id AS kpmId, status, behaviour_rating AS rating FROM p2k2_attendance WHERE meeting_id = ? ORDER BY kpm_id',
      )
      .all(meeting);
    expect(stored).toEqual([
      { kpmId: small.kpmIds[0], status: 'hadir', rating: 'baik' },
      { kpmId: small.kpmIds[1], status: 'sakit', rating: null },
      { kpmId: small.kpmIds[2], status: null, rating: null },
    ]);
    const audit = db.$client
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'p2k2_meeting' AND entity_id = ?`)
      .get(meeting) as { n: number };
    expect(audit.n).toBe(1);
    expect(saved.changes.join(' ')).not.toBe('');
    // a second acceptance of the same reading, after the meeting changed, is refused with who changed it
    expect(() => acceptSheet(db, admin, { meetingId: meeting, version, rows })).toThrow(/diubah/);
  });
});
