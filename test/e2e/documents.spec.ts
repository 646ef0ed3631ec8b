/**
 * In Chromium: the document settings (paper, a template with an unknown placeholder refused at its field),
 * the surat keterangan graduasi printed from a family page and read back with pdftotext, the register showing it
 * and voiding it with a reason, and the wisuda documents of a decision batch-printed into one PDF.
 */
import { execFileSync } from 'node:child_process';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { insertUser } from '../../main/services/auth';
import { issueFamilyDocument } from '../../main/services/documents/issue';
import { decideGraduations } from '../support/graduation';
import { App } from '../support/pages/app';
import { DocumentSettingsPage } from '../support/pages/document-settings';
import { DocumentsRegisterPage } from '../support/pages/documents';
import { FamilyPage } from '../support/pages/family';
import { downloadPdf } from '../support/pages/pdf';
import { ProposalPage } from '../support/pages/proposals';
import { pdfFlatText as pdfText } from '../support/pdf';
import { expect, registerFamily, test, type WebServer } from '../support/web';

const FAMILIES = [
  { idKpm: 'P-DOK-1', nik: '3375014101800011', noKk: '3375010101200011', nama: "SITI NUR'AINI" },
  { idKpm: 'P-DOK-2', nik: '3375014202810012', noKk: '3375010101200012', nama: 'RATNA DEWI KUSUMAWARDHANI' },
];

/** Graduated families (an approved decision with its SK); returns their ids and the proposal. */
function graduate(web: WebServer, count: number) {
  const kpmIds = FAMILIES.slice(0, count).map((f) =>
    registerFamily(web, { ...f, districtCode: '337501', villageCode: '3375011002', alamat: 'Jl. Uji No. 5' }),
  );
  return { kpmIds, ...decideGraduations(web.db, { kpmIds, skDate: '2026-11-20' }) };
}

/** The page count pdfinfo reports. */
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

test('the administrator sets F4 paper; a template with an unknown placeholder is refused at its field', async ({
  page,
  web,
}) => {
  const template = () =>
    web.db.$client.prepare("SELECT body, version FROM document_templates WHERE kind = 'sk_graduasi'").get() as {
      body: string;
      version: number;
    };
  const before = template();
  await App.signIn(page, web);
  const settings = await DocumentSettingsPage.open(page);

  await settings.choosePaper('F4 (215 × 330 mm)');
  await settings.saveSettings();
  await expect(page.getByText('Pengaturan dokumen disimpan.')).toBeVisible();
  expect(web.db.$client.prepare('SELECT paper FROM document_settings WHERE id = 1').get()).toEqual({ paper: 'F4' });

  // The number pattern shows what the next letter's number will look like.
  await expect(page.getByText(/Contoh: 460\/1\/\S+\/[IVX]+\/\d{4}/)).toBeVisible();

  const body = settings.text('Isi');
  await body.fill('Keluarga {nama} dari desa {desa_asal} telah graduasi.');
  await settings.saveText();
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Isian \{desa_asal\} tidak dikenal/)).toBeVisible();
  expect(template()).toEqual(before);

  // A placeholder chip puts {desa} where the cursor is.
  await body.fill('Keluarga {nama} dari desa  telah graduasi.');
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(26, 26));
  await settings.placeholder('{desa}').click();
  await expect(body).toHaveValue('Keluarga {nama} dari desa {desa} telah graduasi.');
  await expect(body).not.toHaveAttribute('aria-invalid', 'true');
  await settings.saveText();
  await expect(page.getByText('Isi surat keterangan graduasi disimpan.')).toBeVisible();
  expect(template()).toEqual({ body: 'Keluarga {nama} dari desa {desa} telah graduasi.', version: before.version + 1 });
});

