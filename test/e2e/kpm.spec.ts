import type { Page } from '@playwright/test';
import { KpmForm } from '../support/pages/kpm-form';
import { choose, countRows, expect, login, navigate, registerFamily, test, type WebServer } from '../support/web';

/** A synthetic family in Kota Pekalongan, kecamatan Pekalongan Barat (3375 01): valid structure, no real people. */
const FAMILY = {
  idKpm: 'P3375010000001',
  noKk: '3375010101200001',
  nik: '3375014507850001', // woman born 5 July 1985
  nama: 'Siti Nurjanah Uji',
  tanggalLahir: '1985-07-05',
  alamat: 'Jl. Hayam Wuruk Gg. 3 No. 12',
  kecamatan: 'Pekalongan Barat',
  desa: 'Medono',
  members: [
    {
      nik: '3375011203100002',
      nama: 'Ahmad Fauzi',
      hubungan: 'anak',
      tanggalLahir: '2010-03-12',
      jk: 'L',
      komponen: 'anak_sma',
    },
    {
      nik: '3375015508150003',
      nama: 'Nur Aini',
      hubungan: 'anak',
      tanggalLahir: '2015-08-15',
      jk: 'P',
      komponen: 'anak_sd',
    },
  ],
} as const;

const listCount = (page: Page) => page.getByTestId('kpm-count');
const countFamilies = (web: WebServer) => countRows(web, 'kpm');
const AREA = { kecamatan: { name: FAMILY.kecamatan, typed: 'Barat' }, desa: { name: FAMILY.desa, typed: 'Medo' } };

/** FAMILY as the registry holds it after the first test, for the tests that start from there. */
function registerTheFamily(web: WebServer): number {
  return registerFamily(web, {
    idKpm: FAMILY.idKpm,
    noKk: FAMILY.noKk,
    nik: FAMILY.nik,
    nama: FAMILY.nama,
    tanggalLahir: FAMILY.tanggalLahir,
    jenisKelamin: 'P',
    alamat: FAMILY.alamat,
    districtCode: '337501',
    villageCode: '3375011002', // Medono
    members: FAMILY.members.map(({ jk, ...m }) => ({ ...m, jenisKelamin: jk })),
  });
}

/** A family with a new form open, typed up to the desa. */
async function startNewFamily(page: Page, family: { idKpm: string; noKk: string; nik: string; nama: string }) {
  const form = await KpmForm.openNew(page);
  await expect(form.textbox('ID KPM')).toBeFocused();
  await form.fillFamily({ ...family, tanggalLahir: FAMILY.tanggalLahir, ...AREA });
  return form;
}

test('register a family with two members', async ({ page, web }) => {
  await login(page, web.url);
  const form = await KpmForm.openNew(page);
  await expect(form.textbox('ID KPM')).toBeFocused();
  const { idKpm, noKk, nik, nama, tanggalLahir, alamat } = FAMILY;
  await form.fillFamily({ idKpm, noKk, nik, nama, tanggalLahir, alamat, rt: '003', rw: '007', ...AREA });
  for (const [i, m] of FAMILY.members.entries()) await form.addMember(i + 1, m);
  // The live summary counts both komponen: SMA Rp2.000.000 + SD Rp900.000 a year.
  await expect(page.getByText('Rp2.900.000')).toBeVisible();

  await form.save();

  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Desa/kelurahan Medono' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Kecamatan Pekalongan Barat' })).toBeVisible();
  const members = page.getByRole('region', { name: 'Anggota keluarga (2)' });
  await expect(members.getByRole('row', { name: /AHMAD FAUZI/ })).toContainText('3375011203100002');
  await expect(members.getByRole('row', { name: /AHMAD FAUZI/ })).toContainText('Anak SMA/sederajat');
  await expect(members.getByRole('row', { name: /NUR AINI/ })).toContainText('15 Agustus 2015');
  await expect(page.getByText('Bantuan per tahun: Rp2.900.000')).toBeVisible();
  await expect(page.getByText('KPM SITI NURJANAH UJI (ID KPM P3375010000001) didaftarkan')).toBeVisible();
  expect(countFamilies(web)).toBe(1);
});

