/**
 * Exports in Chromium: the approved graduations for the ministry in two clicks, and the proposal list with each
 * family's status; an office copy of a template with a
 * header renamed, a column removed and one moved by keyboard, filtered to one kecamatan and downloaded (the xlsx read
 * back with ExcelJS: headers, NIK as a text cell); a role that may not see full NIKs only gets masked ones (CSV read
 * back as text); the administrator's Log ekspor lists every file (exports, the register, a letter) with its kind in
 * words, rows, NIK mode and hash.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { insertUser } from '../../main/services/auth';
import { issueFamilyDocument } from '../../main/services/documents/issue';
import { updateSecuritySettings } from '../../main/services/security-settings';
import { decideGraduations } from '../support/graduation';
import { choose, expect, login, navigate, registerFamily, test, type WebServer } from '../support/web';
import { readWorkbook } from '../support/xlsx-read';

const YEAR = new Date().getFullYear();
const FAMILIES = [
  {
    idKpm: 'P-EKS-1',
    nik: '3375014101800031',
    noKk: '3375010101200031',
    nama: 'SITI AMINAH',
    districtCode: '337501',
    villageCode: '3375011002',
  },
  {
    idKpm: 'P-EKS-2',
    nik: '3375014202810032',
    noKk: '3375010101200032',
    nama: 'DEWI LESTARI',
    districtCode: '337501',
    villageCode: '3375011002',
  },
  {
    idKpm: 'P-EKS-3',
    nik: '3375024303820033',
    noKk: '3375020101200033',
    nama: 'ENDANG SUSILOWATI',
    districtCode: '337502',
    villageCode: '3375021002',
  },
];
const PIMPINAN = { username: 'pimpinan1', fullName: 'Bambang Sutrisno', password: 'rahasia123' };

const REJECTED = {
  idKpm: 'P-EKS-4',
  nik: '3375014404830034',
  noKk: '3375010101200034',
  nama: 'RATNA SARI',
  districtCode: '337501',
  villageCode: '3375011002',
};

/** The three families graduated by one decision early this year; with `rejected`, the same decision rejects a fourth. */
function graduateAll(web: WebServer, options: { rejected?: boolean } = {}): number[] {
  const kpmIds = FAMILIES.map((f) => registerFamily(web, { ...f, alamat: 'Jl. Ekspor No. 3' }));
  const rejectedKpmIds = options.rejected ? [registerFamily(web, { ...REJECTED, alamat: 'Jl. Ekspor No. 4' })] : [];
  decideGraduations(web.db, { kpmIds, skDate: `${YEAR}-01-20`, rejectedKpmIds });
  return kpmIds;
}

