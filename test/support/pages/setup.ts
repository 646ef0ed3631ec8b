/** The setup wizard of a new installation: office profile, first administrator, summary. */
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, type WebServer } from '../web';

export class SetupWizard {
  constructor(readonly page: Page) {}

  static async open(page: Page, web: WebServer): Promise<SetupWizard> {
    await page.goto(web.url);
    await expect(page.getByRole('heading', { name: 'Penyiapan aplikasi Graduasi PKH' })).toBeVisible();
    return new SetupWizard(page);
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label);
  }

  get regency(): Locator {
    return this.page.getByRole('combobox', { name: 'Kabupaten/kota' });
  }

  async chooseRegency(name: string, typed: string) {
    await choose(this.page, 'Kabupaten/kota', name, typed);
  }

  async next() {
    await this.page.getByRole('button', { name: 'Lanjut' }).click();
  }

  async fillAdministrator(admin: { username: string; fullName: string; password: string }, repeated: string) {
    await expect(this.field('Nama lengkap')).toBeVisible();
    await this.field('Nama pengguna').fill(admin.username);
    await this.field('Nama lengkap').fill(admin.fullName);
    await this.field(/^Kata sandi/).fill(admin.password);
    await this.field('Ulangi kata sandi').fill(repeated);
  }

  summary(value: string): Locator {
    return this.page.getByRole('cell', { name: value });
  }

  async saveAndStart() {
    await this.page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  }
}
