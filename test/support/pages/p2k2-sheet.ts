/**
 * The daftar hadir page of a P2K2 meeting (/p2k2/pertemuan/:id/pindai): printing the sheet, uploading its scans,
 * the review of each row beside the scanned page, and saving the attendance.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { downloadPdf } from './pdf';

export class P2k2SheetPage {
  constructor(readonly page: Page) {}

  /** Opens the meeting's page and, from it, its daftar hadir. */
  async open(baseUrl: string, meetingId: number) {
    await this.page.goto(`${new URL(baseUrl).origin}/#/p2k2/pertemuan/${meetingId}`);
    await this.page.getByRole('link', { name: 'Daftar hadir: cetak dan pindai' }).click();
    await expect(this.page.getByRole('heading', { name: 'Daftar hadir dan pindaian' })).toBeVisible();
  }

  /** Prints the sheet and downloads it from its dialog; returns the PDF's bytes. */
  async print(): Promise<Buffer> {
    await this.page.getByRole('button', { name: 'Cetak daftar hadir' }).click();
    const file = await downloadPdf(this.page, 'Daftar hadir P2K2');
    await this.page.keyboard.press('Escape');
    return readFileSync(file);
  }

  /** Picks the scans and reads them. */
  async upload(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.locator('input[type="file"]').setInputFiles(files);
    await this.page.getByRole('button', { name: 'Baca pindaian' }).click();
  }

  reviewOf(page: number): Locator {
    return this.page.getByRole('table', { name: `Hasil baca halaman ${page}` });
  }

  row(nama: string): Locator {
    return this.page.getByRole('row').filter({ hasText: nama });
  }

  /** The attendance chosen for a family (a SegmentedControl of H, I, S, A). */
  async choose(nama: string, letter: 'H' | 'I' | 'S' | 'A') {
    await this.row(nama).getByText(letter, { exact: true }).click();
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Simpan kehadiran' });
  }
}
