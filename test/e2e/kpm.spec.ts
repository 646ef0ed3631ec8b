import { expect, type Page, test } from '@playwright/test';
import { choose, login, serveFreshDatabase } from './server';

test.describe.configure({ mode: 'serial' });

const web = serveFreshDatabase({ setup: true });

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
};

const nikField = (page: Page) => page.getByRole('textbox', { name: 'NIK pengurus', exact: true });
const listCount = (page: Page) => page.getByTestId('kpm-count');

async function fillFamily(page: Page, family: { idKpm: string; noKk: string; nik: string; nama: string }) {
  await expect(page.getByRole('textbox', { name: 'ID KPM' })).toBeFocused();
  await page.getByRole('textbox', { name: 'ID KPM' }).fill(family.idKpm);
  await page.getByRole('textbox', { name: 'No. KK' }).fill(family.noKk);
  await nikField(page).fill(family.nik);
  await page.getByRole('textbox', { name: 'Nama pengurus' }).fill(family.nama);
  await page.getByLabel('Tanggal lahir', { exact: true }).fill(FAMILY.tanggalLahir);
  await choose(page, 'Kecamatan', FAMILY.kecamatan, 'Barat');
  await choose(page, 'Desa/kelurahan', FAMILY.desa, 'Medo');
}

async function openNewFamilyForm(page: Page) {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Data KPM' }).click();
  await page.getByRole('link', { name: 'Tambah KPM' }).click();
  await expect(page.getByRole('heading', { name: 'Tambah KPM' })).toBeVisible();
}

test('register a family with two members', async ({ page }) => {
  await login(page, web.server.url);
  await openNewFamilyForm(page);
  await fillFamily(page, FAMILY);
  await page.getByRole('textbox', { name: 'Alamat' }).fill(FAMILY.alamat);
  await page.getByRole('textbox', { name: 'RT' }).fill('003');
  await page.getByRole('textbox', { name: 'RW' }).fill('007');

  for (const [i, m] of FAMILY.members.entries()) {
    const n = i + 1;
    await page.getByRole('button', { name: '+ Tambah anggota' }).click();
    await page.getByRole('textbox', { name: `NIK anggota ${n}` }).fill(m.nik);
    await page.getByRole('textbox', { name: `Nama anggota ${n}` }).fill(m.nama);
    await page.getByRole('combobox', { name: `Hubungan anggota ${n}` }).selectOption(m.hubungan);
    await page.getByLabel(`Tanggal lahir anggota ${n}`).fill(m.tanggalLahir);
    await page.getByRole('combobox', { name: `Jenis kelamin anggota ${n}` }).selectOption(m.jk);
    await page.getByRole('combobox', { name: `Komponen anggota ${n}` }).selectOption(m.komponen);
  }
  // The live summary counts both komponen: SMA Rp2.000.000 + SD Rp900.000 a year.
  await expect(page.getByText('Rp2.900.000')).toBeVisible();

  await page.getByRole('button', { name: 'Simpan', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Desa/kelurahan Medono' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Kecamatan Pekalongan Barat' })).toBeVisible();
  const members = page.getByRole('region', { name: 'Anggota keluarga (2)' });
  await expect(members.getByRole('row', { name: /AHMAD FAUZI/ })).toContainText('3375011203100002');
  await expect(members.getByRole('row', { name: /AHMAD FAUZI/ })).toContainText('Anak SMA/sederajat');
  await expect(members.getByRole('row', { name: /NUR AINI/ })).toContainText('15 Agustus 2015');
  await expect(page.getByText('Bantuan per tahun: Rp2.900.000')).toBeVisible();
  await expect(page.getByText('KPM SITI NURJANAH UJI (ID KPM P3375010000001) didaftarkan')).toBeVisible();
});

test('find the family by part of the name and by NIK', async ({ page }) => {
  await login(page, web.server.url);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Data KPM' }).click();
  const search = page.getByRole('textbox', { name: 'Cari KPM' });
  await expect(search).toBeFocused();

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

  await page.getByRole('cell', { name: FAMILY.nik }).click();
  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();
});

