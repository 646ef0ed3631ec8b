/** Pengaturan, tab "Besaran bantuan": the yearly amount per komponen, saved after saying what changes. */
import type { Locator, Page } from '@playwright/test';
import { SettingsPage } from './settings';

export class BenefitAmountsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<BenefitAmountsPage> {
    await SettingsPage.open(page);
    await page.getByRole('tab', { name: 'Besaran bantuan' }).click();
    return new BenefitAmountsPage(page);
  }

  /** The yearly amount of a komponen by its label ("Anak SD/sederajat", "Lanjut usia (70+)"). */
  amount(komponen: string): Locator {
    return this.page.getByLabel(`Bantuan per tahun ${komponen}`);
  }

  /** "Simpan besaran bantuan"; returns the confirmation dialog (absent while a field is refused). */
  async save(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Simpan besaran bantuan' }).click();
    return this.page.getByRole('dialog', { name: 'Simpan besaran bantuan baru?' });
  }

  async confirm(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Ya, simpan' }).click();
  }
}
