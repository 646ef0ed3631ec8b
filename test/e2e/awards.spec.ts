/**
 * Bantuan usaha in Chromium: a reward programme from budget to signed handover, one step per test. Each step
 * starts from the state the step before it leaves, set up through the services (test/support/award-story.ts):
 * the administrator makes a catalogue item and a programme and plans a package for three graduated families; he
 * cannot approve his own plan, a pimpinan approves it; the day's recipient list is printed; one family is handed
 * over with a BAST (the PDF read back with pdftotext); the report shows where the money went. Bad path: a plan
 * that would exceed the budget is refused with the remaining amount, nothing written.
 */
import { programSchema } from '../../main/domain/awards';
import { actorOf, insertUser } from '../../main/services/auth';
import { saveItem } from '../../main/services/awards/items';
import { planAwards } from '../../main/services/awards/plan';
import { saveProgram } from '../../main/services/awards/programs';
import { approveAwards } from '../../main/services/awards/stages';
import {
  adminActor,
  awardStages,
  awardStory,
  CASH,
  ETALASE,
  FAMILIES,
  graduate,
  NAMES,
  PIMPINAN,
  PROGRAM,
  YEAR,
} from '../support/award-story';
import { App } from '../support/pages/app';
import { AwardsPage } from '../support/pages/awards';
import { HomePage } from '../support/pages/home';
import { readPdf } from '../support/pages/pdf';
import { ProgramPage } from '../support/pages/program';
import { expect, test, type WebServer } from '../support/web';

test('the office adds a catalogue item and a programme, then plans one package for three families', async ({
  page,
  web,
}) => {
  const kpmIds = graduate(web, 3);
  const app = await App.signIn(page, web);
  const awards = await AwardsPage.open(page);
  await awards.addItem(ETALASE);
  await app.screenshot('katalog');
  await awards.createProgram(PROGRAM);
  await app.screenshot('program');
  const program = await awards.openProgram(PROGRAM.name);

  await program.plan(NAMES, ETALASE.name, CASH);

  await expect(program.recipients.getByRole('row')).toHaveCount(4);
  expect(awardStages(web)).toEqual(kpmIds.map((kpm_id) => ({ kpm_id, stage: 'planned', total: 3_000_000 })));
  await expect(program.remaining).toHaveText('Rp11.000.000');
  await app.screenshot('penerima-direncanakan');
});

test('whoever planned may not approve the plan; a pimpinan approves it', async ({ page, browser, web }) => {
  const { programId } = await awardStory(web, 'planned');
  const app = await App.signIn(page, web);
  const program = await ProgramPage.openById(page, web, programId);

  await program.selectAll();
  await program.approve(3);
  await expect(program.approvalRefusal).toBeVisible();
  await app.screenshot('setujui-sendiri-ditolak');
  expect(awardStages(web).map((a) => a.stage)).toEqual(['planned', 'planned', 'planned']);

  const chief = await App.signInElsewhere(browser, web, PIMPINAN);
  const chiefProgram = await (await AwardsPage.open(chief.page)).openProgram(PROGRAM.name);
  await chiefProgram.selectAll();
  await chiefProgram.approve(3);
  await expect(chief.notice('3 bantuan disetujui.')).toBeVisible();
  expect(awardStages(web).map((a) => a.stage)).toEqual(['approved', 'approved', 'approved']);
});

test('before the ceremony the daftar penerima lists the approved families, to sign on receipt', async ({
  page,
  web,
}) => {
  const { programId } = await awardStory(web, 'approved');
  await App.signIn(page, web);
  const program = await ProgramPage.openById(page, web, programId);

  await program.printRecipientList();

  const list = await readPdf(page, 'Daftar penerima');
  for (const name of NAMES) expect(list).toContain(name);
});

test('one family is handed over with a BAST; its row and its family page show the BAST number', async ({
  page,
  web,
}) => {
  const { programId, kpmIds } = await awardStory(web, 'approved');
  const app = await App.signIn(page, web);
  const program = await ProgramPage.openById(page, web, programId);

  await program.select(NAMES[0]);
  await program.handOver(1, {
    place: 'Aula Dinas Sosial',
    officerNip: '198505122010011003',
    officerPosition: 'Kepala Seksi Pemberdayaan',
    witness: { name: 'Slamet Riyadi', position: 'Kepala Desa' },
  });

  const bast = await readPdf(page, 'Berita acara serah terima');
  expect(bast).toContain(NAMES[0]);
  expect(bast).toContain('3.000.000');
  expect(bast.toLowerCase()).toContain('tiga juta rupiah');
  const handed = web.db.$client
    .prepare(
      `SELECT a.stage, a.handover_place, d.number FROM awards a JOIN documents d ON d.id = a.bast_document_id
       WHERE a.kpm_id = ?`,
    )
    .get(kpmIds[0]) as { stage: string; handover_place: string; number: string };
  expect(handed).toMatchObject({ stage: 'handed_over', handover_place: 'Aula Dinas Sosial' });
  await expect(program.recipient(NAMES[0])).toContainText('Diserahkan');
  await expect(program.recipient(NAMES[0])).toContainText(handed.number);
  await app.screenshot('penerima-diserahkan');

  await program.openFamily(NAMES[0]);
  const card = page.getByRole('region', { name: 'Bantuan usaha' });
  await expect(card.getByRole('row').filter({ hasText: PROGRAM.name })).toContainText(handed.number);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('keluarga.png') });
});

