/**
 * Awards in Chromium: a reward programme from budget to signed handover. The administrator makes a programme and
 * a catalogue item, awards three graduated families one package, cannot approve the plan himself, a pimpinan
 * approves it, one family is handed over with a BAST (the PDF read back with pdftotext), and the report shows where
 * the money went. Bad path: a plan that would exceed the budget is refused with the remaining amount, nothing written.
 */
import type { Browser, Page } from '@playwright/test';
import { programSchema } from '../../main/domain/awards';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { actorOf, insertUser, listUsers } from '../../main/services/auth';
import { saveItem } from '../../main/services/awards/items';
import { planAwards } from '../../main/services/awards/plan';
import { saveProgram } from '../../main/services/awards/programs';
import { approveAwards } from '../../main/services/awards/stages';
import { decideGraduations } from '../support/graduation';
import { ADMIN } from '../support/office';
import { pdfFlatText as pdfText } from '../support/pdf';
import { expect, login, navigate, registerFamily, test, type WebServer } from '../support/web';

const YEAR = new Date().getFullYear();
const FAMILIES = [
  { idKpm: 'P-BTN-1', nik: '3375014101800021', noKk: '3375010101200021', nama: 'SRI MULYANI HANDAYANI' },
  { idKpm: 'P-BTN-2', nik: '3375014202810022', noKk: '3375010101200022', nama: 'NUR HASANAH' },
  { idKpm: 'P-BTN-3', nik: '3375014303820023', noKk: '3375010101200023', nama: 'TRI WAHYUNINGSIH' },
];
const PIMPINAN = { username: 'pimpinan1', fullName: 'Bambang Sutrisno', password: 'rahasia123' };

