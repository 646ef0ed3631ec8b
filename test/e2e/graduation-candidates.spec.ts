import type { KpmFormValues } from '../../main/domain/schemas';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createUser } from '../../main/services/auth';
import { insertCandidate } from '../support/graduation';
import { expect, login, navigate, registerFamily, test, type WebServer } from '../support/web';

const OPERATOR = { username: 'operator1', password: 'operator123' };

/** Synthetic families in Pekalongan Barat / Medono; the children's birth dates decide the alamiah scan. */
function addFamily(web: WebServer, n: number, nama: string, child: { tanggalLahir: string; komponen: string }) {
  const tail = String(n).padStart(4, '0');
  registerFamily(web, {
    idKpm: `P33750100${tail}`,
    noKk: `337501010120${tail}`,
    nik: `337501450785${tail}`,
    nama,
    tanggalLahir: '1985-07-05',
    jenisKelamin: 'P',
    districtCode: '337501',
    villageCode: '3375011002',
    tahunBergabung: 2015,
    members: [{ nama: `Anak ${nama}`, hubungan: 'anak', jenisKelamin: 'L', ...child }],
  } as KpmFormValues);
}

/** A birth date `years` years before today (the scan's default date). */
const yearsAgo = (years: number, extraDays = 0) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() + extraDays);
  return d.toISOString().slice(0, 10);
};

/** An operator and three families: one for mandiri, one left without komponen, one with a 6-year-old. */
async function prepare(web: WebServer) {
  await createUser(web.db, SYSTEM_ACTOR, { ...OPERATOR, fullName: 'Operator Uji', role: 'operator' });
  addFamily(web, 1, 'Sri Mandiri Uji', { tanggalLahir: '2012-05-01', komponen: 'anak_smp' });
  // Turned 21 a month ago: no komponen left, an alamiah candidate.
  addFamily(web, 2, 'Aminah Alamiah Uji', { tanggalLahir: yearsAgo(21, -30), komponen: 'anak_sma' });
  // Still 6 (turns 7 in a month): keeps anak usia dini, not listed.
  addFamily(web, 3, 'Dewi Balita Uji', { tanggalLahir: yearsAgo(7, 30), komponen: 'anak_usia_dini' });
}

test('an operator adds a mandiri candidate from the family page and finds it in Calon graduasi', async ({
  page,
  web,
}) => {
  await prepare(web);
  await login(page, web.url, OPERATOR.username, OPERATOR.password);
  await navigate(page, 'Data KPM');
  await page.getByRole('link', { name: 'SRI MANDIRI UJI' }).click();
  await page.getByRole('button', { name: 'Usulkan calon graduasi' }).click();
  const dialog = page.getByRole('dialog', { name: /Usulkan SRI MANDIRI UJI/ });
  await dialog.getByRole('combobox', { name: 'Alasan' }).click();
  await page.getByRole('option', { name: 'Memiliki usaha' }).click();
  await page.getByRole('option', { name: 'Rumah layak huni' }).click();
  await dialog.getByRole('textbox', { name: 'Catatan' }).fill('Warung kelontong sejak 2024');
  await dialog.getByRole('button', { name: 'Tambahkan calon' }).click();
  await expect(dialog).toBeHidden();
  const timeline = page.getByRole('region', { name: 'Tahapan graduasi' });
  await expect(timeline).toContainText('Graduasi sejahtera mandiri: Calon');
  await expect(timeline).toContainText('Memiliki usaha, Rumah layak huni');

  await navigate(page, 'Calon graduasi');
  const row = page.getByRole('table', { name: 'Daftar calon graduasi' }).getByRole('row', { name: /SRI MANDIRI UJI/ });
  await expect(row).toContainText('Graduasi sejahtera mandiri');
  await expect(row).toContainText('Calon');
  await expect(row).toContainText('operator1');
  await page.screenshot({ path: 'test-results/calon-graduasi.png' });
});

