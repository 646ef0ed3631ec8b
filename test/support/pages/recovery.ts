/** The page a damaged database opens on: what happened, a rescue copy, another file, the latest backup. */
import { expect, type Locator, type Page } from '@playwright/test';

export class RecoveryPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, url: string): Promise<RecoveryPage> {
    await page.goto(url);
    const recovery = new RecoveryPage(page);
    await expect(recovery.heading).toBeVisible();
    return recovery;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Berkas database rusak' });
  }

  /** Asks to open another database file; returns the confirmation dialog. */
  async askToOpen(file: string): Promise<Locator> {
    await this.page.getByLabel('Lokasi berkas database').fill(file);
    await this.page.getByRole('button', { name: 'Buka berkas ini' }).click();
    return this.page.getByRole('dialog', { name: 'Buka berkas database lain?' });
  }

  async restoreLatest() {
    await this.page.getByRole('button', { name: 'Pulihkan cadangan terakhir' }).click();
  }
}