/** Families graduated by an approved decision dated early this year (inside a programme's default period). */
function graduate(web: WebServer, count: number): number[] {
  const kpmIds = FAMILIES.slice(0, count).map((f) =>
    registerFamily(web, { ...f, districtCode: '337501', villageCode: '3375011002', alamat: 'Jl. Uji No. 7' }),
  );
  decideGraduations(web.db, { kpmIds, skDate: `${YEAR}-01-15` });
  return kpmIds;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

const awardStages = (web: WebServer) =>
  web.db.$client.prepare('SELECT kpm_id, stage, total FROM awards ORDER BY kpm_id').all() as {
    kpm_id: number;
    stage: string;
    total: number;
  }[];

/** Picks an option of a Mantine Select that is not searchable. */
async function pick(page: Page, label: string, option: string) {
  await page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A new programme through "Program baru"; returns its page after opening it from the programme list. */
async function createProgram(page: Page, program: { name: string; budget: string; min: string; max: string }) {
  await navigate(page, 'Bantuan usaha');
  await page.getByRole('button', { name: 'Program baru' }).click();
  const dialog = page.getByRole('dialog', { name: 'Program bantuan baru' });
  await dialog.getByRole('textbox', { name: 'Nama program', exact: true }).fill(program.name);
  await dialog.getByRole('textbox', { name: 'Pagu anggaran', exact: true }).fill(program.budget);
  await dialog.getByRole('textbox', { name: 'Nilai minimal per KPM', exact: true }).fill(program.min);
  await dialog.getByRole('textbox', { name: 'Nilai maksimal per KPM', exact: true }).fill(program.max);
  await dialog.getByText('Barang dan uang').click();
  await pick(page, 'Status program', 'Aktif');
  await shot(page, 'program-baru');
  await dialog.getByRole('button', { name: 'Simpan program' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article', { name: `Program ${program.name}` })).toContainText(
    `Sisa Rp${program.budget.replace(/\B(?=(\d{3})+$)/g, '.')}`,
  );
  await shot(page, 'program');
  await page.getByRole('link', { name: program.name }).click();
  await expect(page.getByRole('heading', { name: program.name })).toBeVisible();
}

async function addCatalogueItem(page: Page, item: { name: string; unit: string; price: string }) {
  await navigate(page, 'Bantuan usaha');
  await page.getByRole('tab', { name: 'Katalog barang' }).click();
  await page.getByRole('button', { name: 'Tambah barang' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah barang' });
  await dialog.getByRole('textbox', { name: 'Nama barang', exact: true }).fill(item.name);
  await dialog.getByRole('textbox', { name: 'Satuan', exact: true }).fill(item.unit);
  await dialog.getByRole('textbox', { name: 'Harga satuan', exact: true }).fill(item.price);
  await dialog.getByRole('button', { name: 'Simpan barang' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Katalog barang' }).getByRole('row', { name: new RegExp(item.name) }),
  ).toBeVisible();
}

/** On the programme page: the chosen families, one item and the cash as one package, planned in one step. */
async function planPackage(page: Page, names: string[], item: string, cash: string) {
  await page.getByRole('tab', { name: 'Tambah penerima' }).click();
  for (const name of names) await page.getByRole('checkbox', { name: `Pilih ${name}` }).check();
  await page.getByRole('combobox', { name: 'Tambah barang ke paket' }).click();
  await page.getByRole('option', { name: new RegExp(item) }).click();
  await page.getByRole('textbox', { name: 'Uang tunai per KPM', exact: true }).fill(cash);
  await page.getByRole('textbox', { name: 'Jenis usaha', exact: true }).fill('Warung kelontong');
  await shot(page, 'tambah-penerima');
  await page.getByRole('button', { name: `Rencanakan bantuan untuk ${names.length} KPM` }).click();
}

async function loginAs(browser: Browser, web: WebServer, user: { username: string; password: string }) {
  const page = await (await browser.newContext()).newPage();
  await login(page, web.url, user.username, user.password);
  return page;
}

/** Clicks "Unduh PDF" in the open PDF dialog and returns the saved file's path. */
async function downloadPdf(page: Page, dialogName: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: dialogName }).getByRole('button', { name: 'Unduh PDF' }).click(),
  ]);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test('a programme runs from budget to a signed handover; the planner cannot approve his own plan', async ({
  page,
  browser,
  web,
}) => {
  test.setTimeout(120_000);
  const kpmIds = graduate(web, 3);
  await insertUser(web.db, SYSTEM_ACTOR, { ...PIMPINAN, role: 'pimpinan' });
  await login(page, web.url);
  await addCatalogueItem(page, { name: 'Etalase kaca', unit: 'unit', price: '2500000' });
  await shot(page, 'katalog');
  await createProgram(page, {
    name: 'Bantuan Usaha Graduasi APBD',
    budget: '20000000',
    min: '1500000',
    max: '5000000',
  });

  await planPackage(
    page,
    FAMILIES.map((f) => f.nama),
    'Etalase kaca',
    '500000',
  );
  await expect(page.getByRole('table', { name: 'Penerima bantuan' }).getByRole('row')).toHaveCount(4);
  expect(awardStages(web)).toEqual(kpmIds.map((kpm_id) => ({ kpm_id, stage: 'direncanakan', total: 3_000_000 })));
  await expect(page.getByTestId('program-remaining')).toHaveText('Rp11.000.000');
  await shot(page, 'penerima-direncanakan');

  // Whoever planned may not approve: refused by the server, nothing changes.
  await page.getByRole('checkbox', { name: 'Pilih semua penerima di halaman ini' }).check();
  await page.getByRole('button', { name: 'Setujui (3)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Tidak disetujui' })).toBeVisible();
  await shot(page, 'setujui-sendiri-ditolak');
  expect(awardStages(web).map((a) => a.stage)).toEqual(['direncanakan', 'direncanakan', 'direncanakan']);

  const chief = await loginAs(browser, web, PIMPINAN);
  await navigate(chief, 'Bantuan usaha');
  await chief.getByRole('link', { name: 'Bantuan Usaha Graduasi APBD' }).click();
  await chief.getByRole('checkbox', { name: 'Pilih semua penerima di halaman ini' }).check();
  await chief.getByRole('button', { name: 'Setujui (3)' }).click();
  await expect(chief.getByText('3 bantuan disetujui.')).toBeVisible();
  expect(awardStages(web).map((a) => a.stage)).toEqual(['disetujui', 'disetujui', 'disetujui']);

  // Before the ceremony: the daftar penerima of the day lists the approved families, to sign on receipt.
  await page.reload();
  await page.getByRole('button', { name: 'Cetak daftar penerima' }).click();
  await page.getByRole('dialog', { name: 'Cetak daftar penerima' }).getByRole('button', { name: 'Cetak' }).click();
  const list = pdfText(await downloadPdf(page, 'Daftar penerima'));
  for (const f of FAMILIES) expect(list).toContain(f.nama);
  await page.keyboard.press('Escape');

  // Handover of one family with a BAST.
  await page.getByRole('checkbox', { name: `Pilih ${FAMILIES[0].nama}` }).check();
  await page.getByRole('button', { name: 'Serah terima (1)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Serah terima bantuan' });
  await dialog.getByRole('textbox', { name: 'Tempat', exact: true }).fill('Aula Dinas Sosial');
  await dialog.getByRole('textbox', { name: 'NIP petugas', exact: true }).fill('198505122010011003');
  await dialog.getByRole('textbox', { name: 'Jabatan petugas', exact: true }).fill('Kepala Seksi Pemberdayaan');
  await dialog.getByRole('button', { name: 'Tambah saksi' }).click();
  await dialog.getByRole('textbox', { name: 'Nama saksi 1', exact: true }).fill('Slamet Riyadi');
  await dialog.getByRole('textbox', { name: 'Jabatan saksi 1', exact: true }).fill('Kepala Desa');
  await shot(page, 'serah-terima');
  await dialog.getByRole('button', { name: 'Serahkan dan cetak BAST' }).click();
  const text = pdfText(await downloadPdf(page, 'Berita acara serah terima'));
  expect(text).toContain(FAMILIES[0].nama);
  expect(text).toContain('3.000.000');
  expect(text.toLowerCase()).toContain('tiga juta rupiah');
  await page.keyboard.press('Escape');

  const handed = web.db.$client
    .prepare(
      `SELECT a.stage, a.handover_place, d.number FROM awards a JOIN documents d ON d.id = a.bast_document_id
       WHERE a.kpm_id = ?`,
    )
    .get(kpmIds[0]) as { stage: string; handover_place: string; number: string };
  expect(handed).toMatchObject({ stage: 'diserahkan', handover_place: 'Aula Dinas Sosial' });
  const row = page.getByRole('row').filter({ hasText: FAMILIES[0].nama });
  await expect(row).toContainText('Diserahkan');
  await expect(row).toContainText(handed.number);
  await shot(page, 'penerima-diserahkan');

  // The family page lists the award with its BAST number.
  await row.getByRole('link', { name: FAMILIES[0].nama }).click();
  const card = page.getByRole('region', { name: 'Bantuan usaha' });
  await expect(card.getByRole('row').filter({ hasText: 'Bantuan Usaha Graduasi APBD' })).toContainText(handed.number);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('keluarga.png') });

  // The report: where the money went.
  await navigate(page, 'Bantuan usaha');
  await page.getByRole('tab', { name: 'Laporan bantuan' }).click();
  const programs = page.getByRole('table', { name: 'Program' });
  await expect(programs.getByRole('row').filter({ hasText: 'Bantuan Usaha Graduasi APBD' })).toContainText(
    'Rp6.000.000',
  );
  const district = page.getByRole('table', { name: 'Per kecamatan' }).getByRole('row').nth(1);
  await expect(district).toContainText('3');
  await expect(district).toContainText('Rp3.000.000');
  await shot(page, 'laporan');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh Excel' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByRole('button', { name: 'Cetak', exact: true }).click();
  const report = pdfText(await downloadPdf(page, 'Laporan bantuan usaha'));
  expect(report).toContain('Bantuan Usaha Graduasi APBD');
  await page.keyboard.press('Escape');

  await navigate(page, 'Beranda');
  await expect(page.getByRole('region', { name: 'Penggunaan pagu bantuan usaha' })).toContainText('Rp11.000.000');
  await shot(page, 'beranda');
});

