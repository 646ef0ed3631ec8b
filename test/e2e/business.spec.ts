import { addMonths } from '../../main/domain/dates';
import { todayIso } from '../../main/domain/format';
import { addFamilies, addPendamping, decideGraduations } from '../support/graduation';
import { App } from '../support/pages/app';
import { BusinessPage } from '../support/pages/business';
import { FamilyPage } from '../support/pages/family';
import { VisitsPage } from '../support/pages/visits';
import { expect, test } from '../support/web';

// Four months ago: the 3-month visits are overdue.
const SK_DATE = addMonths(todayIso(), -4);

test("a graduated family's business is recorded from a follow-up visit and shows in its timeline and the report", async ({
  page,
  web,
}) => {
  const rina = addPendamping(web.db, 'RINA PENDAMPING', ['337501']);
  const families = addFamilies(web.db, { count: 3, pendampingId: rina, districtCode: '337501' });
  decideGraduations(web.db, { kpmIds: families.slice(0, 2), skDate: SK_DATE });
  await App.signIn(page, web);

  const business = await BusinessPage.open(page);
  await business.setUmk('2500000');

  const visits = await VisitsPage.open(page);
  await visits.tab('Terlambat', 2).click();
  const row = visits.list('Terlambat').getByRole('row').nth(1);
  const name = (await row.getByRole('link').textContent()) ?? '';
  const kpmId = Number((await row.getByRole('link').getAttribute('href'))?.match(/\d+$/)?.[0]);
  const dialog = await visits.record(row, {
    visitor: 'Petugas Uji',
    businessRunning: 'Ya',
    income: 'Penghasilan naik',
    vulnerableAgain: 'Tidak',
  });
  await visits.fillBusiness(dialog, {
    type: 'Makanan/minuman',
    start: SK_DATE,
    turnover: '7500000',
    income: '2750000',
  });
  await page.screenshot({ path: test.info().outputPath('visit-business.png') });
  await visits.save(dialog);
  await visits.expectSaved(dialog);

  const family = await FamilyPage.openById(page, kpmId);
  const card = family.card('Usaha keluarga graduasi');
  await expect(card).toContainText('Makanan/minuman');
  await expect(card).toContainText('Rp2.750.000');
  await expect(card.getByText('Di atas UMK (Rp2.500.000)')).toBeVisible();
  const timeline = card.getByRole('table', { name: 'Riwayat usaha' });
  await expect(timeline.getByRole('row').nth(1)).toContainText('Catatan usaha');
  await expect(timeline.getByRole('row').nth(1)).toContainText('omzet Rp7.500.000');
  await expect(timeline).toContainText('Kunjungan bulan ke-3');
  // A BLK training referral from the card joins the timeline.
  await card.getByRole('button', { name: 'Tambah pelatihan' }).click();
  const training = page.getByRole('dialog', { name: 'Catat rujukan pelatihan' });
  await training.getByRole('textbox', { name: 'Nama pelatihan' }).fill('Tata boga');
  await training.getByRole('textbox', { name: 'Lembaga pelatihan' }).fill('BLK Kota Pekalongan');
  await training.getByRole('textbox', { name: 'Tanggal mulai' }).fill(SK_DATE);
  await training.getByRole('textbox', { name: 'Tanggal selesai' }).fill(SK_DATE);
  await training.getByRole('checkbox', { name: 'Mendapat sertifikat' }).check();
  await training.getByRole('button', { name: 'Simpan' }).click();
  await expect(training.getByText('Nomor sertifikat wajib diisi bila ada sertifikat.')).toBeVisible();
  await training.getByRole('textbox', { name: 'Nomor sertifikat' }).fill('BLK-2026-017');
  await page.screenshot({ path: test.info().outputPath('training.png') });
  await training.getByRole('button', { name: 'Simpan' }).click();
  await expect(training).toBeHidden();
  await expect(timeline).toContainText('Tata boga, BLK Kota Pekalongan');
  await expect(timeline).toContainText('sertifikat BLK-2026-017');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('family-business.png'), fullPage: true });

  await BusinessPage.open(page);
  const kecamatan = business.kecamatanRow('Pekalongan Barat');
  // KPM graduasi 2, tercatat usaha 1, berjalan 1, di atas UMK 1, kembali rentan 0.
  await expect(kecamatan.getByRole('cell')).toHaveText(['Pekalongan Barat', '2', '1', '1', '1', '0']);
  await page.screenshot({ path: test.info().outputPath('business-report.png'), fullPage: true });
  expect(name.length).toBeGreaterThan(0);
});