test('the piagam masks the NIK by default and has its own text for graduasi alamiah; the administrator changes both', async ({
  page,
  web,
}) => {
  const piagam = () =>
    web.db.$client
      .prepare("SELECT nik_display AS nik, body_alamiah AS alamiah FROM document_templates WHERE kind = 'piagam'")
      .get() as {
      nik: string;
      alamiah: string;
    };
  expect(piagam().nik).toBe('disamarkan');
  await App.signIn(page, web);
  const settings = await DocumentSettingsPage.open(page);
  await settings.chooseKind('Piagam penghargaan');
  const nik = settings.nikDisplay;
  await expect(nik.getByRole('radio', { name: 'Disamarkan' })).toBeChecked();
  const alamiah = settings.text('Isi untuk graduasi alamiah');
  await expect(alamiah).toHaveValue(/atas komitmen dan partisipasi keluarga/);
  await page.screenshot({ path: test.info().outputPath('piagam-settings.png'), fullPage: true });

  await nik.getByRole('radio', { name: 'Lengkap' }).check();
  await alamiah.fill('Atas partisipasi keluarga {nama} dalam PKH.');
  await settings.saveText();
  await expect(page.getByText('Isi piagam penghargaan disimpan.')).toBeVisible();
  expect(piagam()).toEqual({ nik: 'lengkap', alamiah: 'Atas partisipasi keluarga {nama} dalam PKH.' });
});

test('the surat keterangan graduasi is printed from the family page, shows in the register and is voided', async ({
  page,
  web,
}) => {
  const { kpmIds } = graduate(web, 1);
  const family = FAMILIES[0];
  await App.signIn(page, web);
  const familyPage = await FamilyPage.openById(page, kpmIds[0]);
  await familyPage.issueGraduationLetter(family.nama);

  const file = await downloadPdf(page, 'Dokumen diterbitkan');
  const issued = web.db.$client.prepare('SELECT id, number FROM documents WHERE kpm_id = ?').all(kpmIds[0]) as {
    id: number;
    number: string;
  }[];
  expect(issued).toHaveLength(1);
  const text = pdfText(file);
  expect(text).toContain(family.nama);
  expect(text).toContain(family.nik);
  expect(text).toContain(issued[0].number);
  await page.keyboard.press('Escape');
  await expect(familyPage.card('Dokumen').getByRole('cell', { name: issued[0].number, exact: true })).toBeVisible();

  const register = await DocumentsRegisterPage.open(page);
  const row = register.letter(issued[0].number);
  await expect(row).toContainText(family.nama);
  await expect(row).toContainText('Berlaku');
  // A reprint is the stored letter, marked SALINAN (the office's default).
  await register.reprint(issued[0].number);
  const copy = pdfText(await downloadPdf(page, 'Cetak ulang'));
  expect(copy).toContain('SALINAN');
  expect(copy).toContain(issued[0].number);
  await page.keyboard.press('Escape');
  await expect(row).toContainText('dicetak 2×');
  const dialog = await register.askToVoid(issued[0].number);
  await expect(dialog).toContainText('tetap terpakai');
  await register.confirmVoid(dialog);
  await expect(dialog.getByLabel('Alasan pembatalan')).toHaveAttribute('aria-invalid', 'true');
  await register.confirmVoid(dialog, 'Tanggal surat salah ketik');
  await expect(dialog).toBeHidden();
  await expect(row.getByLabel('Batal: Tanggal surat salah ketik')).toBeVisible();
  expect(
    web.db.$client.prepare('SELECT number, void_reason, voided_at IS NOT NULL AS voided FROM documents').all(),
  ).toEqual([{ number: issued[0].number, void_reason: 'Tanggal surat salah ketik', voided: 1 }]);
});

test('an operator reprints from the register but cannot void', async ({ browser, web }) => {
  const { kpmIds } = graduate(web, 1);
  await insertUser(web.db, SYSTEM_ACTOR, {
    username: 'operator1',
    fullName: 'Operator Satu',
    role: 'operator',
    password: 'rahasia123',
  });
  const { number } = (await issueFamilyDocument(web.db, SYSTEM_ACTOR, { kind: 'piagam', kpmId: kpmIds[0] })).document;
  const operator = await App.signInElsewhere(browser, web, { username: 'operator1', password: 'rahasia123' });
  const row = (await DocumentsRegisterPage.open(operator.page)).letter(number);
  await expect(row.getByRole('button', { name: `Cetak ulang ${number}` })).toBeVisible();
  await expect(row.getByRole('button', { name: `Batalkan ${number}` })).toHaveCount(0);
});

