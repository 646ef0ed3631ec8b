/** The import wizard (Impor Data) as a user sees it: file, column mapping, dry-run report, save, history. */
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, navigate } from '../web';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ImportWizard {
  constructor(readonly page: Page) {}

  /** Impor Data from the main navigation. */
  static async open(page: Page): Promise<ImportWizard> {
    await navigate(page, 'Impor Data');
    await expect(page.getByRole('heading', { name: 'Impor Data' })).toBeVisible();
    return new ImportWizard(page);
  }

  // --- step 1: the file ---
  async chooseFile(name: string, buffer: Buffer, mimeType = XLSX_TYPE) {
    await this.page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  }

  get readButton(): Locator {
    return this.page.getByRole('button', { name: 'Baca dan periksa berkas' });
  }

  async read() {
    await this.readButton.click();
  }

  /** Picks a saved mapping before reading the file. */
  async useSavedMapping(name: string, typed = name) {
    await choose(this.page, 'Pemetaan kolom tersimpan (boleh dikosongkan)', name, typed);
  }

  /** The refusal of a file that cannot be read. */
  get fileRefusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Berkas tidak dapat dibaca' });
  }

  // --- step 2: the columns ---
  get mappingTable(): Locator {
    return this.page.getByRole('table', { name: 'Pemetaan kolom' });
  }

  /** The field a column is imported as, by its letter and header ("B", "NOMOR PESERTA"). */
  column(letter: string, header: string): Locator {
    return this.page.getByRole('combobox', { name: `Kolom ${letter} ${header} diimpor sebagai` });
  }

  async mapColumn(letter: string, header: string, field: string) {
    await choose(this.page, `Kolom ${letter} ${header} diimpor sebagai`, field);
  }

  async applyMapping() {
    await this.page.getByRole('button', { name: 'Terapkan' }).click();
  }

  async saveMapping(name: string) {
    await this.page.getByRole('textbox', { name: 'Nama pemetaan' }).fill(name);
    await this.page.getByRole('button', { name: 'Simpan pemetaan' }).click();
  }

  async toReport() {
    await this.page.getByRole('button', { name: 'Lanjut: laporan uji coba' }).click();
  }

  // --- step 3: the dry run ---
  /** A count of the report, e.g. count('akan ditambah', 3). */
  count(label: string, n: number): Locator {
    return this.page.getByRole('group', { name: `${label}: ${n}` });
  }

  get problemCounts(): Locator {
    return this.page.getByRole('group', { name: 'Jumlah per jenis masalah' });
  }

  /** The row of the problem list that mentions `text`. */
  problem(text: string): Locator {
    return this.page.getByRole('table', { name: 'Daftar masalah' }).getByRole('row').filter({ hasText: text });
  }

  createPendamping(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `Buat pendamping baru ${name}` });
  }

  /** Saves after the confirmation; returns the confirmation dialog for checks made before confirming. */
  async askToSave(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Simpan ke database' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Simpan hasil impor ke database?' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async confirmSave(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Ya, simpan' }).click();
  }

  /** The message once the import is saved. */
  get done(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Impor selesai' });
  }

  // --- history ---
  async openHistory() {
    await this.page.getByRole('tab', { name: 'Riwayat impor' }).click();
  }

  get history(): Locator {
    return this.page.getByRole('table', { name: 'Riwayat impor' });
  }

  batch(n: number): Locator {
    return this.history.getByRole('row', { name: new RegExp(`#${n}\\b`) });
  }

  /** Asks to undo batch `n`; returns the question's dialog. */
  async askToUndo(n: number): Promise<Locator> {
    await this.batch(n)
      .getByRole('button', { name: `Batalkan impor #${n}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Batalkan impor #${n}?` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
