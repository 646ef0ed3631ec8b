/**
 * Issue 7 points 3-6 in Chromium: a verifikator verifies two candidates, the operator bundles them into a
 * proposal (recording the mandiri family's statement) and submits it, the pimpinan decides one approved and
 * one rejected; an administrator who built a proposal is refused when deciding it.
 */
import { expect, type Page, test } from '@playwright/test';
import { todayIso } from '../../main/domain/format';
import { kpmSchema } from '../../main/domain/schemas';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { actorOf, insertUser, listUsers } from '../../main/services/auth';
import { recordAssessment } from '../../main/services/graduation/assessments';
import { addToProposal, createProposal, submitProposal } from '../../main/services/graduation/proposals';
import { createKpm } from '../../main/services/kpm';
import { BEST_ANSWERS, insertCandidate } from '../support/graduation';
import { ADMIN, login, serveFreshDatabase } from './server';

test.describe.configure({ mode: 'serial' });

const web = serveFreshDatabase({ setup: true });
const PASSWORD = 'rahasia123';
const kpmIds: Record<string, number> = {};

test.beforeAll(() => {
  const db = web.server.db;
  const admin = { ...SYSTEM_ACTOR };
  for (const [username, role] of [
    ['operator1', 'operator'],
    ['verif1', 'verifikator'],
    ['pimpinan1', 'pimpinan'],
  ] as const) {
    insertUser(db, admin, { username, fullName: `Pengguna ${username}`, role, password: PASSWORD });
  }
  const families = [
    { idKpm: 'P-GRD-1', nik: '3375014101800001', nama: 'ANI WIDYA', kind: 'mandiri' as const },
    { idKpm: 'P-GRD-2', nik: '3375014202810002', nama: 'BUDI ASTUTI', kind: 'alamiah' as const },
    { idKpm: 'P-GRD-3', nik: '3375014303820003', nama: 'CICI HANDAYANI', kind: 'alamiah' as const },
  ];
  const candidates: number[] = [];
  for (const f of families) {
    const saved = createKpm(
      db,
      SYSTEM_ACTOR,
      kpmSchema.parse({
        idKpm: f.idKpm,
        nik: f.nik,
        nama: f.nama,
        noKk: '3375010101200001',
        districtCode: '337501',
        villageCode: '3375011002',
        acceptWarnings: true,
      }),
    );
    if (saved.status !== 'saved') throw new Error('family not saved');
    kpmIds[f.nama] = saved.id;
    candidates.push(
      insertCandidate(db, saved.id, {
        kind: f.kind,
        reasons: f.kind === 'mandiri' ? ['usaha'] : ['Tidak ada komponen'],
      }),
    );
  }
  // The administrator's own proposal (CICI, verified through the services), for the refusal at the end.
  const verif = actorOf(
    insertUser(db, admin, { username: 'verif2', fullName: 'Verifikator Dua', role: 'verifikator', password: PASSWORD }),
  );
  recordAssessment(db, verif, { candidateId: candidates[2], visitDate: todayIso(), answers: BEST_ANSWERS, notes: '' });
  const adminUser = listUsers(db).find((u) => u.username === ADMIN.username);
  if (!adminUser) throw new Error('no admin');
  const adminActor = actorOf(adminUser);
  const own = createProposal(db, adminActor, { year: 2026, title: 'Usulan administrator' });
  addToProposal(db, adminActor, { proposalId: own.id, candidateIds: [candidates[2]] });
  submitProposal(db, adminActor, own.id);
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name }).click();

const statusOf = (nama: string) =>
  web.server.db.$client.prepare('SELECT status, status_date AS date FROM kpm WHERE id = ?').get(kpmIds[nama]) as {
    status: string;
    date: string | null;
  };

