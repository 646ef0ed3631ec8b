/** Evaluasi pendamping and the monthly report as the koordinator and a pendamping use them. */
import { expect, type Locator, type Page } from '@playwright/test';

export class EvaluationPage {
  constructor(readonly page: Page) {}

  /** From Beranda's link. */
  static async openFromHome(page: Page): Promise<EvaluationPage> {
    await page.getByRole('link', { name: 'Evaluasi pendamping bulan ini' }).click();
    await expect(page.getByRole('heading', { name: 'Evaluasi pendamping' })).toBeVisible();
    return new EvaluationPage(page);
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Evaluasi pendamping' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  /** Opens "Nilai <name>", types a score per indicator (by its label), notes, and saves. */
  async evaluate(name: string, scores: Record<string, number>, notes: string) {
    await this.page.getByRole('button', { name: `Nilai ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`^Evaluasi ${name}`) });
    for (const [label, score] of Object.entries(scores)) {
      const field = dialog.getByRole('textbox', { name: `Nilai ${label}` });
      await field.fill(String(score));
    }
    await dialog.getByLabel('Catatan evaluasi').fill(notes);
    await dialog.getByRole('button', { name: 'Simpan evaluasi' }).click();
    await expect(dialog).toBeHidden();
  }

  async openReport(name: string): Promise<MonthReportPage> {
    await this.page.getByRole('link', { name: `Laporan bulanan ${name}` }).click();
    await expect(this.page.getByRole('heading', { name: 'Laporan kinerja bulanan' })).toBeVisible();
    return new MonthReportPage(this.page);
  }
}

export class MonthReportPage {
  constructor(readonly page: Page) {}

  figure(label: string): Locator {
    return this.page.getByRole('table', { name: 'Capaian bulan ini' }).getByRole('row').filter({ hasText: label });
  }

  async saveNotes(text: string) {
    await this.page.getByRole('textbox', { name: 'Catatan pendamping' }).fill(text);
    await this.page.getByRole('button', { name: 'Simpan catatan' }).click();
    await expect(this.page.getByRole('button', { name: 'Simpan catatan' })).toBeDisabled();
  }

  async print() {
    await this.page.getByRole('button', { name: 'Cetak' }).click();
  }
}

/** The family page's Pengaduan card: records a complaint through its dialog. */
export async function recordComplaint(
  page: Page,
  family: string,
  c: { category: string; issue: string; handledBy: string },
): Promise<Locator> {
  const card = page.getByRole('region', { name: 'Pengaduan' });
  await card.getByRole('button', { name: 'Catat pengaduan' }).click();
  const dialog = page.getByRole('dialog', { name: `Catat pengaduan: ${family}` });
  await dialog.getByRole('combobox', { name: 'Kategori' }).click();
  await page.getByRole('option', { name: c.category, exact: true }).click();
  await dialog.getByLabel('Isi pengaduan').fill(c.issue);
  await dialog.getByLabel('Ditangani oleh').fill(c.handledBy);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  return card;
}

/** Evaluasi > Indikator dan bobot: sets one row's weight and saves; returns the panel. */
export async function setIndicatorWeight(page: Page, row: number, weight: number): Promise<Locator> {
  await page.getByRole('tab', { name: 'Indikator dan bobot' }).click();
  const field = page.getByRole('textbox', { name: `Bobot indikator baris ${row}` });
  await field.fill(String(weight));
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  return page.getByRole('tabpanel', { name: 'Indikator dan bobot' });
}