test('find the family by part of the name and by NIK', async ({ page, web }) => {
  registerTheFamily(web);
  registerFamily(web, {
    idKpm: 'P3375010000005',
    noKk: '3375010101200005',
    nik: '3375016302800004',
    nama: 'Warsini Uji',
    districtCode: '337501',
    villageCode: '3375011002',
  });
  await login(page, web.url);
  await navigate(page, 'Data KPM');
  const search = page.getByRole('textbox', { name: 'Cari KPM' });
  await expect(search).toBeFocused();
  await expect(listCount(page)).toHaveText('1–2 dari 2 KPM');

  await search.fill('nurjan');
  await expect(listCount(page)).toHaveText('1–1 dari 1 KPM');
  await expect(page.getByRole('link', { name: 'SITI NURJANAH UJI' })).toBeVisible();

  await search.fill('tidak ada nama begini');
  await expect(listCount(page)).toHaveText('Tidak ada KPM yang cocok');

  await search.fill(FAMILY.nik);
  await expect(listCount(page)).toHaveText('1–1 dari 1 KPM');
  await expect(page.getByRole('cell', { name: FAMILY.nik })).toBeVisible();

  // A member's NIK finds the family too.
  await search.fill(FAMILY.members[1].nik);
  await expect(listCount(page)).toHaveText('1–1 dari 1 KPM');
  // The same count as before: wait until this search is the one applied, or the click would be undone by it.
  await expect(page).toHaveURL(new RegExp(`q=${FAMILY.members[1].nik}`));

  await page.getByRole('cell', { name: FAMILY.nik }).click();
  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();
});

test('edit the family and see the change in its history', async ({ page, web }) => {
  registerTheFamily(web);
  await login(page, web.url);
  await navigate(page, 'Data KPM');
  await page.getByRole('link', { name: 'SITI NURJANAH UJI' }).click();
  await page.getByRole('link', { name: 'Ubah' }).click();

  const form = new KpmForm(page);
  const alamat = form.textbox('Alamat');
  await expect(alamat).toHaveValue(FAMILY.alamat);
  await alamat.fill('Jl. Hayam Wuruk Gg. 5 No. 20');
  await form.textbox('Nomor HP').fill('081234567890');
  await form.saveChanges();

  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();
  await expect(page.getByText('Jl. Hayam Wuruk Gg. 5 No. 20')).toBeVisible();
  const history = page.getByRole('region', { name: 'Riwayat perubahan' });
  await expect(history.getByText('Data KPM SITI NURJANAH UJI diubah: alamat, nomor HP')).toBeVisible();
  await expect(history).toContainText(`oleh admin`);
  await history.getByRole('button', { name: 'Lihat rincian' }).first().click();
  const changed = history.getByRole('row', { name: /^Alamat/ });
  await expect(changed).toHaveCount(1);
  await expect(changed.getByRole('cell')).toHaveText(['Alamat', FAMILY.alamat, 'Jl. Hayam Wuruk Gg. 5 No. 20']);
  await expect(history.getByRole('row', { name: /^Nomor HP/ }).getByRole('cell')).toHaveText([
    'Nomor HP',
    '–',
    '081234567890',
  ]);
});

