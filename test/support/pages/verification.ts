/** Verifikasi: the candidates waiting for the verifikator's visit, each scored in its own dialog. */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { navigate } from '../web';

export class VerificationPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<VerificationPage> {
    await navigate(page, 'Verifikasi');
    return new VerificationPage(page);
  }

  get queue(): Locator {
    return this.page.getByRole('table', { name: 'Calon menunggu verifikasi' });
  }

  /** Verifies a family with the best answer to each question scored here (100 of 100: layak graduasi). */
  async verifyAsWellOff(name: string) {
    await this.page.getByRole('button', { name: `Verifikasi ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Verifikasi ulang: ${name}` });
    await expect(dialog.getByText(/Belum lengkap/)).toBeVisible();
    await dialog.getByRole('radio', { name: 'Setara UMK atau lebih (100)' }).check();
    await dialog
      .getByRole('radiogroup', { name: /Kepemilikan rumah/ })
      .getByRole('radio', { name: 'Milik sendiri (100)' })
      .check();
    await dialog.getByRole('radio', { name: 'Kurang dari 50% (100)' }).check();
    await expect(dialog.getByText('Skor 100 dari 100 (ambang 60): layak graduasi.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Simpan verifikasi' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a candidate's verification dialog and returns it. */
  async openAssessment(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Verifikasi ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Verifikasi ulang: ${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The administrator's criteria (tab "Kriteria penilaian"). */
  get criteria(): Locator {
    return this.page.getByRole('table', { name: 'Kriteria verifikasi' });
  }

  /** Adds a criterion answered from P2K2: every session of `module` attended, Ya/Tidak, with its weight. */
  async addModuleCriterion(label: string, module: string, weight: number) {
    await this.page.getByRole('tab', { name: 'Kriteria penilaian' }).click();
    await this.page.getByRole('button', { name: 'Tambah kriteria' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah kriteria' });
    await dialog.getByRole('textbox', { name: 'Nama kriteria' }).fill(label);
    await dialog.getByRole('textbox', { name: 'Bobot' }).fill(String(weight));
    await dialog.getByRole('combobox', { name: 'Sumber jawaban' }).click();
    await this.page.getByRole('option', { name: 'P2K2: hadir di semua sesi modul' }).click();
    await dialog.getByRole('combobox', { name: 'Modul' }).click();
    await this.page.getByRole('option', { name: module, exact: true }).click();
    await this.page.screenshot({ path: test.info().outputPath('criterion-p2k2.png') });
    await dialog.getByRole('button', { name: 'Simpan kriteria' }).click();
    await expect(dialog).toBeHidden();
  }
}
