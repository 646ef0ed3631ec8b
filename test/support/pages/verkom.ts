/** Verifikasi komitmen: the quarter's non-compliant families and the school form's import. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class VerkomPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<VerkomPage> {
    await navigate(page, 'Verifikasi komitmen');
    await expect(page.getByRole('heading', { name: 'Verifikasi komitmen' })).toBeVisible();
    return new VerkomPage(page);
  }

  async pickQuarter(year: number, quarter: number) {
    await this.page.getByLabel('Tahun').selectOption(String(year));
    await this.page.getByLabel('Triwulan').selectOption(String(quarter));
  }

  /** Picks the file and asks for the preview. */
  async previewSchoolForm(year: number, quarter: number, name: string, buffer: Buffer) {
    await this.page.getByRole('tab', { name: 'Impor daftar hadir sekolah' }).click();
    await this.pickQuarter(year, quarter);
    await this.page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await this.page.getByRole('button', { name: 'Pratinjau' }).click();
  }

  skipped(): Locator {
    return this.page.getByRole('table', { name: 'Baris yang tidak disimpan' });
  }

  async save(students: number) {
    await this.page.getByRole('button', { name: `Simpan ${students} siswa` }).click();
  }

  async openQuarter(year: number, quarter: number) {
    await this.page.getByRole('tab', { name: 'Tidak memenuhi komitmen' }).click();
    await this.pickQuarter(year, quarter);
  }

  nonCompliant(quarterText: string): Locator {
    return this.page.getByRole('table', { name: `KPM tidak memenuhi komitmen ${quarterText}` });
  }
}
