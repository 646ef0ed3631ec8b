import type { KpmFormValues } from '../../main/domain/schemas';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createUser } from '../../main/services/auth';
import { insertCandidate } from '../support/graduation';
import { App } from '../support/pages/app';
import { CandidatesPage } from '../support/pages/candidates';
import { FamilyPage } from '../support/pages/family';
import { KpmListPage } from '../support/pages/kpm-list';
import { expect, registerFamily, test, type WebServer } from '../support/web';

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
  await App.signIn(page, web, OPERATOR);
  const family = await (await KpmListPage.open(page)).openFamily('SRI MANDIRI UJI');
  await family.proposeMandiri('SRI MANDIRI UJI', ['Memiliki usaha', 'Rumah layak huni'], 'Warung kelontong sejak 2024');
  await expect(family.timeline).toContainText('Graduasi sejahtera mandiri: Calon');
  await expect(family.timeline).toContainText('Memiliki usaha, Rumah layak huni');

  const row = (await CandidatesPage.open(page)).candidate('SRI MANDIRI UJI');
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
  await App.signIn(page, web, OPERATOR);
  const candidates = await CandidatesPage.open(page);
  await candidates.openAlamiah();
  // The page says where the age limits come from, in plain words.
  await expect(page.getByText(/Kemensos belum menerbitkan tabel batas umur komponen/)).toBeVisible();
  await expect(page.getByText(/anak usia dini sampai 6 tahun/)).toBeVisible();
  const table = candidates.scan;
  await expect(table.getByRole('row', { name: /ALAMIAH UJI/ })).toContainText('Anak SMA');
  await expect(table).not.toContainText('DEWI BALITA UJI');
  await expect(table).not.toContainText('SRI MANDIRI UJI');
  await page.screenshot({ path: 'test-results/alamiah.png' });
  await candidates.addChosen(['AMINAH ALAMIAH UJI']);
  await expect(table).not.toContainText('AMINAH ALAMIAH UJI');
  await candidates.openList();
  await expect(candidates.candidate('AMINAH ALAMIAH UJI')).toContainText('Graduasi alamiah');
});

test('adding every matching alamiah family asks first, naming the count', async ({ page, web }) => {
  await prepare(web);
  addFamily(web, 4, 'Ratna Alamiah Uji', { tanggalLahir: yearsAgo(22), komponen: 'anak_sma' });
  addFamily(web, 5, 'Sumi Alamiah Uji', { tanggalLahir: yearsAgo(23), komponen: 'anak_sma' });
  const stored = () =>
    (web.db.$client.prepare('SELECT count(*) AS n FROM graduation_candidates').get() as { n: number }).n;
  await App.signIn(page, web, OPERATOR);
  const candidates = await CandidatesPage.open(page);
  await candidates.openAlamiah();
  const dialog = await candidates.askToAddAll(3);
  await expect(dialog).toContainText('3 keluarga tanpa komponen per');
  await page.screenshot({ path: 'test-results/alamiah-confirm-all.png' });
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();
  expect(stored()).toBe(0);
  await (await candidates.askToAddAll(3)).getByRole('button', { name: 'Tambahkan 3 keluarga' }).click();
  await expect(page.getByText('3 keluarga ditambahkan sebagai calon graduasi alamiah.')).toBeVisible();
  expect(stored()).toBe(3);
});

test('several candidates are withdrawn at once with one reason, each audited', async ({ page, web }) => {
  await prepare(web);
  const kpmIds = (web.db.$client.prepare('SELECT id FROM kpm ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  for (const kpmId of kpmIds) insertCandidate(web.db, kpmId, { kind: 'mandiri', reasons: ['usaha'] });
  await App.signIn(page, web, OPERATOR);
  const candidates = await CandidatesPage.open(page);
  const dialog = await candidates.askToWithdraw(['SRI MANDIRI UJI', 'DEWI BALITA UJI']);
  await expect(dialog).toContainText('SRI MANDIRI UJI, DEWI BALITA UJI');
  await page.screenshot({ path: 'test-results/calon-batalkan-terpilih.png' });
  await candidates.withdraw(dialog, 2, 'Data ganda dari impor');
  await expect(page.getByText('2 calon dibatalkan.')).toBeVisible();
  for (const nama of ['SRI MANDIRI UJI', 'DEWI BALITA UJI']) {
    const row = candidates.candidate(nama);
    await expect(row).toContainText('Dibatalkan: Data ganda dari impor');
    await expect(row.getByRole('checkbox')).toHaveCount(0);
  }
  await expect(candidates.candidate('AMINAH ALAMIAH UJI')).not.toContainText('Dibatalkan');
  await expect(candidates.withdrawButton(0)).toBeDisabled();
  const audited = web.db.$client
    .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'candidate_withdraw'")
    .get() as { n: number };
  expect(audited.n).toBe(2);

  // The family's history names the stages in Indonesian, though they are stored in English.
  await FamilyPage.openById(page, kpmIds[0]);
  const history = page.getByRole('region', { name: 'Riwayat perubahan' });
  await history.getByRole('button', { name: 'Lihat rincian' }).first().click();
  await expect(history.getByRole('row', { name: /^Tahap graduasi/ }).getByRole('cell')).toHaveText([
    'Tahap graduasi',
    'Calon',
    'Dibatalkan',
  ]);
  await history.screenshot({ path: 'test-results/riwayat-tahap-graduasi.png' });
});
