import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { completeSetup } from '../../main/services/setup';
import { startWebServer } from '../../main/web';

type WebServer = Awaited<ReturnType<typeof startWebServer>>;

export const ADMIN = { username: 'admin', password: 'rahasia123', fullName: 'Budi Santoso' };

export const OFFICE = {
  agencyName: 'Dinas Sosial Kota Pekalongan',
  regencyCode: '3375',
  address: 'Jl. Sriwijaya No. 44, Pekalongan',
  phone: '(0285) 421234',
  email: '',
  logo: null,
  headName: 'Dra. SRI WAHYUNI, M.Si.',
  headRank: 'Pembina Utama Muda (IV/c)',
  headNip: '197203151998032004',
};

/**
 * Starts a server with a fresh database for this spec file (beforeAll) and stops it afterwards.
 * Returns a holder: its `server` is set once the hook has run.
 */
export function serveFreshDatabase(options: { setup: boolean }) {
  const holder: { server: WebServer; dir: string } = { server: undefined as unknown as WebServer, dir: '' };
  test.beforeAll(async () => {
    holder.dir = mkdtempSync(join(tmpdir(), 'graduasi-e2e-'));
    holder.server = await startWebServer({ dbFile: join(holder.dir, 'e2e.db'), port: 0, staticDir: 'dist-web' });
    if (options.setup) {
      await completeSetup(holder.server.db, { office: OFFICE, admin: ADMIN });
    }
  });
  test.afterAll(async () => {
    await holder.server?.close();
    if (holder.dir) rmSync(holder.dir, { recursive: true, force: true });
  });
  return holder;
}

export async function login(page: Page, url: string, username = ADMIN.username, password = ADMIN.password) {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
}

/** Picks an option of a Mantine Select by typing part of it and clicking the match. */
export async function choose(page: Page, label: string, option: string, typed = option) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}
