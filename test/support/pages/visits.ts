/** Pemantauan: the follow-up visits due after graduation, by state, each recorded in its own dialog. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export interface VisitForm {
  visitor: string;
  businessRunning: 'Ya' | 'Tidak';
  income: string;
  /** Left out to try saving without the last answer. */
  vulnerableAgain?: 'Ya' | 'Tidak';
}

export class VisitsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<VisitsPage> {
    await navigate(page, 'Pemantauan');
    return new VisitsPage(page);
  }

  /** The tab of a state with its count, e.g. "Terlambat (7)". */
  tab(state: string, count: number): Locator {
    return this.page.getByText(new RegExp(`^${state} \\(${count}\\)$`));
  }

  list(state: string): Locator {
    return this.page.getByRole('table', { name: state });
  }

  /** Opens "Catat kunjungan" of a row and fills it; returns the dialog, not yet saved. */
  async record(row: Locator, form: VisitForm): Promise<Locator> {
    await row.getByRole('button', { name: /Catat kunjungan/ }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Catat kunjungan pemantauan' });
    await dialog.getByRole('textbox', { name: 'Dikunjungi oleh' }).fill(form.visitor);
    await dialog.getByRole('radiogroup', { name: 'Usaha masih berjalan?' }).getByLabel(form.businessRunning).check();
    await dialog.getByRole('combobox', { name: 'Penghasilan' }).click();
    await this.page.getByRole('option', { name: form.income }).click();
    if (form.vulnerableAgain) await this.answerVulnerable(dialog, form.vulnerableAgain);
    return dialog;
  }

  /** Ticks "Catat usaha keluarga" and fills the business section (type label, ISO start, rupiah digits). */
  async fillBusiness(dialog: Locator, business: { type: string; start: string; turnover: string; income: string }) {
    await dialog.getByRole('checkbox', { name: /Catat usaha keluarga/ }).check();
    await dialog.getByRole('combobox', { name: 'Jenis usaha' }).click();
    await this.page.getByRole('option', { name: business.type }).click();
    const start = dialog.getByRole('textbox', { name: 'Mulai usaha' });
    await start.fill(business.start);
    await start.press('Tab');
    await dialog.getByRole('textbox', { name: 'Omzet per bulan' }).fill(business.turnover);
    await dialog.getByRole('textbox', { name: 'Pendapatan per bulan' }).fill(business.income);
  }

  async answerVulnerable(dialog: Locator, answer: 'Ya' | 'Tidak') {
    await dialog
      .getByRole('radiogroup', { name: /kembali rentan/ })
      .getByLabel(answer)
      .check();
  }

  async save(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Simpan kunjungan' }).click();
  }

  async expectSaved(dialog: Locator) {
    await expect(dialog).toBeHidden();
  }
}
