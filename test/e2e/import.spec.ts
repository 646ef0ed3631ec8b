import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { badFiles, type Cell, xlsxFile } from '../fixtures/messy-files';
import { choose, login, serveFreshDatabase } from './server';

test.describe.configure({ mode: 'serial' });

const web = serveFreshDatabase({ setup: true });

/**
 * A workbook as a kelurahan office sends it: a notes sheet first, a report title above the header, headers
 * named their own way ("NOMOR PESERTA" is the ID KPM, which the automatic mapping cannot know), a pendamping
 * who is not registered, and one NIK typed with 15 digits. Synthetic people in Kota Pekalongan (3375).
 */
const HEADER = [
  'NO',
  'NOMOR PESERTA',
  'NO. KK',
  'NOMOR NIK',
  'NAMA PENGURUS',
  'TGL LAHIR',
  'KECAMATAN',
  'KELURAHAN',
  'PENDAMPING',
];
const FAMILIES: Cell[][] = [
  [
    1,
    'P3375010000101',
    '3375010101200101',
    '3375014507850001',
    'SITI AMINAH WIDURI',
    '05-07-1985',
    'Pekalongan Barat',
    'Medono',
    'RINA KARTIKA',
  ],
  [
    2,
    'P3375010000102',
    '3375010101200102',
    '3375015203880002',
    'NUR HAYATI',
    '12-03-1988',
    'Pekalongan Barat',
    'Podosugih',
    'RINA KARTIKA',
  ],
  [
    3,
    'P3375020000103',
    '3375020101200103',
    '337502611090003', // 15 digits: refused
    'DEWI LESTARI',
    '21-10-1990',
    'Pekalongan Timur',
    'Kauman',
    'RINA KARTIKA',
  ],
  [
    4,
    'P3375020000104',
    '3375020101200104',
    '3375024404820004',
    'UMI KULSUM',
    '04-04-1982',
    'Pekalongan Timur',
    'Poncol',
    'RINA KARTIKA',
  ],
];
const BAD_ROW = 7; // title, subtitle, blank, header, then families from row 5
const FILE_NAME = 'DATA KPM KELURAHAN 2026.xlsx';
const MAPPING_NAME = 'Format kelurahan Pekalongan';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function workbook(): Promise<Buffer> {
  return xlsxFile([
    { name: 'Petunjuk', rows: [['Isi data mulai baris 5. Jangan ubah judul kolom.']] },
    {
      name: 'Data KPM',
      rows: [['DAFTAR KPM PKH KOTA PEKALONGAN'], ['Keadaan Oktober 2026'], [], HEADER, ...FAMILIES],
      textColumns: [1, 2, 3],
    },
  ]);
}

/** Screenshots for looking at the page (SCREENSHOTS=1 npx playwright test test/e2e/import.spec.ts). */
async function snap(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.waitForTimeout(400); // let modals and notifications finish their transitions
  await page.screenshot({ path: `test-results/screenshots/import-${name}.png` });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });
const fileInput = (page: Page) => page.locator('input[type="file"]');
const countFamilies = () => (web.server.db.$client.prepare('SELECT count(*) AS n FROM kpm').get() as { n: number }).n;

async function openImport(page: Page) {
  await nav(page).getByRole('link', { name: 'Impor Data' }).click();
  await expect(page.getByRole('heading', { name: 'Impor Data' })).toBeVisible();
}

async function searchKpm(page: Page, text: string) {
  await nav(page).getByRole('link', { name: 'Data KPM' }).click();
  await page.getByRole('textbox', { name: 'Cari KPM' }).fill(text);
}

test('unsupported files are refused with the reason, and nothing is read', async ({ page }) => {
  await login(page, web.server.url);
  await openImport(page);
  await snap(page, '0-pilih-berkas');
  const read = page.getByRole('button', { name: 'Baca dan periksa berkas' });
  const alert = page.getByRole('alert').filter({ hasText: 'Berkas tidak dapat dibaca' });

  await fileInput(page).setInputFiles({
    name: 'DATA KPM.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: badFiles.legacyXls(),
  });
  await read.click();
  await expect(alert).toContainText('Berkas ini berformat Excel lama (.xls) yang tidak didukung');
  await expect(alert).toContainText('Simpan Sebagai');
  await snap(page, '0-berkas-xls');

  await fileInput(page).setInputFiles({ name: 'rahasia.xlsx', mimeType: XLSX, buffer: badFiles.passwordProtected() });
  await read.click();
  await expect(alert).toContainText('dilindungi kata sandi');

  await fileInput(page).setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: badFiles.pdf() });
  await read.click();
  await expect(alert).toContainText('Berkas ini PDF, bukan lembar kerja');

  await fileInput(page).setInputFiles({ name: 'kosong.csv', mimeType: 'text/csv', buffer: badFiles.empty() });
  await read.click();
  await expect(alert).toContainText('Berkas kosong');

  // Still on the first step, nothing written.
  await expect(page.getByRole('button', { name: 'Baca dan periksa berkas' })).toBeVisible();
  expect(countFamilies()).toBe(0);
});

