/**
 * Ekspor data: a template (built-in or the office's copy) with its columns, filters, format and NIK mode, the
 * row count and "Unduh"; and Log ekspor, every file that left the office with its kind, rows, NIK mode and hash.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { choose, navigate } from '../web';

export class ExportsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<ExportsPage> {
    await navigate(page, 'Ekspor data');
    return new ExportsPage(page);
  }

  get template(): Locator {
    return this.page.getByRole('textbox', { name: 'Templat' }).or(this.page.getByRole('combobox', { name: 'Templat' }));
  }

  async chooseTemplate(name: string) {
    await choose(this.page, 'Templat', name);
  }

  rowCount(n: number): Locator {
    return this.page.getByText(`Jumlah baris: ${n}`);
  }

  /** Clicks "Unduh" and returns the saved file's path. */
  async download(): Promise<string> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Unduh' }).click(),
    ]);
    const path = test.info().outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return path;
  }

  nikMode(name: RegExp): Locator {
    return this.page.getByRole('radio', { name });
  }

  async chooseFormat(label: string) {
    await this.page.getByRole('radio', { name: label }).check();
  }

  // --- the office's copy of a template ---
  get copyButton(): Locator {
    return this.page.getByRole('button', { name: 'Salin templat' });
  }

  async copyTemplate(name: string) {
    await this.copyButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Salin templat' });
    await dialog.getByRole('textbox', { name: 'Nama templat baru' }).fill(name);
    await dialog.getByRole('button', { name: 'Salin' }).click();
    await expect(dialog).toBeHidden();
  }

  get columns(): Locator {
    return this.page.getByRole('table', { name: 'Kolom berkas' });
  }

  async removeColumn(header: string) {
    await this.columns.getByRole('button', { name: `Hapus kolom ${header}` }).click();
  }

  columnHeader(header: string): Locator {
    return this.columns.getByRole('textbox', { name: `Judul kolom ${header}` });
  }

  /** Moves a column up from the keyboard: focus its arrow and press Enter. */
  async moveColumnUpByKeyboard(header: string) {
    await this.columns.getByRole('button', { name: `Naikkan kolom ${header}` }).focus();
    await this.page.keyboard.press('Enter');
  }

  async filterDistrict(name: string) {
    await choose(this.page, 'Kecamatan', name);
  }

  get titleRow(): Locator {
    return this.page.getByRole('textbox', { name: 'Baris judul (opsional)' });
  }

  async saveTemplate() {
    await this.page.getByRole('button', { name: 'Simpan perubahan' }).click();
  }

  async deleteTemplate() {
    await this.page.getByRole('button', { name: 'Hapus templat' }).click();
    await this.page
      .getByRole('dialog', { name: 'Hapus templat' })
      .getByRole('button', { name: 'Hapus templat' })
      .click();
  }

  /** A full-page screenshot from the top (taken scrolled down, the sticky header is drawn mid-page). */
  async screenshot(name: string) {
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  }
}

export class ExportLogPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<ExportLogPage> {
    await navigate(page, 'Log ekspor');
    return new ExportLogPage(page);
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Log ekspor' });
  }

  /** The files whose row mentions every text given. */
  file(...texts: string[]): Locator {
    return texts.reduce((rows, text) => rows.filter({ hasText: text }), this.table.getByRole('row'));
  }

  async filterUser(name: string, typed: string) {
    await choose(this.page, 'Pengguna', name, typed);
  }

  async filterFrom(date: string) {
    const from = this.page.getByRole('textbox', { name: 'Dari tanggal' });
    await from.fill(date);
    await from.blur();
  }
}