test('edit the family and see the change in its history', async ({ page }) => {
  await login(page, web.server.url);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Data KPM' }).click();
  await page.getByRole('link', { name: 'SITI NURJANAH UJI' }).click();
  await page.getByRole('link', { name: 'Ubah' }).click();

  const alamat = page.getByRole('textbox', { name: 'Alamat' });
  await expect(alamat).toHaveValue(FAMILY.alamat);
  await alamat.fill('Jl. Hayam Wuruk Gg. 5 No. 20');
  await page.getByRole('textbox', { name: 'Nomor HP' }).fill('081234567890');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();

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

test('a NIK with a letter O for a zero says where, at the field, and nothing is sent', async ({ page }) => {
  await login(page, web.server.url);
  await openNewFamilyForm(page);
  await fillFamily(page, {
    idKpm: 'P3375010000009',
    noKk: '3375010101200009',
    nik: '33750145078500O1',
    nama: 'Uji NIK Huruf',
  });
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();

  await expect(nikField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(nikField(page)).toHaveAccessibleDescription("NIK hanya boleh berisi angka: karakter ke-15 adalah 'O'.");
  await expect(nikField(page)).toBeFocused();
  expect(countFamilies()).toBe(1);
});

test('a duplicate NIK is refused, links to the existing family and saves nothing', async ({ page }) => {
  await login(page, web.server.url);
  await openNewFamilyForm(page);
  await fillFamily(page, {
    idKpm: 'P3375010000002',
    noKk: '3375010101200002',
    nik: FAMILY.nik,
    nama: 'Keluarga Ganda',
  });
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();

  await expect(nikField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(nikField(page)).toHaveAccessibleDescription(
    /NIK sudah terdaftar sebagai pengurus keluarga SITI NURJANAH UJI/,
  );
  const link = page.getByRole('link', { name: /Buka keluarga SITI NURJANAH UJI/ }).first();
  await expect(link).toBeVisible();
  expect(countFamilies()).toBe(1);

  await link.click();
  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Data KPM' }).click();
  await expect(listCount(page)).toHaveText('1–1 dari 1 KPM');
});

test('warnings show at their fields and the user may save anyway', async ({ page }) => {
  await login(page, web.server.url);
  await openNewFamilyForm(page);
  await fillFamily(page, {
    idKpm: 'P3375010000003',
    noKk: '3375010101200003',
    nik: '3375016302800004',
    nama: 'Warsini Uji',
  });
  // The NIK says 23 February 1980; the typed birth date disagrees.
  await page.getByLabel('Tanggal lahir', { exact: true }).fill('1980-02-24');
  await page.getByRole('button', { name: '+ Tambah anggota' }).click();
  await page.getByRole('textbox', { name: 'Nama anggota 1' }).fill('Bayu Uji');
  await page.getByRole('combobox', { name: 'Hubungan anggota 1' }).selectOption('anak');
  await page.getByLabel('Tanggal lahir anggota 1').fill('2012-01-10');
  await page.getByRole('combobox', { name: 'Komponen anggota 1' }).selectOption('anak_usia_dini');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Periksa peringatan berikut' });
  await expect(alert).toBeVisible();
  await expect(page.getByLabel('Tanggal lahir', { exact: true })).toHaveAccessibleDescription(
    /berbeda dengan tanggal lahir pada NIK/,
  );
  await expect(page.getByRole('combobox', { name: 'Komponen anggota 1' })).toHaveAccessibleDescription(
    /tidak sesuai komponen anak usia dini/,
  );
  expect(countFamilies()).toBe(1);

  await alert.getByRole('button', { name: 'Simpan meskipun ada peringatan' }).click();
  await expect(page.getByRole('heading', { name: 'WARSINI UJI' })).toBeVisible();
  expect(countFamilies()).toBe(2);
});

test('deactivate a family with a reason and date', async ({ page }) => {
  await login(page, web.server.url);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Data KPM' }).click();
  await page.getByRole('link', { name: 'WARSINI UJI' }).click();
  await page.getByRole('button', { name: 'Nonaktifkan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nonaktifkan KPM WARSINI UJI' });
  await dialog.getByRole('textbox', { name: 'Alasan keluar' }).fill('Pindah domisili ke luar kota');
  await dialog.getByLabel('Tanggal keluar').fill('2026-10-01');
  await dialog.getByRole('button', { name: 'Nonaktifkan' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /^Status/ })).toContainText('Keluar');
  await expect(page.getByRole('row', { name: /^Status/ })).toContainText(
    'Pindah domisili ke luar kota · 1 Oktober 2026',
  );
  await expect(page.getByRole('region', { name: 'Riwayat perubahan' })).toContainText(
    'KPM WARSINI UJI dinonaktifkan (keluar): Pindah domisili ke luar kota',
  );
  await expect(page.getByRole('button', { name: 'Nonaktifkan' })).toBeDisabled();
});

function countFamilies(): number {
  return (web.server.db.$client.prepare('SELECT count(*) AS n FROM kpm').get() as { n: number }).n;
}