test('the alamiah list shows the family left without komponen, not the one with a 6-year-old', async ({
  page,
  web,
}) => {
  await prepare(web);
  await login(page, web.url, OPERATOR.username, OPERATOR.password);
  await navigate(page, 'Calon graduasi');
  await page.getByRole('tab', { name: 'Graduasi alamiah' }).click();
  // The page says where the age limits come from, in plain words.
  await expect(page.getByText(/Kemensos belum menerbitkan tabel batas umur komponen/)).toBeVisible();
  await expect(page.getByText(/anak usia dini sampai 6 tahun/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Hasil pemindaian alamiah' });
  await expect(table.getByRole('row', { name: /ALAMIAH UJI/ })).toContainText('Anak SMA');
  await expect(table).not.toContainText('DEWI BALITA UJI');
  await expect(table).not.toContainText('SRI MANDIRI UJI');
  await page.screenshot({ path: 'test-results/alamiah.png' });
  await page.getByRole('checkbox', { name: 'Pilih AMINAH ALAMIAH UJI' }).check();
  await page.getByRole('button', { name: 'Tambahkan terpilih (1)' }).click();
  await expect(table).not.toContainText('AMINAH ALAMIAH UJI');
  await page.getByRole('tab', { name: 'Daftar calon' }).click();
  await expect(page.getByRole('row', { name: /AMINAH ALAMIAH UJI/ })).toContainText('Graduasi alamiah');
});

test('adding every matching alamiah family asks first, naming the count', async ({ page, web }) => {
  await prepare(web);
  addFamily(web, 4, 'Ratna Alamiah Uji', { tanggalLahir: yearsAgo(22), komponen: 'anak_sma' });
  addFamily(web, 5, 'Sumi Alamiah Uji', { tanggalLahir: yearsAgo(23), komponen: 'anak_sma' });
  const candidates = () =>
    (web.db.$client.prepare('SELECT count(*) AS n FROM graduation_candidates').get() as { n: number }).n;
  await login(page, web.url, OPERATOR.username, OPERATOR.password);
  await navigate(page, 'Calon graduasi');
  await page.getByRole('tab', { name: 'Graduasi alamiah' }).click();
  await page.getByRole('button', { name: 'Tambahkan semua yang cocok (3)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambahkan semua yang cocok?' });
  await expect(dialog).toContainText('3 keluarga tanpa komponen per');
  await page.screenshot({ path: 'test-results/alamiah-confirm-all.png' });
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();
  expect(candidates()).toBe(0);
  await page.getByRole('button', { name: 'Tambahkan semua yang cocok (3)' }).click();
  await dialog.getByRole('button', { name: 'Tambahkan 3 keluarga' }).click();
  await expect(page.getByText('3 keluarga ditambahkan sebagai calon graduasi alamiah.')).toBeVisible();
  expect(candidates()).toBe(3);
});

test('several candidates are withdrawn at once with one reason, each audited', async ({ page, web }) => {
  await prepare(web);
  const kpmIds = (web.db.$client.prepare('SELECT id FROM kpm ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  for (const kpmId of kpmIds) insertCandidate(web.db, kpmId, { kind: 'mandiri', reasons: ['usaha'] });
  await login(page, web.url, OPERATOR.username, OPERATOR.password);
  await navigate(page, 'Calon graduasi');
  const table = page.getByRole('table', { name: 'Daftar calon graduasi' });
  await table.getByRole('checkbox', { name: 'Pilih SRI MANDIRI UJI' }).check();
  await table.getByRole('checkbox', { name: 'Pilih DEWI BALITA UJI' }).check();
  await page.getByRole('button', { name: 'Batalkan terpilih (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Batalkan 2 calon' });
  await expect(dialog).toContainText('SRI MANDIRI UJI, DEWI BALITA UJI');
  await dialog.getByRole('textbox', { name: 'Alasan pembatalan' }).fill('Data ganda dari impor');
  await page.screenshot({ path: 'test-results/calon-batalkan-terpilih.png' });
  await dialog.getByRole('button', { name: 'Batalkan 2 calon' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('2 calon dibatalkan.')).toBeVisible();
  for (const nama of ['SRI MANDIRI UJI', 'DEWI BALITA UJI']) {
    const row = table.getByRole('row', { name: new RegExp(nama) });
    await expect(row).toContainText('Dibatalkan: Data ganda dari impor');
    await expect(row.getByRole('checkbox')).toHaveCount(0);
  }
  await expect(table.getByRole('row', { name: /AMINAH ALAMIAH UJI/ })).not.toContainText('Dibatalkan');
  await expect(page.getByRole('button', { name: 'Batalkan terpilih (0)' })).toBeDisabled();
  const audited = web.db.$client
    .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'candidate_withdraw'")
    .get() as { n: number };
  expect(audited.n).toBe(2);
});
