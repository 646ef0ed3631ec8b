/**
 * In Chromium: the approved graduations for the ministry in two clicks, and the proposal list with each
 * family's status; an office copy of a template with a
 * header renamed, a column removed and one moved by keyboard, filtered to one kecamatan and downloaded (the xlsx read
 * back with ExcelJS: headers, NIK as a text cell); a role that may not see full NIKs only gets masked ones (CSV read
 * back as text); the administrator's Log ekspor lists every file (exports, the register, a letter) with its kind in
 * words, rows, NIK mode and hash.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { findBuiltIn } from '../../main/domain/exports';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { actorOf, insertUser } from '../../main/services/auth';
import { issueFamilyDocument } from '../../main/services/documents/issue';
import { runExport } from '../../main/services/exports/run';
import { updateSecuritySettings } from '../../main/services/security-settings';
import { decideGraduations } from '../support/graduation';
import { App } from '../support/pages/app';
import { DocumentsRegisterPage } from '../support/pages/documents';
import { ExportLogPage, ExportsPage } from '../support/pages/exports';
import { expect, registerFamily, test, type WebServer } from '../support/web';
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

const regionName = (web: WebServer, code: string) =>
  (web.db.$client.prepare('SELECT name FROM regions WHERE code = ?').get(code) as { name: string }).name;

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
  await App.signIn(page, web);
  const exports = await ExportsPage.open(page);
  await expect(exports.template).toHaveValue('Penetapan graduasi (bawaan)');
  // The rejected family is not in the file for upload.
  await expect(exports.rowCount(3)).toBeVisible();
  await exports.screenshot('ekspor-bawaan');

  const { rows, sheet } = await readXlsx(await exports.download());
  await expect(page.getByText(/3 baris diekspor ke/)).toBeVisible();
  expect(rows[0]).toEqual(
    expect.arrayContaining(['NO', 'NIK', 'NO KK', 'STATUS', 'NOMOR SK', 'TANGGAL SK', 'DESA/KELURAHAN']),
  );
  const nikColumn = rows[0].indexOf('NIK') + 1;
  const niks = [2, 3, 4].map((r) => sheet.getRow(r).getCell(nikColumn));
  expect(niks.map((c) => c.value).sort()).toEqual(FAMILIES.map((f) => f.nik).sort());
  for (const cell of niks) expect(cell.type).toBe(ExcelJS.ValueType.String);
  expect(rows.slice(1).map((r) => r[rows[0].indexOf('STATUS')])).toEqual(['Disetujui', 'Disetujui', 'Disetujui']);

  await exports.chooseTemplate('Usulan graduasi (bawaan)');
  await expect(exports.rowCount(4)).toBeVisible();
  await expect(page.getByText('Status usulan', { exact: true })).toBeVisible();
  const proposed = await readXlsx(await exports.download());
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
  await App.signIn(page, web);
  const exports = await ExportsPage.open(page);
  await expect(exports.rowCount(3)).toBeVisible();

  await exports.copyTemplate('Kemensos per kecamatan');
  await expect(page.getByText('Templat kantor')).toBeVisible();
  await expect(exports.template).toHaveValue('Kemensos per kecamatan');

  await exports.removeColumn('ID DTKS');
  await exports.columnHeader('NAMA PENGURUS').fill('NAMA KEPALA KELUARGA');
  // Reordering works from the keyboard: focus the arrow and press Enter.
  await exports.moveColumnUpByKeyboard('NAMA PENGURUS');
  await exports.filterDistrict(regionName(web, '337501'));
  await expect(exports.rowCount(2)).toBeVisible();
  await exports.titleRow.fill('Daftar graduasi PKH');
  await exports.screenshot('ekspor-salinan-diubah');
  await exports.saveTemplate();
  await expect(page.getByText('Templat "Kemensos per kecamatan" disimpan.')).toBeVisible();

  const saved = web.db.$client.prepare('SELECT columns, filters, title_row FROM export_templates').get() as {
    columns: string;
    filters: string;
    title_row: string;
  };
  const savedColumns = JSON.parse(saved.columns) as { key: string; header: string }[];
  expect(savedColumns.map((c) => c.key)).not.toContain('idDtks');
  expect(savedColumns.find((c) => c.key === 'nama')?.header).toBe('NAMA KEPALA KELUARGA');
  expect(JSON.parse(saved.filters)).toEqual({ outcome: ['approved'], kecamatanCode: '337501' });

  const { rows, sheet } = await readXlsx(await exports.download());
  expect(rows[0]).toEqual(['Daftar graduasi PKH']);
  const header = rows[1];
  expect(header).not.toContain('ID DTKS');
  expect(header.indexOf('NAMA KEPALA KELUARGA')).toBe(savedColumns.findIndex((c) => c.key === 'nama'));
  expect(header.indexOf('NAMA KEPALA KELUARGA')).toBeLessThan(header.indexOf('NO KK'));
  expect(sheet.rowCount).toBe(4);
  const nikCell = sheet.getRow(3).getCell(header.indexOf('NIK') + 1);
  expect(nikCell.type).toBe(ExcelJS.ValueType.String);
  expect([FAMILIES[0].nik, FAMILIES[1].nik]).toContain(nikCell.value);

  await exports.deleteTemplate();
  await expect(page.getByText('Templat "Kemensos per kecamatan" dihapus.')).toBeVisible();
  await expect(page.getByText('Templat bawaan', { exact: true })).toBeVisible();
  await expect(exports.template).toHaveValue('Penetapan graduasi (bawaan)');
  expect(web.db.$client.prepare('SELECT count(*) AS n FROM export_templates').get()).toEqual({ n: 0 });
  expect(exportLog(web)).toEqual([expect.objectContaining({ template_name: 'Kemensos per kecamatan', rows: 2 })]);
});

/** Full NIKs for the administrator only, and a pimpinan to export without them. */
async function chiefWithoutNiks(web: WebServer) {
  updateSecuritySettings(web.db, SYSTEM_ACTOR, { sessionIdleMinutes: 30, fullNikRoles: ['admin'] });
  return actorOf(await insertUser(web.db, SYSTEM_ACTOR, { ...PIMPINAN, role: 'pimpinan' }));
}

