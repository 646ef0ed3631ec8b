import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { saveMapping } from '../../main/services/import/mapping';
import { badFiles, type Cell, xlsxFile } from '../fixtures/messy-files';
import { ImportWizard } from '../support/pages/import-wizard';
import { countRows, expect, login, navigate, registerFamily, test, type WebServer } from '../support/web';

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

const countFamilies = (web: WebServer) => countRows(web, 'kpm');

async function searchKpm(page: Page, text: string) {
  await navigate(page, 'Data KPM');
  await page.getByRole('textbox', { name: 'Cari KPM' }).fill(text);
}

test('unsupported files are refused with the reason, and nothing is read', async ({ page, web }) => {
  await login(page, web.url);
  const wizard = await ImportWizard.open(page);
  await snap(page, '0-pilih-berkas');
  const alert = wizard.fileRefusal;

  await wizard.chooseFile('DATA KPM.xls', badFiles.legacyXls(), 'application/vnd.ms-excel');
  await wizard.read();
  await expect(alert).toContainText('Berkas ini berformat Excel lama (.xls) yang tidak didukung');
  await expect(alert).toContainText('Simpan Sebagai');
  await snap(page, '0-berkas-xls');

  await wizard.chooseFile('rahasia.xlsx', badFiles.passwordProtected());
  await wizard.read();
  await expect(alert).toContainText('dilindungi kata sandi');

  await wizard.chooseFile('surat.pdf', badFiles.pdf(), 'application/pdf');
  await wizard.read();
  await expect(alert).toContainText('Berkas ini PDF, bukan lembar kerja');

  await wizard.chooseFile('kosong.csv', badFiles.empty(), 'text/csv');
  await wizard.read();
  await expect(alert).toContainText('Berkas kosong');

  // Still on the first step, nothing written.
  await expect(wizard.readButton).toBeVisible();
  expect(countFamilies(web)).toBe(0);
});

