/**
 * Playwright fixtures for the end-to-end tests. Every test gets its own server on a free port with its own
 * database: a copy of the office set up once per worker (or an empty database with
 * `test.use({ officeSetUp: false })`), so each test sets up the rest of its state and passes when run alone.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openDatabase } from '../../db/open';
import { type KpmFormValues, kpmSchema } from '../../main/domain/schemas';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { startWebServer } from '../../main/web';
import { ADMIN, setUpTestOffice } from './office';

export type WebServer = Awaited<ReturnType<typeof startWebServer>>;

export const test = base.extend<{ officeSetUp: boolean; web: WebServer }, { officeTemplate: string }>({
  officeSetUp: [true, { option: true }],
  officeTemplate: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the first argument destructured.
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'graduasi-e2e-template-'));
      const file = join(dir, 'office.db');
      const db = openDatabase(file);
      await setUpTestOffice(db);
      db.$client.close(); // closing checkpoints the WAL, so the file alone is the whole database
      await use(file);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  web: async ({ officeSetUp, officeTemplate }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'graduasi-e2e-'));
    const dbFile = join(dir, 'e2e.db');
    if (officeSetUp) copyFileSync(officeTemplate, dbFile);
    const server = await startWebServer({ dbFile, port: 0, staticDir: 'dist-web' });
    await use(server);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

export async function login(page: Page, url: string, username = ADMIN.username, password = ADMIN.password) {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
}

/** Opens a page of the main navigation (by its exact label: "Verifikasi" is not "Verifikasi dokumen"). */
export async function navigate(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name, exact: true }).click();
}

/** Picks an option of a Mantine Select by typing part of it and clicking the match. */
export async function choose(page: Page, label: string, option: string, typed = option) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Rows in a table of the test's database. */
export function countRows(server: WebServer, table: 'kpm' | 'pendamping' | 'users' | 'audit_log'): number {
  return (server.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Registers a family straight through the service (state a test needs before it starts); returns its id. */
export function registerFamily(server: WebServer, family: KpmFormValues): number {
  const result = createKpm(server.db, SYSTEM_ACTOR, kpmSchema.parse({ acceptWarnings: true, ...family }));
  if (result.status !== 'saved') throw new Error(`Keluarga ${family.nama} tidak tersimpan`);
  return result.id;
}