test('the daftar usulan of a decided proposal prints its families with a number', async ({ page, web }) => {
  const { proposalId } = graduate(web, 2);
  await App.signIn(page, web);
  await (await ProposalPage.openById(page, proposalId)).printProposalList();
  const text = pdfText(await downloadPdf(page, 'Dokumen diterbitkan'));
  const { number } = web.db.$client.prepare("SELECT number FROM documents WHERE kind = 'daftar_usulan'").get() as {
    number: string;
  };
  expect(text).toContain(number);
  for (const f of FAMILIES) {
    expect(text).toContain(f.nama);
    expect(text).toContain(f.nik);
  }
});

test('the wisuda batch names a document issued before and reprints it in the same PDF when asked', async ({
  page,
  web,
}) => {
  const { proposalId, kpmIds } = graduate(web, 2);
  const earlier = await issueFamilyDocument(web.db, SYSTEM_ACTOR, {
    kind: 'sk_graduasi',
    kpmId: kpmIds[0],
    issuedDate: '2026-11-20',
  });
  const number = earlier.document.number;
  await App.signIn(page, web);
  const proposal = await ProposalPage.openById(page, proposalId);
  const panel = proposal.wisuda;
  await expect(panel.getByText('1 dokumen sudah pernah diterbitkan')).toBeVisible();
  await expect(panel.getByText(`Surat keterangan graduasi ${number} untuk ${FAMILIES[0].nama}`)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Mulai cetak (3 dokumen)' })).toBeVisible();
  await panel.getByRole('checkbox', { name: /Sertakan cetak ulangnya/ }).check();
  await panel.getByRole('radio', { name: 'Per keluarga (urutan penyerahan)' }).check();
  await proposal.printWisuda(4);

  const file = await downloadPdf(page, 'Dokumen wisuda');
  expect(pdfPages(file)).toBe(4);
  expect(pdfText(file)).toContain(number);
  await page.keyboard.press('Escape');
  const notice = panel.getByRole('status');
  await expect(notice).toContainText('3 dokumen baru diterbitkan. 1 dokumen sudah diterbitkan sebelumnya');
  await expect(notice).toContainText(`Surat keterangan graduasi ${number} (${FAMILIES[0].nama})`);
  await expect(notice).toContainText('dicetak ulang dalam PDF yang sama');
  await panel.screenshot({ path: test.info().outputPath('wisuda-batch.png') });
  expect(web.db.$client.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(4);
});

test('the wisuda documents of a decision print in one batch: one page per family and kind', async ({ page, web }) => {
  const { proposalId } = graduate(web, 2);
  await App.signIn(page, web);
  const proposal = await ProposalPage.openById(page, proposalId);
  await expect(proposal.wisuda.getByRole('checkbox', { name: 'Surat keterangan graduasi' })).toBeChecked();
  await expect(proposal.wisuda.getByRole('checkbox', { name: 'Piagam penghargaan' })).toBeChecked();
  await proposal.printWisuda(4);

  const file = await downloadPdf(page, 'Dokumen wisuda');
  expect(pdfPages(file)).toBe(4);
  const text = pdfText(file);
  for (const f of FAMILIES) expect(text).toContain(f.nama);
  const kinds = web.db.$client.prepare('SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY kind').all();
  expect(kinds).toEqual([
    { kind: 'piagam', n: 2 },
    { kind: 'sk_graduasi', n: 2 },
  ]);

  // The whole batch prints again from the register, as copies.
  await page.keyboard.press('Escape');
  const register = await DocumentsRegisterPage.open(page);
  const first = web.db.$client.prepare('SELECT number FROM documents ORDER BY id LIMIT 1').pluck().get() as string;
  await register.reprintBatch(first);
  const copy = await downloadPdf(page, 'Cetak ulang');
  expect(pdfPages(copy)).toBe(4);
  expect(pdfText(copy)).toContain('SALINAN');
  const prints = web.db.$client.prepare('SELECT DISTINCT print_count FROM documents').pluck().all();
  expect(prints).toEqual([2]);
});
