/** Pengaturan, tab "Dokumen": paper and numbering, and each document kind's text with its placeholders. */
import type { Locator, Page } from '@playwright/test';
import { SettingsPage } from './settings';

export class DocumentSettingsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<DocumentSettingsPage> {
    await SettingsPage.open(page);
    await page.getByRole('tab', { name: 'Dokumen' }).click();
    return new DocumentSettingsPage(page);
  }

  async choosePaper(label: string) {
    await this.page.getByText(label).click();
  }

  async saveSettings() {
    await this.page.getByRole('button', { name: 'Simpan pengaturan dokumen' }).click();
  }

  async chooseKind(name: string) {
    await this.page.getByRole('combobox', { name: 'Jenis dokumen' }).click();
    await this.page.getByRole('option', { name }).click();
  }

  /** A text of the chosen kind ("Isi", "Isi untuk graduasi alamiah"). */
  text(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  /** The chip that puts a placeholder where the cursor is. */
  placeholder(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get nikDisplay(): Locator {
    return this.page.getByRole('radiogroup', { name: 'NIK di dokumen' });
  }

  async saveText() {
    await this.page.getByRole('button', { name: 'Simpan isi dokumen' }).click();
  }
}
