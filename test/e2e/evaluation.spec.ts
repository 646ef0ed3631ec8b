import type { Db } from '../../db/open';
import { complaintSaveSchema } from '../../main/domain/evaluation';
import { todayIso } from '../../main/domain/format';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { saveComplaint } from '../../main/services/evaluation/complaints';
import { addFamilies, addPendamping, FIXTURE_PASSWORD, userActor } from '../support/graduation';
import { App } from '../support/pages/app';
import { EvaluationPage, recordComplaint, setIndicatorWeight } from '../support/pages/evaluation';
import { FamilyPage } from '../support/pages/family';
import { readPdf } from '../support/pages/pdf';
import { expect, test } from '../support/web';

/**
 * Two pendamping with families; RINA's families made two complaints this month (one resolved), DEDI's none; a
 * koordinator (pimpinan) and RINA's own pendamping account.
 */
function seed(db: Db) {
  const rina = addPendamping(db, 'RINA SETIAWATI', ['337501']);
  const dedi = addPendamping(db, 'DEDI KURNIAWAN', ['337502']);
  const rinaFamilies = addFamilies(db, { count: 6, pendampingId: rina, districtCode: '337501' });
  addFamilies(db, { count: 4, pendampingId: dedi, districtCode: '337502' });
  const today = todayIso();
  const complaint = (kpmId: number, resolved: boolean) =>
    saveComplaint(
      db,
      SYSTEM_ACTOR,
      complaintSaveSchema.parse({
        kpmId,
        date: today,
        issue: 'Bantuan tahap ini belum diterima',
        category: 'Bantuan belum diterima',
        resolvedDate: resolved ? today : null,
        resolution: resolved ? 'Sudah cair setelah rekening diperbaiki' : '',
      }),
      today,
    );
  complaint(rinaFamilies[0], true);
  complaint(rinaFamilies[1], false);
  // RINA's submitted work plan of the month: three of four activities done
  const now = new Date().toISOString();
  const { id: planId } = db.$client
    .prepare(
      `INSERT INTO work_plans (pendamping_id, month, status, submitted_at, first_submitted_at, created_at, updated_at)
       VALUES (?, ?, 'submitted', ?, ?, ?, ?) RETURNING id`,
    )
    .get(rina, today.slice(0, 7), now, now, now, now) as { id: number };
  const item = db.$client.prepare(
    "INSERT INTO work_plan_items (plan_id, kind, date, title, outcome) VALUES (?, 'rapat', ?, 'Rapat koordinasi', ?)",
  );
  for (const outcome of ['done', 'done', 'done', null]) item.run(planId, today, outcome);
  userActor(db, SYSTEM_ACTOR, 'pimpinan', 'koordinator');
  userActor(db, SYSTEM_ACTOR, 'pendamping', 'rina', rina);
}

const SCORES = {
  'Pelaksanaan P2K2': 80,
  'Kehadiran P2K2': 90,
  'Graduasi terhadap target': 60,
  'Kunjungan pendampingan lanjutan': 70,
  'Penanganan pengaduan': 50,
  'Sikap kerja dan kedisiplinan': 85,
};

test('the koordinator evaluates a pendamping; the pendamping sees its own row and prints its monthly report', async ({
  page,
  web,
  browser,
}) => {
  seed(web.db);
  const koordinator = await App.signIn(page, web, { username: 'koordinator', password: FIXTURE_PASSWORD });
  const evaluation = await EvaluationPage.openFromHome(page);
  await expect(evaluation.row('RINA SETIAWATI')).toContainText('1 / 2');
  // nobody holds P2K2 or graduated: both score 0 against the default target, the lowest tenth is flagged
  await expect(evaluation.table.getByText('Terendah').first()).toBeVisible();
  await koordinator.screenshot('evaluasi-pendamping');
  await evaluation.evaluate('RINA SETIAWATI', SCORES, 'Tingkatkan penyelesaian pengaduan.');
  // (80*25 + 90*15 + 60*25 + 70*15 + 50*10 + 85*10) / 100 = 72,5
  await expect(evaluation.row('RINA SETIAWATI')).toContainText('Dievaluasi');
  await expect(evaluation.row('RINA SETIAWATI')).toContainText('72,5');
  await expect(evaluation.row('RINA SETIAWATI').getByRole('cell').first()).toHaveText('1');
  await koordinator.screenshot('evaluasi-pendamping-dinilai');

  const rina = await App.signInElsewhere(browser, web, { username: 'rina', password: FIXTURE_PASSWORD });
  await rina.open('Evaluasi');
  const own = new EvaluationPage(rina.page);
  await expect(own.table.getByRole('row')).toHaveCount(2);
  await expect(own.row('RINA SETIAWATI')).toContainText('72,5');
  await expect(rina.page.getByRole('button', { name: 'Nilai RINA SETIAWATI' })).toHaveCount(0);
  const report = await own.openReport('RINA SETIAWATI');
  await expect(report.figure('Pengaduan selesai / diterima')).toContainText('50%');
  await expect(report.figure('Kegiatan terlaksana / direncanakan')).toContainText('4 direncanakan');
  await expect(report.figure('Kegiatan terlaksana / direncanakan')).toContainText('75%');
  await report.saveNotes('Dua pengaduan diterima; satu sudah selesai.');
  await rina.screenshot('laporan-bulanan-pendamping');
  await report.print();
  const text = await readPdf(rina.page, 'Laporan kinerja bulanan');
  expect(text).toContain('LAPORAN KINERJA BULANAN PENDAMPING PKH');
  expect(text).toContain('Dua pengaduan diterima; satu sudah selesai.');
  expect(text).toContain('Evaluasi koordinator');
  expect(text).toContain('72,5');
  expect(text).toContain('Kegiatan terlaksana / direncanakan');
  expect(text).toContain('Verifikasi komitmen dilakukan / KPM dampingan');
  expect(text).toContain('Mengetahui,');
});

test('a complaint recorded on the family page shows in Pengaduan; weights not adding up to 100 are refused', async ({
  page,
  web,
}) => {
  seed(web.db);
  const family = web.db.$client
    .prepare("SELECT id, nama FROM kpm WHERE nama LIKE 'IBU UJI%' ORDER BY id DESC LIMIT 1")
    .get() as { id: number; nama: string };
  const app = await App.signIn(page, web);
  await FamilyPage.openById(page, family.id);
  const card = await recordComplaint(page, family.nama, {
    category: 'Kartu/rekening (KKS)',
    issue: 'Kartu KKS hilang saat banjir',
    handledBy: 'Operator kantor',
  });
  await expect(card.getByRole('row', { name: /Kartu KKS hilang/ })).toContainText('Terbuka');
  await app.screenshot('pengaduan-keluarga');
  await app.open('Pengaduan');
  await expect(page.getByRole('table', { name: 'Daftar pengaduan' }).getByRole('row')).toHaveCount(4);
  await expect(page.getByText('3 pengaduan')).toBeVisible();
  await app.screenshot('pengaduan');

  await app.open('Evaluasi');
  const panel = await setIndicatorWeight(page, 1, 30);
  await expect(panel.getByText('Jumlah bobot: 105% (harus 100%)')).toBeVisible();
  await expect(panel.getByRole('alert')).toContainText('Jumlah bobot indikator harus 100; sekarang 105.');
  await app.screenshot('evaluasi-indikator');
  await setIndicatorWeight(page, 1, 25);
  await expect(panel.getByText('Jumlah bobot: 100%')).toBeVisible();
  await expect(page.getByText('Pengaturan evaluasi tersimpan.')).toBeVisible();
});