test('the report shows where the money went, in Excel and print; Beranda shows the budget left', async ({
  page,
  web,
}) => {
  await awardStory(web, 'handed_over');
  const app = await App.signIn(page, web);
  const awards = await AwardsPage.open(page);

  await awards.openReport();

  await expect(awards.reportProgram(PROGRAM.name)).toContainText('Rp6.000.000');
  await expect(awards.reportDistrict(1)).toContainText('3');
  await expect(awards.reportDistrict(1)).toContainText('Rp3.000.000');
  await app.screenshot('laporan');
  expect(await awards.downloadExcel()).toMatch(/\.xlsx$/);
  await awards.printReport();
  expect(await readPdf(page, 'Laporan bantuan usaha')).toContain(PROGRAM.name);

  const home = await HomePage.open(page);
  await expect(home.panel('Penggunaan pagu bantuan usaha')).toContainText('Rp11.000.000');
  await app.screenshot('beranda');
});

test('a plan that would exceed the budget is refused with the remaining amount, and nothing is written', async ({
  page,
  web,
}) => {
  graduate(web, 2);
  await App.signIn(page, web);
  const awards = await AwardsPage.open(page);
  await awards.addItem({ name: 'Mesin jahit', unit: 'unit', price: '3000000' });
  await awards.createProgram({ name: 'Bantuan CSR Kecil', budget: '5000000', min: '1000000', max: '5000000' });
  const program = await awards.openProgram('Bantuan CSR Kecil');
  const audits = (web.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  await program.plan(NAMES.slice(0, 2), 'Mesin jahit', '0');

  await expect(program.planRefusal).toContainText('Rp5.000.000');
  expect(awardStages(web)).toEqual([]);
  expect(web.db.$client.prepare('SELECT count(*) AS n FROM award_lines').get()).toEqual({ n: 0 });
  expect((web.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(audits);
  // The families stay eligible and selected: the office can lower the package and try again.
  await expect(program.familyCheckbox(NAMES[0])).toBeChecked();
});

/**
 * State for the cancel and correction screens, through the services: a programme, two families planned by an
 * operator and approved by the administrator, the first marked handed over (the columns the handover writes).
 */
async function approvedAwards(web: WebServer) {
  const kpmIds = graduate(web, 2);
  const admin = adminActor(web);
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
      status: 'active',
    }),
  );
  const item = (name: string, unitPrice: number) =>
    saveItem(web.db, admin, { name, unit: 'unit', unitPrice, supplier: '', active: true });
  const freezer = item('Freezer', 2_800_000);
  item('Kompor gas', 450_000);
  planAwards(
    web.db,
    { id: operator.id, username: operator.username, role: 'operator' },
    {
      programId: program.id,
      kpmIds,
      package: { lines: [{ itemId: freezer.id, quantity: 1 }], cash: 0 },
      businessType: 'Es dan minuman',
      notes: '',
    },
  );
  const ids = web.db.$client.prepare('SELECT id FROM awards ORDER BY kpm_id').pluck().all() as number[];
  approveAwards(web.db, admin, { awardIds: ids });
  web.db.$client
    .prepare(`UPDATE awards SET stage = 'handed_over', handover_date = ?, handover_place = 'Balai Desa' WHERE id = ?`)
    .run(`${YEAR}-02-01`, ids[0]);
  return { programId: program.id, ids };
}

test('an approved award is cancelled with its reason; a handed-over one is corrected as a new linked award', async ({
  page,
  web,
}) => {
  const { programId, ids } = await approvedAwards(web);
  const app = await App.signIn(page, web);
  const program = await ProgramPage.openById(page, web, programId);

  await program.cancel(FAMILIES[1].nama, 'KPM pindah domisili');
  await expect(program.recipient(FAMILIES[1].nama)).toContainText('Dibatalkan');
  await expect(program.recipient(FAMILIES[1].nama)).toContainText('KPM pindah domisili');

  const correction = await program.correction(FAMILIES[0].nama, {
    item: 'Kompor gas',
    quantity: '3',
    cash: '250000',
    reason: 'Freezer diganti kompor sesuai BAST',
  });
  await expect(correction.getByTestId('package-total')).toHaveText('Rp1.600.000');
  await app.screenshot('koreksi');
  await correction.getByRole('button', { name: 'Catat koreksi' }).click();
  await expect(correction).toBeHidden();
  await expect(page.getByText(`koreksi atas bantuan #${ids[0]}`)).toBeVisible();
  await app.screenshot('penerima-koreksi');

  // The handed-over award is kept as it was signed for; the correction is a new award pointing at it.
  const rows = web.db.$client
    .prepare('SELECT id, stage, total, corrects_award_id, correction_reason, cancel_reason FROM awards ORDER BY id')
    .all();
  const award = { corrects_award_id: null, correction_reason: null, cancel_reason: null };
  expect(rows).toEqual([
    { ...award, id: ids[0], stage: 'handed_over', total: 2_800_000 },
    { ...award, id: ids[1], stage: 'cancelled', total: 2_800_000, cancel_reason: 'KPM pindah domisili' },
    {
      ...award,
      id: expect.any(Number),
      stage: 'handed_over',
      total: 1_600_000,
      corrects_award_id: ids[0],
      correction_reason: 'Freezer diganti kompor sesuai BAST',
    },
  ]);
  await expect(program.remaining).toHaveText('Rp8.400.000');
});

test('the programme form takes rupiah as staff type and paste them; an emptied amount is empty, not Rp0', async ({
  page,
  web,
}) => {
  await App.signIn(page, web);
  const dialog = await (await AwardsPage.open(page)).openNewProgram();
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
