/**
 * Verification, proposal and decision in Chromium: a verifikator verifies two candidates, the operator bundles them
 * into a proposal (recording the mandiri family's statement) and submits it, the pimpinan decides one approved and one
 * rejected; an administrator who helped build a proposal is told so on its page instead of a decision form.
 */
import type { Browser, Page } from '@playwright/test';
import { todayIso } from '../../main/domain/format';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { actorOf, insertUser, listUsers } from '../../main/services/auth';
import { recordAssessment } from '../../main/services/graduation/assessments';
import { addToProposal, createProposal, submitProposal } from '../../main/services/graduation/proposals';
import { BEST_ANSWERS, insertCandidate } from '../support/graduation';
import { ADMIN } from '../support/office';
import { expect, login, navigate, registerFamily, test, type WebServer } from '../support/web';

const PASSWORD = 'rahasia123';
const SK_NUMBER = '400.9/215/KEP/DINSOS/2026';
const REJECT_REASON =
  'Masih ada anak usia sekolah (SMP kelas 8) dan penghasilan warung belum tetap; diverifikasi ulang tahun depan.';
const FAMILIES = [
  { idKpm: 'P-GRD-1', nik: '3375014101800001', nama: 'ANI WIDYA', kind: 'mandiri' as const },
  { idKpm: 'P-GRD-2', nik: '3375014202810002', nama: 'BUDI ASTUTI', kind: 'alamiah' as const },
];

/** The office's users of each role and two families with an open candidacy each. */
async function seed(web: WebServer) {
  const db = web.db;
  for (const [username, role] of [
    ['operator1', 'operator'],
    ['verif1', 'verifikator'],
    ['pimpinan1', 'pimpinan'],
  ] as const) {
    await insertUser(db, SYSTEM_ACTOR, { username, fullName: `Pengguna ${username}`, role, password: PASSWORD });
  }
  const kpmIds: Record<string, number> = {};
  const candidateIds = FAMILIES.map((f) => {
    kpmIds[f.nama] = registerFamily(web, {
      idKpm: f.idKpm,
      nik: f.nik,
      nama: f.nama,
      noKk: '3375010101200001',
      districtCode: '337501',
      villageCode: '3375011002',
    });
    return insertCandidate(db, kpmIds[f.nama], {
      kind: f.kind,
      reasons: f.kind === 'mandiri' ? ['usaha'] : ['Tidak ada komponen'],
    });
  });
  return { kpmIds, candidateIds };
}

const statusOf = (web: WebServer, kpmId: number) =>
  web.db.$client.prepare('SELECT status, status_date AS date FROM kpm WHERE id = ?').get(kpmId) as {
    status: string;
    date: string | null;
  };

/** A fresh browser context logged in as the user: each role works in its own window. */
async function as(browser: Browser, web: WebServer, username: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, web.url, username, password);
  return page;
}

async function verify(page: Page, nama: string) {
  await page.getByRole('button', { name: `Verifikasi ${nama}` }).click();
  const dialog = page.getByRole('dialog', { name: `Verifikasi ulang: ${nama}` });
  await expect(dialog.getByText(/Belum lengkap/)).toBeVisible();
  await dialog.getByRole('radio', { name: 'Setara UMK atau lebih (100)' }).check();
  await dialog
    .getByRole('radiogroup', { name: /Kepemilikan rumah/ })
    .getByRole('radio', { name: 'Milik sendiri (100)' })
    .check();
  await dialog.getByRole('radio', { name: 'Kurang dari 50% (100)' }).check();
  await expect(dialog.getByText('Skor 100 dari 100 (ambang 60): layak graduasi.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Simpan verifikasi' }).click();
  await expect(dialog).toBeHidden();
}