async function shot(page: Page, name: string) {
  // From the top: a full-page shot taken scrolled down draws the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

const templatePicker = (page: Page) =>
  page.getByRole('textbox', { name: 'Templat' }).or(page.getByRole('combobox', { name: 'Templat' }));

const regionName = (web: WebServer, code: string) =>
  (web.db.$client.prepare('SELECT name FROM regions WHERE code = ?').get(code) as { name: string }).name;

/** Clicks "Unduh" and returns the saved file's path. */
async function download(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh' }).click(),
  ]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** The first sheet as text rows (cell values as ExcelJS reads them), plus the NIK cell's own type. */
async function readXlsx(path: string) {
  const workbook = await readWorkbook(readFileSync(path));
  const sheet = workbook.worksheets[0];
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return { sheet, rows };
}

const exportLog = (web: WebServer) =>
  web.db.$client
    .prepare('SELECT username, template_name, rows, nik_mode, format, sha256, file_name FROM export_log ORDER BY id')
    .all() as {
    username: string;
    template_name: string;
    rows: number;
    nik_mode: string;
    format: string;
    sha256: string;
    file_name: string;
  }[];

test('the approved graduations download in two clicks, with full NIKs as text cells; the proposal list has every status', async ({
  page,
  web,
}) => {
  test.setTimeout(90_000);
  graduateAll(web, { rejected: true });
  await login(page, web.url);
  await navigate(page, 'Ekspor data');
  await expect(templatePicker(page)).toHaveValue('Penetapan graduasi (bawaan)');
  // The rejected family is not in the file for upload.
  await expect(page.getByText('Jumlah baris: 3')).toBeVisible();
  await shot(page, 'ekspor-bawaan');

  const { rows, sheet } = await readXlsx(await download(page));
  await expect(page.getByText(/3 baris diekspor ke/)).toBeVisible();
  expect(rows[0]).toEqual(
    expect.arrayContaining(['NO', 'NIK', 'NO KK', 'STATUS', 'NOMOR SK', 'TANGGAL SK', 'DESA/KELURAHAN']),
  );
  const nikColumn = rows[0].indexOf('NIK') + 1;
  const niks = [2, 3, 4].map((r) => sheet.getRow(r).getCell(nikColumn));
  expect(niks.map((c) => c.value).sort()).toEqual(FAMILIES.map((f) => f.nik).sort());
  for (const cell of niks) expect(cell.type).toBe(ExcelJS.ValueType.String);
  expect(rows.slice(1).map((r) => r[rows[0].indexOf('STATUS')])).toEqual(['Disetujui', 'Disetujui', 'Disetujui']);

  await choose(page, 'Templat', 'Usulan graduasi (bawaan)');
  await expect(page.getByText('Jumlah baris: 4')).toBeVisible();
  await expect(page.getByText('Status usulan', { exact: true })).toBeVisible();
  const proposed = await readXlsx(await download(page));
  const header = proposed.rows[0];
  const rejected = proposed.rows.find((r) => r[header.indexOf('NIK')] === REJECTED.nik) ?? [];
  expect(rejected[header.indexOf('STATUS')]).toBe('Ditolak');
  expect(rejected[header.indexOf('NOMOR SK')] ?? null).toBeNull();

  expect(exportLog(web)).toEqual([
    expect.objectContaining({ username: 'admin', template_name: 'Penetapan graduasi', rows: 3, nik_mode: 'full' }),
    expect.objectContaining({ template_name: 'Usulan graduasi', rows: 4, format: 'xlsx' }),
  ]);
});

test('an office copy: rename a header, remove and move columns, filter, export, then delete it', async ({
  page,
  web,
}) => {
  test.setTimeout(90_000);
  graduateAll(web);
  await login(page, web.url);
  await navigate(page, 'Ekspor data');
  await expect(page.getByText('Jumlah baris: 3')).toBeVisible();

  await page.getByRole('button', { name: 'Salin templat' }).click();
  const dialog = page.getByRole('dialog', { name: 'Salin templat' });
  await dialog.getByRole('textbox', { name: 'Nama templat baru' }).fill('Kemensos per kecamatan');
  await dialog.getByRole('button', { name: 'Salin' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Templat kantor')).toBeVisible();
  await expect(templatePicker(page)).toHaveValue('Kemensos per kecamatan');

  const columns = page.getByRole('table', { name: 'Kolom berkas' });
  await columns.getByRole('button', { name: 'Hapus kolom ID DTKS' }).click();
  const nama = columns.getByRole('textbox', { name: 'Judul kolom NAMA PENGURUS' });
  await nama.fill('NAMA KEPALA KELUARGA');
  // Reordering works from the keyboard: focus the arrow and press Enter.
  await columns.getByRole('button', { name: 'Naikkan kolom NAMA PENGURUS' }).focus();
  await page.keyboard.press('Enter');
  await choose(page, 'Kecamatan', regionName(web, '337501'));
  await expect(page.getByText('Jumlah baris: 2')).toBeVisible();
  await page.getByRole('textbox', { name: 'Baris judul (opsional)' }).fill('Daftar graduasi PKH');
  await shot(page, 'ekspor-salinan-diubah');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Templat "Kemensos per kecamatan" disimpan.')).toBeVisible();

  const saved = web.db.$client.prepare('SELECT columns, filters, title_row FROM export_templates').get() as {
    columns: string;
    filters: string;
    title_row: string;
  };
  const savedColumns = JSON.parse(saved.columns) as { key: string; header: string }[];
  expect(savedColumns.map((c) => c.key)).not.toContain('idDtks');
  expect(savedColumns.find((c) => c.key === 'nama')?.header).toBe('NAMA KEPALA KELUARGA');
  expect(JSON.parse(saved.filters)).toEqual({ outcome: ['disetujui'], kecamatanCode: '337501' });

  const { rows, sheet } = await readXlsx(await download(page));
  expect(rows[0]).toEqual(['Daftar graduasi PKH']);
  const header = rows[1];
  expect(header).not.toContain('ID DTKS');
  expect(header.indexOf('NAMA KEPALA KELUARGA')).toBe(savedColumns.findIndex((c) => c.key === 'nama'));
  expect(header.indexOf('NAMA KEPALA KELUARGA')).toBeLessThan(header.indexOf('NO KK'));
  expect(sheet.rowCount).toBe(4);
  const nikCell = sheet.getRow(3).getCell(header.indexOf('NIK') + 1);
  expect(nikCell.type).toBe(ExcelJS.ValueType.String);
  expect([FAMILIES[0].nik, FAMILIES[1].nik]).toContain(nikCell.value);

  await page.getByRole('button', { name: 'Hapus templat' }).click();
  await page.getByRole('dialog', { name: 'Hapus templat' }).getByRole('button', { name: 'Hapus templat' }).click();
  await expect(page.getByText('Templat "Kemensos per kecamatan" dihapus.')).toBeVisible();
  await expect(page.getByText('Templat bawaan', { exact: true })).toBeVisible();
  await expect(templatePicker(page)).toHaveValue('Penetapan graduasi (bawaan)');
  expect(web.db.$client.prepare('SELECT count(*) AS n FROM export_templates').get()).toEqual({ n: 0 });
  expect(exportLog(web)).toEqual([expect.objectContaining({ template_name: 'Kemensos per kecamatan', rows: 2 })]);
});

test('a role that may not see full NIKs exports them masked; the log shows every file in words', async ({
  page,
  browser,
  web,
}) => {
  test.setTimeout(120_000);
  const kpmIds = graduateAll(web);
  // A letter is a file with the family's NIK too: issued here by the system, it is in the log.
  await issueFamilyDocument(web.db, SYSTEM_ACTOR, { kind: 'piagam', kpmId: kpmIds[0] });
  updateSecuritySettings(web.db, SYSTEM_ACTOR, { sessionIdleMinutes: 30, fullNikRoles: ['admin'] });
  insertUser(web.db, SYSTEM_ACTOR, { ...PIMPINAN, role: 'pimpinan' });

  const chief = await (await browser.newContext()).newPage();
  await login(chief, web.url, PIMPINAN.username, PIMPINAN.password);
  await navigate(chief, 'Ekspor data');
  await expect(chief.getByText('Jumlah baris: 3')).toBeVisible();
  await expect(chief.getByRole('radio', { name: /^Lengkap/ })).toHaveCount(0);
  await expect(chief.getByRole('radio', { name: /^Disamarkan/ })).toBeChecked();
  await expect(chief.getByText(/peran Pimpinan tidak melihat NIK lengkap/)).toBeVisible();
  await expect(chief.getByRole('button', { name: 'Salin templat' })).toHaveCount(0);
  await chief.getByRole('radio', { name: 'CSV dengan titik koma (;) — Excel Indonesia' }).check();
  await shot(chief, 'ekspor-disamarkan');
  const csv = readFileSync(await download(chief), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('3375********0031');
  for (const f of FAMILIES) expect(csv).not.toContain(f.nik);
  expect(csv.split(/\r?\n/)[0]).toContain(';NIK;');

  await login(page, web.url);
  await navigate(page, 'Ekspor data');
  await expect(page.getByText('Jumlah baris: 3')).toBeVisible();
  await download(page);
  await navigate(page, 'Agenda surat');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Excel' }).click()]);
  await navigate(page, 'Log ekspor');
  const table = page.getByRole('table', { name: 'Log ekspor' });
  await expect(table.getByRole('row')).toHaveCount(5);
  const chiefRow = table.getByRole('row').filter({ hasText: PIMPINAN.username });
  await expect(chiefRow).toContainText('Disamarkan');
  await expect(chiefRow).toContainText('CSV ;');
  const adminExport = table.getByRole('row').filter({ hasText: 'Penetapan graduasi' }).filter({ hasText: 'admin' });
  await expect(adminExport).toContainText('Lengkap');
  // The other files, each with its kind in Indonesian, its format and how NIKs appear in it.
  const register = table.getByRole('row').filter({ hasText: 'Agenda surat keluar' });
  await expect(register).toContainText('Tanpa NIK');
  await expect(register).toContainText('Excel');
  const letter = table.getByRole('row').filter({ hasText: 'Piagam penghargaan' });
  await expect(letter).toContainText('Surat dan piagam');
  await expect(letter).toContainText('1 dokumen');
  await expect(letter).toContainText('PDF');
  await expect(letter).toContainText('Lengkap');
  const logged = exportLog(web);
  expect(logged.map((r) => r.template_name)).toEqual([
    'Piagam penghargaan',
    'Penetapan graduasi',
    'Penetapan graduasi',
    'Agenda surat keluar',
  ]);
  await expect(chiefRow).toContainText(logged[1].sha256.slice(0, 12));
  await shot(page, 'log-ekspor');

  await choose(page, 'Pengguna', `${PIMPINAN.fullName} (${PIMPINAN.username})`, PIMPINAN.fullName);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).not.toContainText('Lengkap');
  const from = page.getByRole('textbox', { name: 'Dari tanggal' });
  await from.fill(`01/01/${YEAR + 1}`);
  await from.blur();
  await expect(page.getByText('Belum ada ekspor yang cocok.', { exact: false })).toBeVisible();
});
