/**
 * In Chromium: a P2K2 meeting's daftar hadir printed from its page, the downloaded PDF rendered as a scanner
 * would (200 dpi, marked with a pen, turned 2 degrees, speckled), uploaded, reviewed beside the scan (a row
 * marked twice corrected, a blank row chosen) and saved; the meeting's page and its attendance then show what was
 * marked.
 */
import type { Attendance } from '../../main/domain/p2k2';
import { seriousViolations } from '../support/axe';
import { addSheetGroup, addSheetMeeting } from '../support/p2k2-rows';
import { addNoise, markBox, rasterise, rotate, toPng } from '../support/p2k2-scan';
import { App } from '../support/pages/app';
import { P2k2SheetPage } from '../support/pages/p2k2-sheet';
import { expect, test } from '../support/web';

const MARKS: (Attendance | null)[] = ['hadir', 'izin', 'sakit', 'alfa', 'hadir', null];

test('the sheet is printed, its marked scan read back, reviewed and saved as the meeting attendance', async ({
  page,
  web,
}) => {
  test.setTimeout(120_000);
  const group = addSheetGroup(web.db, 'Anggrek E2E', 6);
  const meetingId = addSheetMeeting(web.db, group.groupId, '2026-11-10');
  await App.signIn(page, web);
  const sheet = new P2k2SheetPage(page);
  await sheet.open(web.url, meetingId);

  const [image] = rasterise(await sheet.print(), 200);
  for (const [row, mark] of MARKS.entries()) if (mark) markBox(image, row, mark, row % 2 ? 'tick' : 'cross');
  markBox(image, 4, 'alfa', 'tick'); // row 5: marked twice
  await sheet.upload([{ name: 'pindai.png', mimeType: 'image/png', buffer: toPng(addNoise(rotate(image, 2), 9)) }]);

  const review = sheet.reviewOf(1);
  await expect(review).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Pindaian halaman 1' })).toBeVisible();
  const names = (
    web.db.$client.prepare(`SELECT nama FROM kpm WHERE id IN (${group.kpmIds.join(',')}) ORDER BY nama`).all() as {
      nama: string;
    }[]
  ).map((r) => r.nama);
  await expect(sheet.row(names[4])).toContainText('lebih dari satu tanda');
  await expect(sheet.row(names[5])).toContainText('tidak ada tanda');
  await expect(sheet.row(names[1])).toContainText('Izin');
  await expect(sheet.saveButton).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('p2k2-review.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await sheet.choose(names[4], 'H');
  await sheet.choose(names[5], 'A');
  await expect(sheet.saveButton).toBeEnabled();
  await sheet.saveButton.click();
  await expect(page.getByText('Kehadiran 6 keluarga dari pindaian disimpan.')).toBeVisible();

  // the meeting's own page shows what was saved
  await page.getByRole('link', { name: 'Kembali ke pertemuan' }).click();
  for (const [i, label] of ['Hadir', 'Izin', 'Sakit', 'Alfa', 'Hadir', 'Alfa'].entries()) {
    const group = page.getByRole('radiogroup', { name: `Kehadiran ${names[i]}` });
    await expect(group.getByRole('radio', { name: label })).toBeChecked();
  }

  const saved = web.db.$client
    .prepare(
      `SELECT k.nama, a.status FROM p2k2_attendance a JOIN kpm k ON k.id = a.kpm_id WHERE a.meeting_id = ? ORDER BY k.nama`,
    )
    .all(meetingId);
  expect(saved).toEqual(
    ['hadir', 'izin', 'sakit', 'alfa', 'hadir', 'alfa'].map((status, i) => ({ nama: names[i], status })),
  );
});