test('a KUBE of 5-10 graduated families is refused with four and formed with five, takes and loses a sixth, and keeps five', async ({
  page,
  web,
}) => {
  const rina = addPendamping(web.db, 'RINA PENDAMPING', ['337501']);
  const families = addFamilies(web.db, { count: 6, pendampingId: rina, districtCode: '337501' });
  decideGraduations(web.db, { kpmIds: families, skDate: SK_DATE });
  const names = families.map(
    (id) => web.db.$client.prepare('SELECT nama FROM kpm WHERE id = ?').pluck().get(id) as string,
  );
  await App.signIn(page, web);
  const business = await BusinessPage.open(page);
  await business.tab('KUBE').click();
  await expect(page.getByText('Belum ada KUBE.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Nama KUBE' }).fill('KUBE Maju Bersama');
  await page.getByRole('combobox', { name: 'Jenis usaha KUBE' }).click();
  await page.getByRole('option', { name: 'Kerajinan' }).click();
  const formed = page.getByRole('textbox', { name: 'Tanggal dibentuk' });
  await formed.fill(SK_DATE);
  await formed.press('Tab');
  const members = page.getByRole('combobox', { name: /Anggota/ });
  for (const name of names.slice(0, 4)) {
    await members.click();
    await page.getByRole('option', { name: new RegExp(name) }).click();
  }
  await page.getByRole('button', { name: 'Bentuk KUBE' }).click();
  await expect(page.getByText('KUBE harus beranggota paling sedikit 5 keluarga (sekarang 4).').first()).toBeVisible();
  await members.click();
  await page.getByRole('option', { name: new RegExp(names[4]) }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Bentuk KUBE' }).click();
  await expect(page.getByText('KUBE Maju Bersama dibentuk dengan 5 keluarga.')).toBeVisible();
  await page.getByRole('button', { name: 'Lihat anggota dan aset' }).click();
  await page.getByRole('textbox', { name: 'Nama aset' }).fill('Mesin jahit');
  await page.getByRole('textbox', { name: 'Nilai aset' }).fill('1750000');
  const acquired = page.getByRole('textbox', { name: 'Tanggal perolehan' });
  await acquired.fill(SK_DATE);
  await acquired.press('Tab');
  await page.getByRole('button', { name: 'Tambah aset' }).click();
  await expect(page.getByText('Aset milik KUBE: Rp1.750.000')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Aset KUBE KUBE Maju Bersama' })).toContainText('Mesin jahit');
  // A sixth family joins the formed KUBE and leaves it again; the fifth cannot leave (it would leave four).
  const kubeMembers = business.kubeMembers('KUBE Maju Bersama');
  await expect(kubeMembers.getByRole('row')).toHaveCount(5);
  await business.addKubeMember(names[5]);
  await expect(kubeMembers.getByRole('row')).toHaveCount(6);
  await expect(kubeMembers).toContainText(names[5]);
  await page.screenshot({ path: test.info().outputPath('kube-six.png'), fullPage: true });
  await business.removeKubeMember('KUBE Maju Bersama', names[5]);
  await expect(page.getByText(`${names[5]} dikeluarkan dari KUBE Maju Bersama.`)).toBeVisible();
  await expect(kubeMembers.getByRole('row')).toHaveCount(5);
  await expect(kubeMembers).not.toContainText(names[5]);
  await business.removeKubeMember('KUBE Maju Bersama', names[0]);
  await expect(page.getByRole('alert').filter({ hasText: 'tidak dapat dikeluarkan' })).toHaveText(
    `${names[0]} tidak dapat dikeluarkan: KUBE harus beranggota paling sedikit 5 keluarga (sekarang 4).`,
  );
  await expect(kubeMembers.getByRole('row')).toHaveCount(5);
  await page.screenshot({ path: test.info().outputPath('kube.png'), fullPage: true });
});
