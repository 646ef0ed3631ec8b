/**
 * Issue 7 points 3-6 in Chromium: a verifikator verifies two candidates, the operator bundles them into a
 * proposal (recording the mandiri family's statement) and submits it, the pimpinan decides one approved and
 * one rejected; an administrator who built a proposal is refused when deciding it.
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
  await pimpinan.getByRole('textbox', { name: 'Nomor SK' }).fill('400/12/2026');
  await pimpinan
    .getByRole('table', { name: 'Keputusan per keluarga' })
    .getByRole('row', { name: /BUDI ASTUTI/ })
    .getByText('Tolak')
    .click();
  await pimpinan.getByRole('textbox', { name: 'Alasan penolakan BUDI ASTUTI' }).fill('Masih ada anak usia sekolah');
  await pimpinan.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(pimpinan.getByText('Diputuskan', { exact: true })).toBeVisible();
  await expect(pimpinan.getByText('Ditolak: Masih ada anak usia sekolah')).toBeVisible();
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

test("the proposal's author is refused when deciding it, even as administrator", async ({ page, web }) => {
  const { kpmIds, candidateIds } = await seed(web);
  const db = web.db;
  const verifikator = actorOf(listUsers(db).find((u) => u.username === 'verif1') ?? listUsers(db)[0]);
  const admin = actorOf(listUsers(db).find((u) => u.username === ADMIN.username) ?? listUsers(db)[0]);
  recordAssessment(db, verifikator, {
    candidateId: candidateIds[1],
    visitDate: todayIso(),
    answers: BEST_ANSWERS,
    notes: '',
  });
  const own = createProposal(db, admin, { year: 2026, title: 'Usulan administrator' });
  addToProposal(db, admin, { proposalId: own.id, candidateIds: [candidateIds[1]] });
  submitProposal(db, admin, own.id);

  await login(page, web.url);
  await navigate(page, 'Usulan & Penetapan');
  await page.getByRole('link', { name: own.number }).click();
  await page.getByRole('textbox', { name: 'Nomor SK' }).fill('400/1/2026');
  await page.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(
    page.getByText(`Anda menyusun usulan ${own.number}; penetapannya harus dilakukan oleh pimpinan lain`, {
      exact: false,
    }),
  ).toBeVisible();
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
  await pimpinan.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(pimpinan.getByText(/Surat pernyataan .*ANI WIDYA.* belum dicatat/)).toBeVisible();
  expect(statusOf(web, kpmIds['ANI WIDYA']).status).toBe('aktif');
});