test('a plan that would exceed the budget is refused with the remaining amount, and nothing is written', async ({
  page,
  web,
}) => {
  const kpmIds = graduate(web, 2);
  await login(page, web.url);
  await addCatalogueItem(page, { name: 'Mesin jahit', unit: 'unit', price: '3000000' });
  await createProgram(page, { name: 'Bantuan CSR Kecil', budget: '5000000', min: '1000000', max: '5000000' });
  const audits = (web.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  await planPackage(
    page,
    FAMILIES.slice(0, 2).map((f) => f.nama),
    'Mesin jahit',
    '0',
  );
  const refusal = page.getByRole('alert').filter({ hasText: 'Bantuan tidak direncanakan' });
  await expect(refusal).toContainText('Rp5.000.000');
  await shot(page, 'melebihi-pagu');
  expect(awardStages(web)).toEqual([]);
  expect(web.db.$client.prepare('SELECT count(*) AS n FROM award_lines').get()).toEqual({ n: 0 });
  expect((web.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(audits);
  // The families stay eligible and selected: the office can lower the package and try again.
  await expect(page.getByRole('checkbox', { name: `Pilih ${FAMILIES[0].nama}` })).toBeChecked();
  expect(kpmIds).toHaveLength(2);
});

/**
 * State for the cancel and correction screens, through the services: a programme, two families planned by an
 * operator and approved by the administrator, the first marked handed over (the columns the handover writes).
 */
async function approvedAwards(web: WebServer) {
  const kpmIds = graduate(web, 2);
  const users = listUsers(web.db);
  const admin = actorOf(users.find((u) => u.username === ADMIN.username) ?? users[0]);
  const operator = actorOf(
    await insertUser(web.db, admin, {
      username: 'operator1',
      fullName: 'Operator Satu',
      role: 'operator',
      password: 'rahasia123',
    }),
  );
  const program = saveProgram(
    web.db,
    admin,
    programSchema.parse({
      name: 'Bantuan Sarana Usaha',
      year: YEAR,
      fundingSource: 'CSR',
      sponsorName: 'PT Uji Sejahtera',
      budget: 10_000_000,
      form: 'campuran',
      minPerFamily: 1_000_000,
      maxPerFamily: 5_000_000,
      graduationTypes: ['graduasi_mandiri'],
      graduatedFrom: `${YEAR}-01-01`,
      graduatedTo: `${YEAR}-12-31`,
      status: 'aktif',
    }),
  );
  const freezer = saveItem(web.db, admin, {
    name: 'Freezer',
    unit: 'unit',
    unitPrice: 2_800_000,
    supplier: '',
    active: true,
  });
  saveItem(web.db, admin, { name: 'Kompor gas', unit: 'unit', unitPrice: 450_000, supplier: '', active: true });
  planAwards(web.db, operator, {
    programId: program.id,
    kpmIds,
    package: { lines: [{ itemId: freezer.id, quantity: 1 }], cash: 0 },
    businessType: 'Es dan minuman',
    notes: '',
  });
  const ids = (web.db.$client.prepare('SELECT id FROM awards ORDER BY kpm_id').all() as { id: number }[]).map(
    (r) => r.id,
  );
  approveAwards(web.db, admin, { awardIds: ids });
  web.db.$client
    .prepare(`UPDATE awards SET stage = 'diserahkan', handover_date = ?, handover_place = 'Balai Desa' WHERE id = ?`)
    .run(`${YEAR}-02-01`, ids[0]);
  return { programId: program.id, ids };
}

test('an approved award is cancelled with its reason; a handed-over one is corrected as a new linked award', async ({
  page,
  web,
}) => {
  const { programId, ids } = await approvedAwards(web);
  await login(page, web.url);
  await page.goto(`${web.url.split('?')[0]}#/bantuan/${programId}`);

  const cancelled = page.getByRole('row').filter({ hasText: FAMILIES[1].nama });
  await cancelled.getByRole('button', { name: `Tindakan untuk ${FAMILIES[1].nama}` }).click();
  await page.getByRole('menuitem', { name: 'Batalkan' }).click();
  const cancel = page.getByRole('dialog', { name: `Batalkan bantuan ${FAMILIES[1].nama}` });
  await cancel.getByRole('textbox', { name: 'Alasan pembatalan', exact: true }).fill('KPM pindah domisili');
  await cancel.getByRole('button', { name: 'Batalkan bantuan' }).click();
  await expect(cancelled).toContainText('Dibatalkan');
  await expect(cancelled).toContainText('KPM pindah domisili');

  const handed = page.getByRole('row').filter({ hasText: FAMILIES[0].nama });
  await handed.getByRole('button', { name: `Tindakan untuk ${FAMILIES[0].nama}` }).click();
  await page.getByRole('menuitem', { name: 'Koreksi' }).click();
  const correct = page.getByRole('dialog', { name: `Koreksi bantuan ${FAMILIES[0].nama}` });
  await correct.getByRole('combobox', { name: 'Tambah barang ke paket' }).click();
  await page.getByRole('option', { name: /Kompor gas/ }).click();
  await correct.getByRole('textbox', { name: 'Jumlah Kompor gas' }).fill('3');
  await correct.getByRole('textbox', { name: 'Uang tunai per KPM', exact: true }).fill('250000');
  await expect(correct.getByTestId('package-total')).toHaveText('Rp1.600.000');
  await correct
    .getByRole('textbox', { name: 'Alasan koreksi', exact: true })
    .fill('Freezer diganti kompor sesuai BAST');
  await shot(page, 'koreksi');
  await correct.getByRole('button', { name: 'Catat koreksi' }).click();
  await expect(correct).toBeHidden();
  await expect(page.getByText(`koreksi atas bantuan #${ids[0]}`)).toBeVisible();
  await shot(page, 'penerima-koreksi');

  // The handed-over award is kept as it was signed for; the correction is a new award pointing at it.
  const rows = web.db.$client
    .prepare('SELECT id, stage, total, corrects_award_id, correction_reason, cancel_reason FROM awards ORDER BY id')
    .all();
  expect(rows).toEqual([
    {
      id: ids[0],
      stage: 'diserahkan',
      total: 2_800_000,
      corrects_award_id: null,
      correction_reason: null,
      cancel_reason: null,
    },
    {
      id: ids[1],
      stage: 'dibatalkan',
      total: 2_800_000,
      corrects_award_id: null,
      correction_reason: null,
      cancel_reason: 'KPM pindah domisili',
    },
    {
      id: expect.any(Number),
      stage: 'diserahkan',
      total: 1_600_000,
      corrects_award_id: ids[0],
      correction_reason: 'Freezer diganti kompor sesuai BAST',
      cancel_reason: null,
    },
  ]);
  await expect(page.getByTestId('program-remaining')).toHaveText('Rp8.400.000');
});

test('the programme form takes rupiah as staff type and paste them; an emptied amount is empty, not Rp0', async ({
  page,
  web,
}) => {
  await login(page, web.url);
  await navigate(page, 'Bantuan usaha');
  await page.getByRole('button', { name: 'Program baru' }).click();
  const dialog = page.getByRole('dialog', { name: 'Program bantuan baru' });
  const money = (name: string) => dialog.getByRole('textbox', { name, exact: true });
  await dialog.getByRole('textbox', { name: 'Nama program', exact: true }).fill('Bantuan uji rupiah');

  // Typed into the pagu: select all and Backspace empties it, so 7 is Rp7 and not Rp70.
  const budget = money('Pagu anggaran');
  await budget.click();
  await page.keyboard.type('5000000');
  await budget.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await expect(budget).toHaveValue('');
  await page.keyboard.type('7');
  await expect(budget).toHaveValue('Rp7');
  await budget.press('ControlOrMeta+A');
  await page.keyboard.type('12500000');
  await expect(budget).toHaveValue('Rp12.500.000');

  // Pasted with its prefix; a comma decimal is refused at the field.
  const max = money('Nilai maksimal per KPM');
  await max.click();
  await page.keyboard.insertText('Rp1.250.000,50');
  await expect(dialog.getByText('Rupiah ditulis bulat tanpa sen: hapus koma dan angka di belakangnya.')).toBeVisible();
  await max.press('ControlOrMeta+A');
  await page.keyboard.insertText('Rp1.250.000');
  await expect(max).toHaveValue('Rp1.250.000');

  // The minimum is optional: typed then emptied, it stays empty; an emptied required pagu says it is missing.
  const min = money('Nilai minimal per KPM');
  await min.click();
  await page.keyboard.type('500000');
  await min.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await expect(min).toHaveValue('');
  await budget.click();
  await budget.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await dialog.getByRole('button', { name: 'Simpan program' }).click();
  await expect(dialog.getByText('Pagu anggaran wajib diisi.')).toBeVisible();
  await budget.click();
  await page.keyboard.insertText('12500000');
  await dialog.getByRole('button', { name: 'Simpan program' }).click();
  await expect(dialog).toBeHidden();

  const saved = web.db.$client
    .prepare("SELECT budget, min_per_family, max_per_family FROM award_programs WHERE name = 'Bantuan uji rupiah'")
    .get();
  // No minimum is stored as 0 (the column's "no lower bound"); the other amounts exactly as typed.
  expect(saved).toEqual({ budget: 12_500_000, min_per_family: 0, max_per_family: 1_250_000 });
});
