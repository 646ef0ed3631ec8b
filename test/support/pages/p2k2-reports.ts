/** Laporan P2K2: the report per area, the absence follow-up with its surat teguran, and SIKS-NG's texts. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class P2k2ReportsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<P2k2ReportsPage> {
    await navigate(page, 'Laporan P2K2');
    const report = new P2k2ReportsPage(page);
    await expect(report.table('kecamatan')).toBeVisible();
    return report;
  }

  table(area: string): Locator {
    return this.page.getByRole('table', { name: `Laporan P2K2 per ${area}` });
  }

  /** The cells of an area's row. */
  row(area: string, name: string): Locator {
    return this.table(area)
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('cell');
  }

  async groupBy(label: string) {
    await this.page.getByRole('radiogroup', { name: 'Kelompokkan per' }).getByText(label, { exact: true }).click();
  }

  async openAbsence(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Tindak lanjut alfa' }).click();
  }

  /** The follow-up list of one pendamping. */
  absence(pendamping: string): Locator {
    return this.page.getByRole('table', { name: `Tindak lanjut alfa ${pendamping}` });
  }

  /** Prints the family's surat teguran: the PDF opens in its dialog. */
  async warn(nama: string) {
    await this.page.getByRole('button', { name: `Cetak teguran ${nama}` }).click();
    await expect(this.page.getByRole('dialog', { name: 'Surat teguran P2K2' })).toBeVisible();
  }

  async openSiks(meeting: string) {
    await this.page.getByRole('tab', { name: 'SIKS-NG' }).click();
    const input = this.page.getByRole('combobox', { name: 'Pertemuan' });
    await input.click();
    await this.page.getByRole('option', { name: new RegExp(meeting) }).click();
  }

  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label });
  }
}
