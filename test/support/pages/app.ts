/**
 * The frame around every page as a user meets it: signing in (as the administrator or another user, in a browser
 * of their own), the main navigation, and a screenshot of what they saw.
 */
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { ADMIN } from '../office';
import { login, navigate, type WebServer } from '../web';

export interface Credentials {
  username: string;
  password: string;
}

export class App {
  constructor(readonly page: Page) {}

  /** Signs in on the login page (the administrator unless told) and waits for the main navigation. */
  static async signIn(page: Page, web: WebServer, user: Credentials = ADMIN): Promise<App> {
    await login(page, web.url, user.username, user.password);
    return new App(page);
  }

  /** Another user at another PC: a browser context of their own, signed in. */
  static async signInElsewhere(browser: Browser, web: WebServer, user: Credentials): Promise<App> {
    const page = await (await browser.newContext()).newPage();
    return App.signIn(page, web, user);
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigasi utama' });
  }

  /** Opens a page of the main navigation by its exact label. */
  async open(label: string) {
    await navigate(this.page, label);
  }

  /** The user menu in the header, named after the signed-in user. */
  userMenu(fullName: string): Locator {
    return this.page.getByRole('button', { name: `Menu pengguna ${fullName}` });
  }

  /** "Keluar" from the user menu; back on the login page. */
  async signOut(fullName: string) {
    await this.userMenu(fullName).click();
    await this.page.getByRole('menuitem', { name: 'Keluar' }).click();
    await expect(this.page.getByRole('button', { name: 'Masuk' })).toBeVisible();
  }

  /** "Ganti kata sandi" from the user menu, filled and saved; returns its dialog (open while refused). */
  async changeOwnPassword(fullName: string, old: string, password: string): Promise<Locator> {
    await this.userMenu(fullName).click();
    await this.page.getByRole('menuitem', { name: 'Ganti kata sandi' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Ganti kata sandi' });
    await dialog.getByLabel('Kata sandi lama').fill(old);
    await dialog.getByLabel(/^Kata sandi baru/).fill(password);
    await dialog.getByLabel('Ulangi kata sandi baru').fill(password);
    await dialog.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    return dialog;
  }

  /** A full-page screenshot in the test's output folder, to look at what the user saw. */
  async screenshot(name: string) {
    await this.page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  }

  /** The success notice after an action (Mantine notification). */
  notice(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  async expectHeading(name: string) {
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }
}

/** Shows the year on a page with a "Tahun" select (Beranda, Laporan, Target); this year is already shown. */
export async function showYear(page: Page, year: number) {
  if (year === new Date().getFullYear()) return;
  await page.getByRole('combobox', { name: 'Tahun' }).click();
  await page.getByRole('option', { name: String(year) }).click();
}
