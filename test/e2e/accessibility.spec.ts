import type { Page } from '@playwright/test';
import { seriousViolations } from '../support/axe';
import { type SeededOffice, seedOffice } from '../support/seeded-office';
import { expect, login, test } from '../support/web';

/**
 * axe-core (WCAG 2.1 A/AA) on every page, its tabs and its main dialogs, with an office full of data so tables,
 * badges, budget bars and charts are drawn: no serious or critical violation may be left. The window is the
 * office PC's 1366x690.
 */
test.use({ viewport: { width: 1366, height: 690 } });

interface Screen {
  /** The page's address, or for a record's page the address built from the seeded ids and a name for it. */
  path: string | ((s: SeededOffice) => string);
  name?: string;
  /** Tabs opened one after another on the page. */
  tabs?: string[];
  /** Buttons (first match) that open the page's main dialogs, each checked and closed again. */
  dialogs?: (string | RegExp)[];
}

const SCREENS: Screen[] = [
  { path: '/' },
  { path: '/kpm' },
  { path: '/kpm/baru' },
  { name: 'keluarga aktif', path: (s) => `/kpm/${s.kpmIds[20]}`, dialogs: ['Catat keluar', 'Usulkan calon graduasi'] },
  { name: 'keluarga graduasi', path: (s) => `/kpm/${s.kpmIds[10]}`, dialogs: [/^Cetak surat keterangan/] },
  { name: 'ubah keluarga', path: (s) => `/kpm/${s.kpmIds[0]}/ubah` },
  { path: '/calon-graduasi', tabs: ['Graduasi alamiah', 'Impor daftar mandiri'] },
  { path: '/impor', tabs: ['Riwayat impor'] },
  { path: '/verifikasi', tabs: ['Kriteria penilaian'], dialogs: [/^Verifikasi /] },
  { path: '/usulan', dialogs: ['Buat usulan'] },
  { name: 'usulan draf', path: (s) => `/usulan/${s.proposalId}` },
  { name: 'usulan diputuskan', path: (s) => `/usulan/${s.decidedProposalId}` },
  { path: '/bantuan', tabs: ['Katalog barang', 'Laporan bantuan'], dialogs: ['Program baru'] },
  { name: 'program bantuan', path: (s) => `/bantuan/${s.programId}`, tabs: ['Tambah penerima'] },
  { path: '/agenda-surat', dialogs: [/^Batalkan /] },
  { path: '/ekspor' },
  { path: '/log-ekspor' },
  { path: '/verifikasi-dokumen' },
  { path: '/pemantauan', dialogs: [/^Catat kunjungan /] },
  { path: '/usaha-graduasi', tabs: ['Daftar BLK dan PENA', 'KUBE', 'UMK'] },
  { path: '/laporan', tabs: ['Per desa', 'Per pendamping', 'Laporan pendamping'] },
  { path: '/target', dialogs: ['Ubah target kantor'] },
  { path: '/pendamping', dialogs: ['Tambah pendamping'] },
  { path: '/pengguna', dialogs: ['Tambah pengguna'] },
  {
    path: '/pengaturan',
    tabs: ['Besaran bantuan', 'Jenis keluar', 'Dokumen', 'Keamanan', 'Cadangan', 'Server kantor'],
  },
];

async function settled(page: Page) {
  await expect(page.getByRole('main').locator('h1').first()).toBeVisible();
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
}

async function check(page: Page, where: string, found: Record<string, string[]>, include?: string) {
  const violations = await seriousViolations(page, include);
  if (violations.length > 0) found[where] = violations;
}

async function checkScreen(page: Page, url: string, screen: Screen, seeded: SeededOffice) {
  const found: Record<string, string[]> = {};
  const path = typeof screen.path === 'string' ? screen.path : screen.path(seeded);
  await page.goto(`${url}#${path}`);
  await settled(page);
  await check(page, path, found);
  for (const name of screen.dialogs ?? []) {
    await page.getByRole('main').getByRole('button', { name }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
    await check(page, `${path} dialog ${name}`, found, '[role="dialog"]');
    // By its name: the ✕ of every dialog is called "Tutup dialog".
    await dialog.getByRole('button', { name: 'Tutup dialog', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }
  for (const name of screen.tabs ?? []) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
    await check(page, `${path} tab ${name}`, found);
  }
  return found;
}

for (const screen of SCREENS) {
  const name = [screen.name ?? screen.path, ...(screen.tabs ?? []), ...(screen.dialogs ?? [])];
  test(`axe (WCAG 2.1 AA) finds no serious or critical violation: ${name.join(', ')}`, async ({ page, web }) => {
    test.setTimeout(180_000);
    const seeded = seedOffice(web);
    await login(page, web.url);
    expect(await checkScreen(page, web.url, screen, seeded)).toEqual({});
  });
}

test('the login page and the header dialog pass axe too', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await login(page, web.url);
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Ganti kata sandi' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
});
