/** Pengaturan, tab "Cadangan": make a backup now, the list of backups with their office, restore one. */
import { expect, type Locator, type Page } from '@playwright/test';
import { SettingsPage } from './settings';

export class BackupPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<BackupPage> {
    await SettingsPage.open(page);
    await page.getByRole('tab', { name: 'Cadangan' }).click();
    return new BackupPage(page);
  }

  /** "Cadangkan sekarang", waiting until the backup is made and checked. */
  async backUpNow() {
    await this.page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await expect(this.page.getByText(/dibuat dan diperiksa/)).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: 'Daftar cadangan' });
  }

  /** The backups whose row mentions every text given (office, reason ...). */
  backup(...texts: string[]): Locator {
    return texts.reduce((rows, text) => rows.filter({ hasText: text }), this.list.getByRole('row'));
  }

  /** Asks to restore; returns the question's dialog. */
  async askToRestore(row: Locator): Promise<Locator> {
    await row.getByRole('button', { name: 'Pulihkan' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Pulihkan cadangan?' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async confirmRestore(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Ya, pulihkan' }).click();
  }
}