test('a role that may not see full NIKs exports them masked, as CSV for Indonesian Excel', async ({ browser, web }) => {
  graduateAll(web);
  await chiefWithoutNiks(web);

  const chief = await App.signInElsewhere(browser, web, PIMPINAN);
  const exports = await ExportsPage.open(chief.page);
  await expect(exports.rowCount(3)).toBeVisible();
  await expect(exports.nikMode(/^Lengkap/)).toHaveCount(0);
  await expect(exports.nikMode(/^Disamarkan/)).toBeChecked();
  await expect(chief.page.getByText(/peran Pimpinan tidak melihat NIK lengkap/)).toBeVisible();
  await expect(exports.copyButton).toHaveCount(0);
  await exports.chooseFormat('CSV dengan titik koma (;) — Excel Indonesia');
  await exports.screenshot('ekspor-disamarkan');
  const csv = readFileSync(await exports.download(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('3375********0031');
  for (const f of FAMILIES) expect(csv).not.toContain(f.nik);
  expect(csv.split(/\r?\n/)[0]).toContain(';NIK;');
  expect(exportLog(web)).toEqual([
    expect.objectContaining({ username: PIMPINAN.username, nik_mode: 'masked', format: 'csv_semicolon' }),
  ]);
});

test("the administrator's Log ekspor shows every file in words, filtered by user and date", async ({ page, web }) => {
  const kpmIds = graduateAll(web);
  // A letter is a file with the family's NIK too: issued here by the system, it is in the log.
  await issueFamilyDocument(web.db, SYSTEM_ACTOR, { kind: 'piagam', kpmId: kpmIds[0] });
  // The pimpinan's masked CSV of the step before, exported through the service.
  const template = findBuiltIn('penetapan');
  if (!template) throw new Error('no built-in template penetapan');
  await runExport(
    web.db,
    await chiefWithoutNiks(web),
    { templateKey: 'bawaan:penetapan', template: { ...template, format: 'csv_semicolon' }, nikMode: 'masked' },
    { via: 'aplikasi' },
  );

  await App.signIn(page, web);
  const exports = await ExportsPage.open(page);
  await expect(exports.rowCount(3)).toBeVisible();
  await exports.download();
  await (await DocumentsRegisterPage.open(page)).downloadExcel();
  const log = await ExportLogPage.open(page);
  await expect(log.table.getByRole('row')).toHaveCount(5);
  const chiefRow = log.file(PIMPINAN.username);
  await expect(chiefRow).toContainText('Disamarkan');
  await expect(chiefRow).toContainText('CSV ;');
  await expect(log.file('Penetapan graduasi', 'admin')).toContainText('Lengkap');
  // The other files, each with its kind in Indonesian, its format and how NIKs appear in it.
  const register = log.file('Agenda surat keluar');
  await expect(register).toContainText('Tanpa NIK');
  await expect(register).toContainText('Excel');
  const letter = log.file('Piagam penghargaan');
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
  await exports.screenshot('log-ekspor');

  await log.filterUser(`${PIMPINAN.fullName} (${PIMPINAN.username})`, PIMPINAN.fullName);
  await expect(log.table.getByRole('row')).toHaveCount(2);
  await expect(log.table).not.toContainText('Lengkap');
  await log.filterFrom(`01/01/${YEAR + 1}`);
  await expect(page.getByText('Belum ada ekspor yang cocok.', { exact: false })).toBeVisible();
});