test('import a messy workbook: fix the mapping, read the dry run, save, find, undo', async ({ page }) => {
  await login(page, web.server.url);
  await openImport(page);

  // Step 1: the file.
  await fileInput(page).setInputFiles({ name: FILE_NAME, mimeType: XLSX, buffer: await workbook() });
  await page.getByRole('button', { name: 'Baca dan periksa berkas' }).click();

  // Step 2: the right sheet and header row were found; "NOMOR PESERTA" is not recognised.
  const mapping = page.getByRole('table', { name: 'Pemetaan kolom' });
  await expect(mapping).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Lembar (sheet)' })).toHaveValue('Data KPM');
  await expect(page.getByRole('textbox', { name: 'Baris judul kolom' })).toHaveValue('4');
  await expect(page.getByText('Judul kolom di baris 4 (2 baris judul laporan di atasnya dilewati)')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kolom D NOMOR NIK diimpor sebagai' })).toHaveValue('NIK pengurus');
  await expect(page.getByRole('combobox', { name: 'Kolom C NO. KK diimpor sebagai' })).toHaveValue('No. KK');
  const idColumn = page.getByRole('combobox', { name: 'Kolom B NOMOR PESERTA diimpor sebagai' });
  await expect(idColumn).toHaveValue('Tidak diimpor');
  await expect(mapping.getByRole('row', { name: /NOMOR PESERTA/ })).toContainText('P3375010000101');
  // ID KPM may stay empty (DTKS files have none): nothing required is missing.
  const missing = page.getByRole('alert').filter({ hasText: 'Kolom wajib untuk keluarga baru belum dipetakan' });
  await expect(missing).toBeHidden();
  await snap(page, '1-periksa-kolom');

  // The user fixes the mapping by hand and applies it.
  await choose(page, 'Kolom B NOMOR PESERTA diimpor sebagai', 'ID KPM');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(missing).toBeHidden();
  await expect(idColumn).toHaveValue('ID KPM');
  await expect(page.getByText('Kolom diatur sendiri')).toBeVisible();

  await page.getByRole('textbox', { name: 'Nama pemetaan' }).fill(MAPPING_NAME);
  await page.getByRole('button', { name: 'Simpan pemetaan' }).click();
  await expect(page.getByText(`Pemetaan kolom "${MAPPING_NAME}" disimpan.`)).toBeVisible();
  await snap(page, '1-periksa-kolom-diperbaiki');
  await page.getByRole('button', { name: 'Lanjut: laporan uji coba' }).click();

  // Step 3: the dry run.
  await expect(page.getByText('Belum ada data yang disimpan.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'akan ditambah: 3' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'akan diperbarui: 0' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'dilewati: 0' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'baris bermasalah: 1' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Jumlah per jenis masalah' })).toContainText('NIK bukan 16 digit: 1');
  await expect(page.getByRole('group', { name: 'Jumlah per jenis masalah' })).toContainText(
    'Pendamping tidak terdaftar: 3',
  );
  const badRow = page
    .getByRole('table', { name: 'Daftar masalah' })
    .getByRole('row')
    .filter({ hasText: '337502611090003' });
  await expect(badRow.getByRole('cell').first()).toHaveText(String(BAD_ROW));
  await expect(badRow).toContainText('NOMOR NIK');
  await expect(badRow).toContainText('NIK harus 16 digit angka (terisi 15 digit)');
  await expect(badRow).toContainText('Kesalahan');
  expect(countFamilies()).toBe(0);

  // The unknown pendamping is created with the import.
  const createPendamping = page.getByRole('checkbox', { name: 'Buat pendamping baru RINA KARTIKA' });
  await expect(createPendamping).not.toBeChecked();
  await createPendamping.check();
  await expect(createPendamping).toBeChecked();
  await expect(page.getByRole('group', { name: 'Jumlah per jenis masalah' })).not.toContainText('Pendamping');
  await snap(page, '2-laporan-uji-coba');

  // Leaving the page and coming back keeps the report and the choices.
  await nav(page).getByRole('link', { name: 'Beranda' }).click();
  await openImport(page);
  await expect(page.getByRole('group', { name: 'akan ditambah: 3' })).toBeVisible();
  await expect(createPendamping).toBeChecked();

  // The problem rows as a workbook to fix and import again.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh baris bermasalah (.xlsx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');

  // Step 4: save, after a confirmation that states the counts.
  await page.getByRole('button', { name: 'Simpan ke database' }).click();
  const dialog = page.getByRole('dialog', { name: 'Simpan hasil impor ke database?' });
  await expect(dialog).toContainText('3 KPM baru ditambahkan');
  await expect(dialog).toContainText('0 KPM terdaftar diperbarui');
  await expect(dialog).toContainText('1 pendamping baru dibuat');
  await expect(dialog).toContainText('0 dilewati dan 1 baris bermasalah tidak diimpor');
  await snap(page, '3-konfirmasi');
  await dialog.getByRole('button', { name: 'Ya, simpan' }).click();

  const done = page.getByRole('status').filter({ hasText: 'Impor selesai' });
  await expect(done).toContainText('Impor #1 tersimpan: 3 KPM ditambah, 0 diperbarui.');
  await snap(page, '4-selesai');
  expect(countFamilies()).toBe(3);

  // The family is in Data KPM, found by part of its name, with its new pendamping.
  await page.getByRole('link', { name: 'Buka Data KPM' }).click();
  await page.getByRole('textbox', { name: 'Cari KPM' }).fill('aminah wid');
  await expect(page.getByTestId('kpm-count')).toHaveText('1–1 dari 1 KPM');
  await expect(page.getByRole('row', { name: /SITI AMINAH WIDURI/ })).toContainText('RINA KARTIKA');
  await page.getByRole('textbox', { name: 'Cari KPM' }).fill('dewi lestari');
  await expect(page.getByTestId('kpm-count')).toHaveText('Tidak ada KPM yang cocok');

  // History: undo the import behind a confirmation.
  await openImport(page);
  await page.getByRole('tab', { name: 'Riwayat impor' }).click();
  const batch = page.getByRole('table', { name: 'Riwayat impor' }).getByRole('row', { name: /#1/ });
  await expect(batch).toContainText(FILE_NAME);
  await expect(batch).toContainText('Tersimpan');
  await expect(batch.getByRole('cell').nth(4)).toHaveText('3');
  await snap(page, '5-riwayat');
  await batch.getByRole('button', { name: 'Batalkan impor #1' }).click();
  const undo = page.getByRole('dialog', { name: 'Batalkan impor #1?' });
  await expect(undo).toContainText('3 KPM yang ditambahkan impor ini dihapus');
  await expect(undo).toContainText('1 pendamping yang dibuat impor ini dihapus');
  await undo.getByRole('button', { name: 'Ya, batalkan impor' }).click();
  await expect(
    page.getByText('Impor #1 dibatalkan: 3 KPM dihapus, 0 dikembalikan. 1 pendamping baru ikut dihapus.'),
  ).toBeVisible();
  await expect(batch).toContainText('Dibatalkan');
  await expect(batch.getByRole('button', { name: 'Batalkan impor #1' })).toHaveCount(0);
  expect(countFamilies()).toBe(0);

  await searchKpm(page, 'aminah wid');
  await expect(page.getByTestId('kpm-count')).toHaveText('Tidak ada KPM yang cocok');
});

test('a saved mapping reads the next file; undo is refused once a family was changed', async ({ page, context }) => {
  await login(page, web.server.url);
  await openImport(page);
  await fileInput(page).setInputFiles({ name: FILE_NAME, mimeType: XLSX, buffer: await workbook() });
  await choose(page, 'Pemetaan kolom tersimpan (boleh dikosongkan)', MAPPING_NAME, 'kelurahan');
  await page.getByRole('button', { name: 'Baca dan periksa berkas' }).click();

  await expect(page.getByText(`Kolom dari pemetaan tersimpan: ${MAPPING_NAME}`)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kolom B NOMOR PESERTA diimpor sebagai' })).toHaveValue('ID KPM');
  await page.getByRole('button', { name: 'Lanjut: laporan uji coba' }).click();
  // The pendamping created by the first import went with its undo (no family used it any more): unknown again.
  await expect(page.getByRole('group', { name: 'akan ditambah: 3' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Buat pendamping baru RINA KARTIKA' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Simpan ke database' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Impor selesai' })).toContainText('Impor #2 tersimpan');

  // The user opens the undo question...
  await page.getByRole('button', { name: 'Lihat riwayat impor' }).click();
  await page.getByRole('button', { name: 'Batalkan impor #2' }).click();
  const undo = page.getByRole('dialog', { name: 'Batalkan impor #2?' });
  await expect(undo).toBeVisible();

  // ...while a colleague corrects one of the imported families in another window.
  const colleague = await context.newPage();
  await login(colleague, web.server.url);
  await searchKpm(colleague, 'nur hayati');
  await colleague.getByRole('link', { name: 'NUR HAYATI' }).click();
  await colleague.getByRole('link', { name: 'Ubah' }).click();
  await colleague.getByRole('textbox', { name: 'Alamat' }).fill('Jl. Kurinci Gg. 2 No. 7');
  await colleague.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(colleague.getByRole('heading', { name: 'NUR HAYATI' })).toBeVisible();
  await colleague.close();

  // The server refuses and says why; nothing is removed.
  await undo.getByRole('button', { name: 'Ya, batalkan impor' }).click();
  const refusal = undo.getByRole('alert');
  await expect(refusal).toContainText('Impor tidak dapat dibatalkan');
  await expect(refusal).toContainText('sudah diubah setelah impor (contoh: NUR HAYATI');
  await snap(page, '6-batal-ditolak');
  await undo.getByRole('button', { name: 'Tutup' }).click();
  await expect(undo).toBeHidden();
  expect(countFamilies()).toBe(3);

  // The list says the same, and no longer offers the undo.
  const batch = page.getByRole('table', { name: 'Riwayat impor' }).getByRole('row', { name: /#2/ });
  await expect(batch).toContainText('Tidak dapat dibatalkan: 1 keluarga dari impor ini sudah diubah setelah impor');
  await expect(batch.getByRole('button', { name: 'Batalkan impor #2' })).toBeDisabled();
  await snap(page, '6-riwayat-terkunci');
});

test('a registered family that differs is skipped until chosen; a close region name is accepted once', async ({
  page,
}) => {
  const db = web.server.db.$client;
  const podosugih = db.prepare("SELECT code FROM regions WHERE level = 'village' AND name = 'Podosugih'").pluck().get();
  const bytes = Buffer.from(
    [
      'ID KPM;NO. KK;NOMOR NIK;NAMA PENGURUS;TGL LAHIR;KECAMATAN;KELURAHAN',
      // Registered by the previous test in Medono: the file says Podosugih.
      'P3375010000101;3375010101200101;3375014507850001;SITI AMINAH WIDURI;05-07-1985;Pekalongan Barat;Podosugih',
      // A new family whose kelurahan is misspelt.
      'P3375010000105;3375010101200105;3375015507950005;LAILA SARI;15-07-1995;Pekalongan Barat;Podosugi',
    ].join('\r\n'),
  );
  await login(page, web.server.url);
  await openImport(page);
  await fileInput(page).setInputFiles({ name: 'perubahan.csv', mimeType: 'text/csv', buffer: bytes });
  await page.getByRole('button', { name: 'Baca dan periksa berkas' }).click();
  await page.getByRole('button', { name: 'Lanjut: laporan uji coba' }).click();

  await expect(page.getByRole('group', { name: 'akan ditambah: 0' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'akan diperbarui: 0' })).toBeVisible();
  const suggestions = page.getByRole('table', { name: 'Saran nama wilayah' });
  await expect(suggestions).toContainText('Podosugi');
  await suggestions.getByRole('button', { name: 'Terima saran PODOSUGIH untuk Podosugi' }).click();
  await expect(page.getByRole('group', { name: 'akan ditambah: 1' })).toBeVisible();
  await expect(suggestions).toContainText('Diterima');

  // The difference is shown with both values; "Perbarui semua" takes the file's.
  const row = page.getByRole('table', { name: 'Daftar data ganda' }).getByRole('row', { name: /SITI AMINAH WIDURI/ });
  await expect(row.getByLabel('desa/kelurahan: MEDONO menjadi PODOSUGIH')).toBeVisible();
  await expect(page.getByRole('group', { name: 'akan diperbarui: 0' })).toBeVisible();
  await snap(page, '7-perbedaan-dan-saran');
  await page.getByText('Perbarui semua').click();
  await expect(page.getByRole('group', { name: 'akan diperbarui: 1' })).toBeVisible();

  await page.getByRole('button', { name: 'Simpan ke database' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Impor selesai' })).toContainText(
    '1 KPM ditambah, 1 diperbarui',
  );
  const villageOf = (nik: string) => db.prepare('SELECT village_code FROM kpm WHERE nik = ?').pluck().get(nik);
  expect(villageOf('3375014507850001')).toBe(podosugih);
  expect(villageOf('3375015507950005')).toBe(podosugih);
});
