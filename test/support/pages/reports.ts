/** Laporan: the report per kecamatan (table, charts, period, Excel), per desa, and per pendamping. */
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, navigate } from '../web';

export class ReportsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<ReportsPage> {
    await navigate(page, 'Laporan');
    const report = new ReportsPage(page);
    await expect(report.districts).toBeVisible();
    return report;
  }

  get districts(): Locator {
    return this.page.getByRole('table', { name: 'Laporan per kecamatan' });
  }

  /** The cells of a kecamatan's row. */
  district(name: string): Locator {
    return this.districts.getByRole('row', { name: new RegExp(name) }).getByRole('cell');
  }

  chart(label: string): Locator {
    return this.page.getByLabel(label);
  }

  async startFrom(month: string) {
    await this.page.getByRole('combobox', { name: 'Dari bulan' }).click();
    await this.page.getByRole('option', { name: month, exact: true }).click();
  }

  period(text: string): Locator {
    return this.page.getByText(`Periode ${text}`);
  }

  /** Downloads the report as Excel into the test's output folder; returns the suggested name and the path. */
  async downloadExcel(outputPath: (name: string) => string): Promise<{ name: string; file: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Unduh Excel' }).click(),
    ]);
    const file = outputPath(download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), file };
  }

  /** The desa of one kecamatan ("Per desa"). */
  async openVillages(district: string, typed: string): Promise<Locator> {
    await this.page.getByRole('tab', { name: 'Per desa' }).click();
    await choose(this.page, 'Kecamatan', district, typed);
    return this.page.getByRole('table', { name: 'Laporan per desa/kelurahan' });
  }

  /** A pendamping's own report ("Laporan pendamping"). */
  async openPendamping(name: string, typed: string) {
    await this.page.getByRole('tab', { name: 'Laporan pendamping' }).click();
    await choose(this.page, 'Pendamping', name, typed);
  }

  /** Prints the pendamping's report; returns its PDF dialog. */
  async printPendamping(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Cetak' }).click();
    return this.page.getByRole('dialog', { name: 'Laporan kinerja pendamping' });
  }
}