test('leaving a family form with unsaved changes asks first; an untouched form leaves at once', async ({
  page,
  web,
}) => {
  const id = registerTheFamily(web);
  await login(page, web.url);
  await page.evaluate((kpmId) => {
    window.location.hash = `#/kpm/${kpmId}/ubah`;
  }, id);
  const form = new KpmForm(page);
  const alamat = form.textbox('Alamat');
  await expect(alamat).toHaveValue(FAMILY.alamat);
  const ask = page.getByRole('dialog', { name: 'Tinggalkan halaman?' });

  // Untouched: Batal goes back without a question.
  await page.getByRole('button', { name: 'Batal', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();
  await expect(ask).toBeHidden();

  await page.getByRole('link', { name: 'Ubah' }).click();
  await alamat.fill('Jl. Belum Disimpan 1');
  // Batal on a filled form asks; staying keeps what was typed.
  await page.getByRole('button', { name: 'Batal', exact: true }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Batal' }).click();
  await expect(ask).toBeHidden();
  await expect(alamat).toHaveValue('Jl. Belum Disimpan 1');

  // Closing the window asks through the browser's own question.
  const question = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await question;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(alamat).toHaveValue('Jl. Belum Disimpan 1');

  // The navigation asks too; discarding leaves and nothing is saved.
  await navigate(page, 'Data KPM');
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Buang perubahan' }).click();
  await expect(listCount(page)).toBeVisible();
  const stored = web.db.$client.prepare('SELECT alamat FROM kpm WHERE id = ?').pluck().get(id);
  expect(stored).toBe(FAMILY.alamat);
});

test('a NIK with a letter O for a zero says where, at the field, and nothing is sent', async ({ page, web }) => {
  await login(page, web.url);
  const form = await startNewFamily(page, {
    idKpm: 'P3375010000009',
    noKk: '3375010101200009',
    nik: '33750145078500O1',
    nama: 'Uji NIK Huruf',
  });
  await form.save();

  await expect(form.nik).toHaveAttribute('aria-invalid', 'true');
  await expect(form.nik).toHaveAccessibleDescription("NIK hanya boleh berisi angka: karakter ke-15 adalah 'O'.");
  await expect(form.nik).toBeFocused();
  expect(countFamilies(web)).toBe(0);
});

test('a duplicate NIK is refused, links to the existing family and saves nothing', async ({ page, web }) => {
  registerTheFamily(web);
  await login(page, web.url);
  const form = await startNewFamily(page, {
    idKpm: 'P3375010000002',
    noKk: '3375010101200002',
    nik: FAMILY.nik,
    nama: 'Keluarga Ganda',
  });
  await form.save();

  await expect(form.nik).toHaveAttribute('aria-invalid', 'true');
  await expect(form.nik).toHaveAccessibleDescription(/NIK sudah terdaftar sebagai pengurus keluarga SITI NURJANAH UJI/);
  const link = page.getByRole('link', { name: /Buka keluarga SITI NURJANAH UJI/ }).first();
  await expect(link).toBeVisible();
  expect(countFamilies(web)).toBe(1);

  await link.click();
  // The unsaved new family is left only after saying so.
  await page
    .getByRole('dialog', { name: 'Tinggalkan halaman?' })
    .getByRole('button', { name: 'Buang perubahan' })
    .click();
  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();

  await navigate(page, 'Data KPM');
  await expect(listCount(page)).toHaveText('1–1 dari 1 KPM');
});

test('warnings show at their fields and the user may save anyway', async ({ page, web }) => {
  await login(page, web.url);
  const form = await startNewFamily(page, {
    idKpm: 'P3375010000003',
    noKk: '3375010101200003',
    nik: '3375016302800004',
    nama: 'Warsini Uji',
  });
  // The NIK says 23 February 1980; the typed birth date disagrees.
  await form.fillDate(form.birthDate, '1980-02-24');
  await form.addMember(1, {
    nama: 'Bayu Uji',
    hubungan: 'anak',
    tanggalLahir: '2012-01-10',
    komponen: 'anak_usia_dini',
  });
  await form.save();

  await expect(form.warnings).toBeVisible();
  await expect(form.birthDate).toHaveAccessibleDescription(/berbeda dengan tanggal lahir pada NIK/);
  await expect(form.memberSelect('Komponen', 1)).toHaveAccessibleDescription(/tidak sesuai komponen anak usia dini/);
  expect(countFamilies(web)).toBe(0);

  await form.saveDespiteWarnings();
  await expect(page.getByRole('heading', { name: 'WARSINI UJI' })).toBeVisible();
  expect(countFamilies(web)).toBe(1);
});

test('record an exit with its type, reason and date', async ({ page, web }) => {
  registerTheFamily(web);
  await login(page, web.url);
  await navigate(page, 'Data KPM');
  await page.getByRole('link', { name: 'SITI NURJANAH UJI' }).click();
  await page.getByRole('button', { name: 'Catat keluar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Catat KPM SITI NURJANAH UJI keluar' });
  await choose(page, 'Jenis keluar', 'Pindah domisili', 'Pindah');
  await dialog.getByRole('textbox', { name: 'Alasan keluar' }).fill('Pindah domisili ke luar kota');
  await dialog.getByLabel('Tanggal keluar').fill('2026-10-01');
  await dialog.getByRole('button', { name: 'Catat keluar' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /^Status/ })).toContainText('Keluar');
  await expect(page.getByRole('row', { name: /^Status/ })).toContainText(
    'Pindah domisili · Pindah domisili ke luar kota · 1 Oktober 2026',
  );
  await expect(page.getByRole('region', { name: 'Riwayat perubahan' })).toContainText(
    'KPM SITI NURJANAH UJI keluar (Pindah domisili): Pindah domisili ke luar kota',
  );
  await expect(page.getByRole('button', { name: 'Catat keluar' })).toBeDisabled();
  expect(web.db.$client.prepare('SELECT status FROM kpm WHERE nik = ?').get(FAMILY.nik)).toEqual({ status: 'keluar' });
});