test('verifikator verifies, operator proposes, pimpinan approves one family and rejects the other', async ({
  browser,
  web,
}) => {
  // Three users in three windows walk the whole path: about 30 s on an idle machine, twice that under load.
  test.setTimeout(120_000);
  const { kpmIds } = await seed(web);

  const verifikator = await as(browser, web, 'verif1');
  await navigate(verifikator, 'Verifikasi');
  for (const f of FAMILIES) await verify(verifikator, f.nama);
  await expect(
    verifikator.getByRole('table', { name: 'Calon menunggu verifikasi' }).getByText('Terverifikasi'),
  ).toHaveCount(2);

  const operator = await as(browser, web, 'operator1');
  await navigate(operator, 'Usulan & Penetapan');
  await operator.getByRole('button', { name: 'Buat usulan' }).click();
  const create = operator.getByRole('dialog', { name: 'Buat usulan graduasi' });
  await create.getByRole('textbox', { name: 'Judul usulan' }).fill('Usulan graduasi tahap I');
  await create.getByRole('button', { name: 'Buat' }).click();
  const number = `USL/${todayIso().slice(0, 4)}/001`;
  await expect(operator.getByRole('heading', { name: `Usulan ${number}` })).toBeVisible();
  await operator.getByRole('checkbox', { name: 'Pilih ANI WIDYA' }).check();
  await operator.getByRole('checkbox', { name: 'Pilih BUDI ASTUTI' }).check();
  await operator.getByRole('button', { name: 'Tambahkan 2 calon' }).click();
  const items = operator.getByRole('table', { name: 'Keluarga dalam usulan' });
  await expect(items.getByText('BUDI ASTUTI')).toBeVisible();
  await items.getByRole('button', { name: 'Surat pernyataan ANI WIDYA' }).click();
  const statement = operator.getByRole('dialog', { name: 'Surat pernyataan: ANI WIDYA' });
  // What the registry knows is filled in: the family's desa as the place.
  await expect(statement.getByRole('textbox', { name: 'Tempat' })).toHaveValue('Medono');
  await statement.getByRole('textbox', { name: 'Tempat' }).fill('Medono');
  await statement.getByRole('textbox', { name: 'Saksi: pendamping' }).fill('RINA MARLINA');
  await statement.getByRole('textbox', { name: 'Saksi: kepala desa/lurah' }).fill('SLAMET RIYADI');
  await statement.getByRole('button', { name: 'Simpan surat pernyataan' }).click();
  await expect(statement).toBeHidden();
  await expect(items.getByText('Ada')).toBeVisible();
  await operator.getByRole('button', { name: 'Ajukan usulan (2 KPM)' }).click();
  await operator.getByRole('dialog', { name: 'Ajukan usulan?' }).getByRole('button', { name: 'Ajukan' }).click();
  await expect(operator.getByText('Diajukan', { exact: true })).toBeVisible();
  // The operator sees no decision form: deciding is the pimpinan's.
  await expect(operator.getByRole('button', { name: 'Simpan keputusan' })).toHaveCount(0);

  const pimpinan = await as(browser, web, 'pimpinan1');
  await navigate(pimpinan, 'Usulan & Penetapan');
  await pimpinan.getByRole('link', { name: number }).click();
  const skField = pimpinan.getByRole('textbox', { name: 'Nomor SK' });
  await skField.fill(SK_NUMBER);
  // A usual decree number fits the field whole.
  expect(await skField.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const form = pimpinan.getByRole('table', { name: 'Keputusan per keluarga' });
  // Every family starts undecided: nothing is approved unless the decider says so.
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(pimpinan.getByTestId('decision-tally')).toHaveText('0 disetujui · 0 ditolak · 2 belum dipilih');
  await form.getByRole('radiogroup', { name: 'Keputusan ANI WIDYA' }).getByRole('radio', { name: 'Setujui' }).check();
  await pimpinan.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(pimpinan.getByText('Keputusan untuk BUDI ASTUTI belum dipilih', { exact: false })).toBeVisible();
  await expect(pimpinan.getByRole('dialog')).toHaveCount(0);
  await form
    .getByRole('row', { name: /BUDI ASTUTI/ })
    .getByText('Tolak')
    .click();
  await pimpinan.getByRole('textbox', { name: 'Alasan penolakan BUDI ASTUTI' }).fill(REJECT_REASON);
  await pimpinan.getByRole('button', { name: 'Simpan keputusan' }).click();
  const confirm = pimpinan.getByRole('dialog', { name: 'Simpan keputusan?' });
  await expect(confirm).toContainText(`1 keluarga disetujui dan 1 ditolak dengan SK ${SK_NUMBER}.`);
  await pimpinan.screenshot({ path: 'test-results/graduation-decision-confirm.png', fullPage: true });
  await confirm.getByRole('button', { name: 'Ya, simpan keputusan' }).click();
  await expect(pimpinan.getByText('Diputuskan', { exact: true })).toBeVisible();
  // The rejection reason reads as typed: whole, in its own letter case, wrapped within the table.
  const reason = pimpinan
    .getByRole('table', { name: 'Keluarga dalam usulan' })
    .getByText(REJECT_REASON, { exact: true });
  await expect(reason).toBeVisible();
  await expect(reason).toHaveCSS('text-transform', 'none');
  expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getClientRects().length > 0)).toBe(true);
  expect((await reason.boundingBox())?.height ?? 0).toBeGreaterThan(30);
  // People are named by their names, not their usernames.
  await expect(pimpinan.getByText(/disusun oleh Pengguna operator1/)).toBeVisible();
  await expect(pimpinan.getByText(/ditetapkan oleh Pengguna pimpinan1/)).toBeVisible();
  await pimpinan.screenshot({ path: 'test-results/graduation-decided.png', fullPage: true });
  expect(statusOf(web, kpmIds['ANI WIDYA'])).toEqual({ status: 'graduasi_mandiri', date: todayIso() });
  expect(statusOf(web, kpmIds['BUDI ASTUTI']).status).toBe('aktif');
  // The home page counts the approved family at once; the rejected one is not counted.
  await navigate(pimpinan, 'Beranda');
  await expect(pimpinan.getByTestId('office-graduated')).toHaveText('1');
});

