import type { Db } from '../../db/open';
import { addFamilies, addPendamping, villageOfFamily } from '../support/graduation';
import { addGroup, addMeeting, addPlan, topicId } from '../support/p2k2-rows';
import { App } from '../support/pages/app';
import { P2k2ReportsPage } from '../support/pages/p2k2-reports';
import { readPdf } from '../support/pages/pdf';
import { expect, test } from '../support/web';

const YEAR = new Date().getFullYear();

/**
 * RINA's group MAWAR (Pekalongan Barat, 5 families) met in January and February: the first family ALFA both times,
 * the rest HADIR; three topics were planned.
 */
function seedP2k2(db: Db) {
  const rina = addPendamping(db, 'RINA PENDAMPING', ['337501']);
  const families = addFamilies(db, { count: 5, pendampingId: rina, districtCode: '337501' });
  const village = villageOfFamily(db, families[0]);
  const groupId = addGroup(db, { name: 'MAWAR', villageCode: village, pendampingId: rina, kpmIds: families });
  const topics = ['Mengelola Keuangan Keluarga', 'Cermat Meminjam dan Menabung', 'Memulai Usaha'].map((n) =>
    topicId(db, n),
  );
  for (const [i, topic] of topics.entries()) addPlan(db, groupId, topic, `${YEAR}-0${i + 1}-05`);
  topics.slice(0, 2).forEach((topic, i) => {
    addMeeting(
      db,
      { groupId, topicId: topic, heldOn: `${YEAR}-0${i + 1}-06`, notes: 'Hujan deras, sebagian datang terlambat.' },
      families.map((kpmId, j) => ({ kpmId, status: j === 0 ? 'alfa' : 'hadir', behaviour: j === 0 ? null : 'baik' })),
    );
  });
  return db.$client.prepare('SELECT nama FROM kpm WHERE id = ?').pluck().get(families[0]) as string;
}

test('the P2K2 report per kecamatan, the absence list with a printed teguran, and the SIKS-NG texts', async ({
  page,
  web,
}) => {
  const absent = seedP2k2(web.db);
  const app = await App.signIn(page, web);
  const report = await P2k2ReportsPage.open(page);
  // planned, held, marked, hadir, izin/sakit, alfa, rate, never attending, ratings baik+
  await expect(report.row('kecamatan', 'Pekalongan Barat')).toHaveText([
    'Pekalongan Barat',
    '3',
    '2',
    '10',
    '8',
    '0',
    '2',
    '80%',
    '1',
    '8',
    '0',
  ]);
  await app.screenshot('laporan-p2k2');
  await report.groupBy('Kelompok');
  await expect(report.row('kelompok', 'MAWAR').first()).toContainText('MAWAR');

  await report.openAbsence();
  const list = report.absence('RINA PENDAMPING');
  await expect(list.getByRole('row', { name: new RegExp(absent) })).toContainText(`Jan ${YEAR}, Feb ${YEAR}`);
  await app.screenshot('laporan-p2k2-alfa');
  await report.warn(absent);
  const letter = await readPdf(page, 'Surat teguran P2K2');
  expect(letter).toContain('SURAT TEGURAN');
  expect(letter).toContain(absent);
  expect(letter).toContain(`Januari dan Februari ${YEAR}`);
  await expect(list.getByRole('row', { name: new RegExp(absent) })).toContainText('Diberikan');
  await expect(page.getByRole('button', { name: `Cetak teguran ${absent}` })).toHaveCount(0);

  await report.openSiks('Cermat Meminjam');
  await expect(report.field('Nama kegiatan')).toHaveValue(/^P2K2 Kelompok MAWAR Desa .*Cermat Meminjam dan Menabung$/);
  await expect(report.field('Uraian')).toHaveValue(/Partisipasi: 4 dari 5 KPM hadir \(80%\).*Kendala: Hujan deras/);
  await expect(page.getByRole('button', { name: 'Salin Uraian' })).toBeVisible();
  await app.screenshot('laporan-p2k2-siks');
});
