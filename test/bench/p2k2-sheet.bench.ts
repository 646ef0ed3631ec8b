/**
 * The P2K2 attendance sheet read back from a scan: one page (15 families) printed, rendered at 200 dpi, marked at
 * random (filled, ticked, crossed, some rows blank), turned 2 degrees and speckled, then read through the app's
 * path (the long-jobs worker, the meeting's check). p2k2_sheet_read is the median over several reads of a PNG page
 * once the worker is warm (p2k2_sheet_read_jpeg the same page as JPEG); p2k2_sheet_read_accuracy is the share of
 * rows read as marked (a blank row must come back as "tidak ada tanda") over several generated sheets.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Attendance } from '../../main/domain/p2k2';
import { SHEET_CHOICES } from '../../main/domain/p2k2-sheet';
import { printSheet } from '../../main/services/p2k2-sheet/print';
import { readSheetScans } from '../../main/services/p2k2-sheet/read';
import { closeSharedLongJobs } from '../../main/workers/scope';
import { setUpOffice } from '../node/helpers';
import { addSheetGroup, addSheetMeeting } from '../support/p2k2-rows';
import {
  addNoise,
  type Image,
  markBox,
  type PenMark,
  random,
  rasterise,
  rotate,
  toJpeg,
  toPng,
} from '../support/p2k2-scan';
import { percentile, report } from './stats';

const SHEETS = 6;
const READS = 5;
const PENS: PenMark[] = ['fill', 'tick', 'cross'];

export async function benchP2k2Sheet(): Promise<void> {
  const { db, file, admin } = await setUpOffice();
  try {
    const next = random(2026);
    const sheets: { meetingId: number; scan: Image; png: Buffer; expected: (Attendance | null)[] }[] = [];
    for (let s = 0; s < SHEETS; s++) {
      const group = addSheetGroup(db, `Bench ${s + 1}`, 15);
      const meetingId = addSheetMeeting(db, group.groupId, '2026-11-10');
      const pdf = await printSheet(db, admin, { meetingId, nikMode: 'masked' });
      const [page] = rasterise(Buffer.from(pdf.base64, 'base64'), 200);
      const expected = group.kpmIds.map((_, row) => {
        if (next() < 0.1) return null;
        const choice = SHEET_CHOICES[Math.floor(next() * 4)];
        markBox(page, row, choice, PENS[Math.floor(next() * 3)]);
        return choice;
      });
      const scan = addNoise(rotate(page, s % 2 ? -2 : 2), s + 1);
      sheets.push({ meetingId, scan, png: toPng(scan), expected });
    }
    let right = 0;
    let rows = 0;
    for (const sheet of sheets) {
      const review = await readSheetScans(db, sheet.meetingId, [{ name: 'pindai.png', bytes: sheet.png }]);
      for (const row of review.pages[0].rows) {
        rows++;
        const want = sheet.expected[row.no - 1];
        if (want === null ? row.flag === 'tidak_ada_tanda' : row.read === want && row.flag === null) right++;
      }
    }
    const [first] = sheets;
    const times = async (bytes: Buffer, name: string) => {
      const out: number[] = [];
      for (let i = 0; i < READS; i++) {
        const start = performance.now();
        await readSheetScans(db, first.meetingId, [{ name, bytes }]);
        out.push(performance.now() - start);
      }
      return out;
    };
    report('p2k2_sheet_read', percentile(await times(first.png, 'pindai.png'), 50), 'ms');
    const jpeg = toJpeg(first.scan);
    report('p2k2_sheet_read_jpeg', percentile(await times(jpeg, 'pindai.jpg'), 50), 'ms');
    report('p2k2_sheet_read_accuracy', (100 * right) / rows, '%');
  } finally {
    db.$client.close();
    await closeSharedLongJobs();
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchP2k2Sheet();
