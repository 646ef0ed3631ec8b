import { PNG } from 'pngjs';
import { todayIso } from '../../main/domain/format';
import { addUser, PIMPINAN } from '../support/award-story';
import { addFamilies, addPendamping } from '../support/graduation';
import { App } from '../support/pages/app';
import { P2k2Page } from '../support/pages/p2k2';
import { expect, test, type WebServer } from '../support/web';

/** 24 families of one desa of Pekalongan Barat with their pendamping; returns the desa's name and the families. */
function seedVillage(web: WebServer) {
  const rina = addPendamping(web.db, 'RINA PENDAMPING', ['337501']);
  const families = addFamilies(web.db, { count: 24, pendampingId: rina, districtCode: '337501' });
  const village = web.db.$client
    .prepare('SELECT r.name FROM kpm k JOIN regions r ON r.code = k.village_code WHERE k.id = ?')
    .pluck()
    .get(families[0]) as string;
  return { village, families };
}

/** A 1,200 x 900 photo of noise: about 3 MB as PNG, and poorly compressible, as the shrinking's worst case. */
function noisyPhoto(): Buffer {
  const png = new PNG({ width: 1200, height: 900 });
  let seed = 7;
  for (let i = 0; i < png.data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    png.data[i] = i % 4 === 3 ? 255 : seed >> 23;
  }
  return PNG.sync.write(png);
}

const dayMonth = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('an operator makes groups for a desa, plans the year and records a session with "Semua hadir" and two changes', async ({
  page,
  web,
  browser,
}) => {
  test.setTimeout(120_000);
  const { village } = seedVillage(web);
  await App.signIn(page, web);
  const p2k2 = await P2k2Page.open(page);
  await p2k2.splitVillage('Pekalongan Barat', village, 12, '24 KPM tanpa kelompok akan dibagi ke 2 kelompok.');
  await expect(p2k2.groups.getByRole('row')).toHaveCount(3);
  await expect(p2k2.groups.getByRole('row', { name: /Kelompok 1/ })).toContainText('12');

  const group = await p2k2.openGroup('Kelompok 1');
  await expect(page.getByRole('tab', { name: 'Anggota (12)' })).toBeVisible();
  // Plan three topics of the year; the third is dated before the second: a warning, and the plan is saved.
  const year = new Date().getFullYear();
  await group.plan({
    'Mengelola Keuangan Keluarga': `10/03/${year}`,
    'Cermat Meminjam dan Menabung': `14/04/${year}`,
    'Memulai Usaha': `07/04/${year}`,
  });
  await expect(group.planWarnings).toContainText('"Memulai Usaha" direncanakan 7 April');
  const planned = web.db.$client.prepare('SELECT count(*) FROM p2k2_plans').pluck().get();
  expect(planned).toBe(3);
  await page.screenshot({ path: test.info().outputPath('p2k2-plan.png'), fullPage: true });
  // The desa's plan prints as one table through the PDF worker, previewed in a dialog.
  await page.getByRole('button', { name: 'Cetak RTL desa' }).click();
  const preview = page.getByRole('dialog', { name: `RTL P2K2 ${year}, ${village}` });
  await expect(preview).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  const meeting = await group.recordMeeting();
  const today = todayIso();
  await meeting.fill({
    topic: 'Mengelola Keuangan Keluarga',
    date: dayMonth(today),
    start: '09:00',
    end: '10:30',
    speaker: ['Sri Lestari', 'Bank BPR Kota'],
  });
  const photo = noisyPhoto();
  expect(photo.length).toBeGreaterThan(2_000_000);
  await meeting.addPhoto(photo);
  await expect(page.getByRole('img', { name: 'Foto 1' })).toBeVisible({ timeout: 30_000 });
  await meeting.allPresent();
  const names = await meeting.attendance
    .locator('tbody tr td:nth-child(2)')
    .evaluateAll((cells) => cells.map((c) => (c.firstChild?.textContent ?? '').trim()));
  // The keyboard moves down the list: Enter from the first family, then A marks the second one Alfa.
  await meeting.status(names[0], 'Hadir').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('a');
  await expect(meeting.status(names[1], 'Alfa')).toBeChecked();
  await expect(meeting.status(names[2], 'Hadir')).toBeFocused();
  await meeting.rating('Perubahan perilaku', names[4]).selectOption('Kurang');
  await expect(page.getByText('11 dari 12 KPM hadir; 0 belum diisi.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('p2k2-meeting.png'), fullPage: true });
  await meeting.save('Simpan pertemuan');
  await expect(page.getByRole('button', { name: 'Simpan koreksi' })).toBeVisible();

  // The browser shrank the photo to a JPEG of at most 300 KB before sending it.
  const stored = web.db.$client.prepare('SELECT mime, bytes FROM p2k2_meeting_photos').all() as {
    mime: string;
    bytes: Buffer;
  }[];
  expect(stored.map((p) => p.mime)).toEqual(['image/jpeg']);
  expect(stored[0].bytes.length).toBeLessThanOrEqual(300 * 1024);
  expect([...stored[0].bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

  const rows = web.db.$client
    .prepare(
      'SELECT status, behaviour_rating AS rating, count(*) AS n FROM p2k2_attendance GROUP BY 1, 2 ORDER BY 1, 2',
    )
    .all();
  expect(rows).toEqual([
    { status: 'alfa', rating: null, n: 1 },
    { status: 'hadir', rating: null, n: 10 },
    { status: 'hadir', rating: 'kurang', n: 1 },
  ]);

  // A correction: the third family was in fact excused; the audit line says so.
  await meeting.status(names[2], 'Izin').check();
  await meeting.save('Simpan koreksi');
  await expect(page.getByText(`${names[2]}: kehadiran Hadir → Izin`)).toBeVisible();
  const audit = web.db.$client
    .prepare("SELECT summary FROM audit_log WHERE entity = 'p2k2_meeting' ORDER BY id DESC LIMIT 1")
    .pluck()
    .get();
  expect(audit).toContain(`dikoreksi: ${names[2]}: kehadiran Hadir → Izin`);

  // The pimpinan reads the record but can neither correct it nor make groups.
  await addUser(web, PIMPINAN, 'pimpinan');
  const boss = await App.signInElsewhere(browser, web, PIMPINAN);
  await boss.page.goto(page.url());
  await expect(boss.page.getByRole('heading', { name: /^Pertemuan / })).toBeVisible();
  await expect(
    boss.page.getByRole('radiogroup', { name: `Kehadiran ${names[2]}` }).getByRole('radio', { name: 'Izin' }),
  ).toBeChecked();
  await expect(boss.page.getByRole('button', { name: 'Simpan koreksi' })).toHaveCount(0);
  await expect(boss.page.getByRole('button', { name: 'Semua hadir' })).toHaveCount(0);
  await P2k2Page.open(boss.page);
  await expect(boss.page.getByRole('button', { name: 'Buat kelompok' })).toHaveCount(0);
});