test('an administrator who filled an operator’s draft is told on the page that they may not decide it', async ({
  page,
  web,
}) => {
  const { kpmIds, candidateIds } = await seed(web);
  const db = web.db;
  const userActor = (username: string) =>
    actorOf(listUsers(db).find((u) => u.username === username) ?? listUsers(db)[0]);
  const admin = userActor(ADMIN.username);
  recordAssessment(db, userActor('verif1'), {
    candidateId: candidateIds[1],
    visitDate: todayIso(),
    answers: BEST_ANSWERS,
    notes: '',
  });
  // The operator opens an empty draft; the administrator fills it and submits it.
  const draft = createProposal(db, userActor('operator1'), { year: 2026, title: 'Usulan operator' });
  addToProposal(db, admin, { proposalId: draft.id, candidateIds: [candidateIds[1]] });
  submitProposal(db, admin, draft.id);

  await login(page, web.url);
  await navigate(page, 'Usulan & Penetapan');
  await page.getByRole('link', { name: draft.number }).click();
  await expect(page.getByText(`disusun oleh Pengguna operator1, ${ADMIN.fullName}`)).toBeVisible();
  const notice = page.getByRole('alert').filter({ hasText: 'Anda tidak dapat menetapkan usulan ini' });
  await expect(notice).toContainText(
    `Anda ikut menyusun usulan ${draft.number} (menambahkan keluarga dan mengajukan); penetapannya harus dilakukan oleh pimpinan atau administrator lain`,
  );
  await expect(page.getByRole('textbox', { name: 'Nomor SK' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Simpan keputusan' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/graduation-builder-notice.png', fullPage: true });
  expect(statusOf(web, kpmIds['BUDI ASTUTI']).status).toBe('aktif');
});

test('a mandiri candidate without a signed statement cannot be approved', async ({ browser, web }) => {
  const { kpmIds, candidateIds } = await seed(web);
  const db = web.db;
  const userActor = (username: string) =>
    actorOf(listUsers(db).find((u) => u.username === username) ?? listUsers(db)[0]);
  const operator = userActor('operator1');
  recordAssessment(db, userActor('verif1'), {
    candidateId: candidateIds[0],
    visitDate: todayIso(),
    answers: BEST_ANSWERS,
    notes: '',
  });
  const proposal = createProposal(db, operator, {
    year: Number(todayIso().slice(0, 4)),
    title: 'Usulan tanpa pernyataan',
  });
  addToProposal(db, operator, { proposalId: proposal.id, candidateIds: [candidateIds[0]] });
  submitProposal(db, operator, proposal.id);

  const pimpinan = await as(browser, web, 'pimpinan1');
  await navigate(pimpinan, 'Usulan & Penetapan');
  await pimpinan.getByRole('link', { name: proposal.number }).click();
  await pimpinan.getByRole('textbox', { name: 'Nomor SK' }).fill('400/2/2026');
  await pimpinan.getByRole('radio', { name: 'Setujui' }).check();
  await pimpinan.getByRole('button', { name: 'Simpan keputusan' }).click();
  await pimpinan
    .getByRole('dialog', { name: 'Simpan keputusan?' })
    .getByRole('button', { name: 'Ya, simpan keputusan' })
    .click();
  await expect(pimpinan.getByText(/Surat pernyataan .*ANI WIDYA.* belum dicatat/)).toBeVisible();
  expect(statusOf(web, kpmIds['ANI WIDYA']).status).toBe('aktif');
});