test('verifikator verifies two candidates with the live score', async ({ page }) => {
  await login(page, web.server.url, 'verif1', PASSWORD);
  await nav(page, 'Verifikasi');
  for (const nama of ['ANI WIDYA', 'BUDI ASTUTI']) {
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
    if (nama === 'ANI WIDYA') await page.screenshot({ path: 'test-results/graduation-assessment.png' });
    await dialog.getByRole('button', { name: 'Simpan verifikasi' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('table', { name: 'Calon menunggu verifikasi' }).getByText('Terverifikasi')).toHaveCount(
    2,
  );
});

test('operator builds a proposal, records the statement and submits it', async ({ page }) => {
  await login(page, web.server.url, 'operator1', PASSWORD);
  await nav(page, 'Usulan & Penetapan');
  await page.getByRole('button', { name: 'Buat usulan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Buat usulan graduasi' });
  await dialog.getByRole('textbox', { name: 'Judul usulan' }).fill('Usulan graduasi tahap I');
  await dialog.getByRole('button', { name: 'Buat' }).click();
  await expect(page.getByRole('heading', { name: 'Usulan USL/2026/002' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Pilih ANI WIDYA' }).check();
  await page.getByRole('checkbox', { name: 'Pilih BUDI ASTUTI' }).check();
  await page.getByRole('button', { name: 'Tambahkan 2 calon' }).click();
  const items = page.getByRole('table', { name: 'Keluarga dalam usulan' });
  await expect(items.getByText('BUDI ASTUTI')).toBeVisible();

  await items.getByRole('button', { name: 'Surat pernyataan ANI WIDYA' }).click();
  const statement = page.getByRole('dialog', { name: 'Surat pernyataan: ANI WIDYA' });
  await statement.getByRole('textbox', { name: 'Tempat' }).fill('Medono');
  await statement.getByRole('textbox', { name: 'Saksi: pendamping' }).fill('RINA MARLINA');
  await statement.getByRole('textbox', { name: 'Saksi: kepala desa/lurah' }).fill('SLAMET RIYADI');
  await statement.getByRole('button', { name: 'Simpan surat pernyataan' }).click();
  await expect(statement).toBeHidden();
  await expect(items.getByText('Ada')).toBeVisible();

  await page.getByRole('button', { name: 'Ajukan usulan (2 KPM)' }).click();
  await page.getByRole('dialog', { name: 'Ajukan usulan?' }).getByRole('button', { name: 'Ajukan' }).click();
  await expect(page.getByText('Diajukan', { exact: true })).toBeVisible();
  // The operator sees no decision form: deciding is the pimpinan's.
  await expect(page.getByRole('button', { name: 'Simpan keputusan' })).toHaveCount(0);
});

test("the proposal's author is refused when deciding it", async ({ page }) => {
  await login(page, web.server.url, ADMIN.username, ADMIN.password);
  await nav(page, 'Usulan & Penetapan');
  await page.getByRole('link', { name: 'USL/2026/001' }).click();
  await page.getByRole('textbox', { name: 'Nomor SK' }).fill('400/1/2026');
  await page.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(
    page.getByText(/Anda menyusun usulan USL\/2026\/001; penetapannya harus dilakukan oleh pimpinan lain/),
  ).toBeVisible();
  expect(statusOf('CICI HANDAYANI').status).toBe('aktif');
});

test('pimpinan approves one family and rejects the other', async ({ page }) => {
  await login(page, web.server.url, 'pimpinan1', PASSWORD);
  await nav(page, 'Usulan & Penetapan');
  await page.getByRole('link', { name: 'USL/2026/002' }).click();
  await page.getByRole('textbox', { name: 'Nomor SK' }).fill('400/12/2026');
  await page
    .getByRole('table', { name: 'Keputusan per keluarga' })
    .getByRole('row', { name: /BUDI ASTUTI/ })
    .getByText('Tolak')
    .click();
  await page.getByRole('textbox', { name: 'Alasan penolakan BUDI ASTUTI' }).fill('Masih ada anak usia sekolah');
  await page.screenshot({ path: 'test-results/graduation-decision.png' });
  await page.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(page.getByText('Diputuskan', { exact: true })).toBeVisible();
  await expect(page.getByText('Ditolak: Masih ada anak usia sekolah')).toBeVisible();
  expect(statusOf('ANI WIDYA')).toEqual({ status: 'graduasi_mandiri', date: todayIso() });
  expect(statusOf('BUDI ASTUTI').status).toBe('aktif');
  await page.screenshot({ path: 'test-results/graduation-decided.png', fullPage: true });
});