test('import a messy workbook: fix the mapping, read the dry run, save, find, undo', async ({ page, web }) => {
  await login(page, web.url);
  const wizard = await ImportWizard.open(page);

  // Step 1: the file. A new family needs no ID KPM, and the help says so.
  await expect(page.getByText('Keluarga baru wajib punya NIK dan nama pengurus')).toContainText('ID KPM boleh kosong');
  await wizard.chooseFile(FILE_NAME, await workbook());
  await wizard.read();

  // Step 2: the right sheet and header row were found; "NOMOR PESERTA" is not recognised.
  await expect(wizard.mappingTable).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Lembar (sheet)' })).toHaveValue('Data KPM');
  await expect(page.getByRole('textbox', { name: 'Baris judul kolom' })).toHaveValue('4');
  await expect(page.getByText('Judul kolom di baris 4 (2 baris judul laporan di atasnya dilewati)')).toBeVisible();
  await expect(wizard.column('D', 'NOMOR NIK')).toHaveValue('NIK pengurus');
  await expect(wizard.column('C', 'NO. KK')).toHaveValue('No. KK');
  const idColumn = wizard.column('B', 'NOMOR PESERTA');
  await expect(idColumn).toHaveValue('Tidak diimpor');
  await expect(wizard.mappingTable.getByRole('row', { name: /NOMOR PESERTA/ })).toContainText('P3375010000101');
  // ID KPM may stay empty (DTKS files have none): nothing required is missing.
  const missing = page.getByRole('alert').filter({ hasText: 'Kolom wajib untuk keluarga baru belum dipetakan' });
  await expect(missing).toBeHidden();
  await snap(page, '1-periksa-kolom');

  // The user fixes the mapping by hand and applies it.
  await wizard.mapColumn('B', 'NOMOR PESERTA', 'ID KPM');
  await wizard.applyMapping();
  await expect(missing).toBeHidden();
  await expect(idColumn).toHaveValue('ID KPM');
  await expect(page.getByText('Kolom diatur sendiri')).toBeVisible();

  await wizard.saveMapping(MAPPING_NAME);
  await expect(page.getByText(`Pemetaan kolom "${MAPPING_NAME}" disimpan.`)).toBeVisible();
  await snap(page, '1-periksa-kolom-diperbaiki');
  await wizard.toReport();

  // Step 3: the dry run.
  await expect(page.getByText('Belum ada data yang disimpan.')).toBeVisible();
  await expect(wizard.count('akan ditambah', 3)).toBeVisible();
  await expect(wizard.count('akan diperbarui', 0)).toBeVisible();
  await expect(wizard.count('dilewati', 0)).toBeVisible();
  await expect(wizard.count('baris bermasalah', 1)).toBeVisible();
  await expect(wizard.problemCounts).toContainText('NIK bukan 16 digit: 1');
  await expect(wizard.problemCounts).toContainText('Pendamping tidak terdaftar: 3');
  const badRow = wizard.problem('337502611090003');
  await expect(badRow.getByRole('cell').first()).toHaveText(String(BAD_ROW));
  await expect(badRow).toContainText('NOMOR NIK');
  await expect(badRow).toContainText('NIK harus 16 digit angka (terisi 15 digit)');
  await expect(badRow).toContainText('Kesalahan');
  // Each severity badge shows its whole word ("Peringatan" was cut to "Peringat…").
  for (const word of ['Kesalahan', 'Peringatan']) {
    const label = page.locator('.mantine-Badge-label', { hasText: word }).first();
    await expect(label).toHaveText(word);
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  expect(countFamilies(web)).toBe(0);

  // The unknown pendamping is created with the import.
  const createPendamping = wizard.createPendamping('RINA KARTIKA');
  await expect(createPendamping).not.toBeChecked();
  await createPendamping.check();
  await expect(createPendamping).toBeChecked();
  await expect(wizard.problemCounts).not.toContainText('Pendamping');
  await snap(page, '2-laporan-uji-coba');

  // Leaving the page and coming back keeps the report and the choices.
  await navigate(page, 'Beranda');
  await ImportWizard.open(page);
  await expect(wizard.count('akan ditambah', 3)).toBeVisible();
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
  const dialog = await wizard.askToSave();
  await expect(dialog).toContainText('3 KPM baru ditambahkan');
  await expect(dialog).toContainText('0 KPM terdaftar diperbarui');
  await expect(dialog).toContainText('1 pendamping baru dibuat');
  await expect(dialog).toContainText('0 dilewati dan 1 baris bermasalah tidak diimpor');
  await snap(page, '3-konfirmasi');
  await wizard.confirmSave(dialog);

  await expect(wizard.done).toContainText('Impor #1 tersimpan: 3 KPM ditambah, 0 diperbarui.');
  await snap(page, '4-selesai');
  expect(countFamilies(web)).toBe(3);

  // The family is in Data KPM, found by part of its name, with its new pendamping.
  await page.getByRole('link', { name: 'Buka Data KPM' }).click();
  await page.getByRole('textbox', { name: 'Cari KPM' }).fill('aminah wid');
  await expect(page.getByTestId('kpm-count')).toHaveText('1–1 dari 1 KPM');
  await expect(page.getByRole('row', { name: /SITI AMINAH WIDURI/ })).toContainText('RINA KARTIKA');
  await page.getByRole('textbox', { name: 'Cari KPM' }).fill('dewi lestari');
  await expect(page.getByTestId('kpm-count')).toHaveText('Tidak ada KPM yang cocok');

  // History: undo the import behind a confirmation.
  await ImportWizard.open(page);
  await wizard.openHistory();
  const batch = wizard.batch(1);
  await expect(batch).toContainText(FILE_NAME);
  await expect(batch).toContainText('Tersimpan');
  await expect(batch.getByRole('cell').nth(4)).toHaveText('3');
  await snap(page, '5-riwayat');
  const undo = await wizard.askToUndo(1);
  await expect(undo).toContainText('3 KPM yang ditambahkan impor ini dihapus');
  await expect(undo).toContainText('1 pendamping yang dibuat impor ini dihapus');
  await undo.getByRole('button', { name: 'Ya, batalkan impor' }).click();
  await expect(
    page.getByText('Impor #1 dibatalkan: 3 KPM dihapus, 0 dikembalikan. 1 pendamping baru ikut dihapus.'),
  ).toBeVisible();
  await expect(batch).toContainText('Dibatalkan');
  await expect(batch.getByRole('button', { name: 'Batalkan impor #1' })).toHaveCount(0);
  expect(countFamilies(web)).toBe(0);

  await searchKpm(page, 'aminah wid');
  await expect(page.getByTestId('kpm-count')).toHaveText('Tidak ada KPM yang cocok');
});

test('a saved mapping reads the next file; undo is refused once a family was changed', async ({
  page,
  context,
  web,
}) => {
  // The mapping a colleague saved for this office's files (as the previous test does through the wizard).
  saveMapping(web.db, SYSTEM_ACTOR, MAPPING_NAME, {
    idKpm: 'NOMOR PESERTA',
    noKk: 'NO. KK',
    nik: 'NOMOR NIK',
    nama: 'NAMA PENGURUS',
    tanggalLahir: 'TGL LAHIR',
    kecamatan: 'KECAMATAN',
    desa: 'KELURAHAN',
    pendamping: 'PENDAMPING',
  });
  await login(page, web.url);
  const wizard = await ImportWizard.open(page);
  await wizard.chooseFile(FILE_NAME, await workbook());
  await wizard.useSavedMapping(MAPPING_NAME, 'kelurahan');
  await wizard.read();

  await expect(page.getByText(`Kolom dari pemetaan tersimpan: ${MAPPING_NAME}`)).toBeVisible();
  await expect(wizard.column('B', 'NOMOR PESERTA')).toHaveValue('ID KPM');
  await wizard.toReport();
  await expect(wizard.count('akan ditambah', 3)).toBeVisible();
  await expect(wizard.createPendamping('RINA KARTIKA')).toHaveCount(1);
  await wizard.confirmSave(await wizard.askToSave());
  await expect(wizard.done).toContainText('Impor #1 tersimpan');

  // The user opens the undo question...
  await page.getByRole('button', { name: 'Lihat riwayat impor' }).click();
  const undo = await wizard.askToUndo(1);

  // ...while a colleague corrects one of the imported families in another window.
  const colleague = await context.newPage();
  await login(colleague, web.url);
  await searchKpm(colleague, 'nur hayati');
  // The search applies after a pause in typing; a click before it would be undone by it.
  await expect(colleague.getByTestId('kpm-count')).toHaveText('1–1 dari 1 KPM');
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
  await undo.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(undo).toBeHidden();
  expect(countFamilies(web)).toBe(3);

  // The list says the same, and no longer offers the undo.
  const batch = wizard.batch(1);
  await expect(batch).toContainText('Tidak dapat dibatalkan: 1 keluarga dari impor ini sudah diubah setelah impor');
  await expect(batch.getByRole('button', { name: 'Batalkan impor #1' })).toBeDisabled();
  await snap(page, '6-riwayat-terkunci');
});

test('a registered family that differs is skipped until chosen; a close region name is accepted once', async ({
  page,
  web,
}) => {
  // Registered earlier in Medono: the file says Podosugih.
  registerFamily(web, {
    idKpm: 'P3375010000101',
    noKk: '3375010101200101',
    nik: '3375014507850001',
    nama: 'SITI AMINAH WIDURI',
    tanggalLahir: '1985-07-05',
    jenisKelamin: 'P',
    districtCode: '337501',
    villageCode: '3375011002', // Medono
  });
  const db = web.db.$client;
  const podosugih = db.prepare("SELECT code FROM regions WHERE level = 'village' AND name = 'Podosugih'").pluck().get();
  const bytes = Buffer.from(
    [
      'ID KPM;NO. KK;NOMOR NIK;NAMA PENGURUS;TGL LAHIR;KECAMATAN;KELURAHAN',
      'P3375010000101;3375010101200101;3375014507850001;SITI AMINAH WIDURI;05-07-1985;Pekalongan Barat;Podosugih',
      // A new family whose kelurahan is misspelt.
      'P3375010000105;3375010101200105;3375015507950005;LAILA SARI;15-07-1995;Pekalongan Barat;Podosugi',
    ].join('\r\n'),
  );
  await login(page, web.url);
  const wizard = await ImportWizard.open(page);
  await wizard.chooseFile('perubahan.csv', bytes, 'text/csv');
  await wizard.read();
  await wizard.toReport();

  await expect(wizard.count('akan ditambah', 0)).toBeVisible();
  await expect(wizard.count('akan diperbarui', 0)).toBeVisible();
  const suggestions = page.getByRole('table', { name: 'Saran nama wilayah' });
  await expect(suggestions).toContainText('Podosugi');
  await suggestions.getByRole('button', { name: 'Terima saran PODOSUGIH untuk Podosugi' }).click();
  await expect(wizard.count('akan ditambah', 1)).toBeVisible();
  await expect(suggestions).toContainText('Diterima');

  // The difference is shown with both values; "Perbarui semua" takes the file's.
  const row = page.getByRole('table', { name: 'Daftar data ganda' }).getByRole('row', { name: /SITI AMINAH WIDURI/ });
  await expect(row.getByLabel('desa/kelurahan: MEDONO menjadi PODOSUGIH')).toBeVisible();
  await expect(wizard.count('akan diperbarui', 0)).toBeVisible();
  await snap(page, '7-perbedaan-dan-saran');
  await page.getByText('Perbarui semua').click();
  await expect(wizard.count('akan diperbarui', 1)).toBeVisible();

  await wizard.confirmSave(await wizard.askToSave());
  await expect(wizard.done).toContainText('1 KPM ditambah, 1 diperbarui');
  const villageOf = (nik: string) => db.prepare('SELECT village_code FROM kpm WHERE nik = ?').pluck().get(nik);
  expect(villageOf('3375014507850001')).toBe(podosugih);
  expect(villageOf('3375015507950005')).toBe(podosugih);
});

test('a SIKS-NG export: snake_case headers, sex as 2, kecamatan and desa as codes under headers of its own', async ({
  page,
  web,
}) => {
  const bytes = Buffer.from(
    [
      'NO_KK;NIK;NAMA_PENGURUS;TGL_LAHIR;JENIS_KELAMIN;KD_WIL_KEC;KD_WIL',
      '3375010101200101;3375014507850001;SITI AMINAH WIDURI;05-07-1985;2;33.75.01;33.75.01.1002',
      '3375010101200102;3375015203880002;NUR HAYATI;12-03-1988;PEREMPUAN;337501;3375011002',
      // A kecamatan of another kabupaten.
      '3528010101200103;3528016110900003;DEWI LESTARI;21-10-1990;P;35.28.01;35.28.01.2001',
    ].join('\r\n'),
  );
  await login(page, web.url);
  const wizard = await ImportWizard.open(page);
  await wizard.chooseFile('siks-ng.csv', bytes, 'text/csv');
  await wizard.read();

  // The headers are the systems' own, the region columns are recognised from what they hold.
  await expect(wizard.column('A', 'NO_KK')).toHaveValue('No. KK');
  await expect(wizard.column('C', 'NAMA_PENGURUS')).toHaveValue('Nama pengurus');
  await expect(wizard.column('E', 'JENIS_KELAMIN')).toHaveValue('Jenis kelamin');
  await expect(wizard.column('F', 'KD_WIL_KEC')).toHaveValue('Kecamatan');
  await expect(wizard.column('G', 'KD_WIL')).toHaveValue('Desa/kelurahan');
  const codes = wizard.mappingTable.getByRole('row', { name: /KD_WIL_KEC/ });
  await expect(codes).toContainText('Berisi kode kecamatan Kemendagri');
  await expect(codes).toContainText('33.75.01');
  await expect(wizard.mappingTable.getByRole('row', { name: /KD_WIL\b(?!_)/ })).toContainText(
    'Berisi kode desa/kelurahan Kemendagri',
  );
  await snap(page, '8-kode-wilayah');

  await wizard.toReport();
  await expect(wizard.count('akan ditambah', 2)).toBeVisible();
  const outside = wizard.problem('35.28.01');
  await expect(outside.getByRole('cell').first()).toHaveText('4');
  await expect(outside).toContainText(
    'Kode kecamatan 35.28.01 termasuk wilayah KABUPATEN PAMEKASAN, bukan KOTA PEKALONGAN',
  );
  await wizard.confirmSave(await wizard.askToSave());
  await expect(wizard.done).toContainText('2 KPM ditambah');
  const placeOf = (nik: string) =>
    web.db.$client.prepare('SELECT district_code AS d, village_code AS v FROM kpm WHERE nik = ?').get(nik);
  expect(placeOf('3375015203880002')).toEqual({ d: '337501', v: '3375011002' });
});
