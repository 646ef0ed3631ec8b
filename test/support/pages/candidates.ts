/**
 * Calon graduasi: the list of candidates (withdrawing several at once) and the alamiah scan of families left
 * without komponen, with its own tab.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class CandidatesPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<CandidatesPage> {
    await navigate(page, 'Calon graduasi');
    return new CandidatesPage(page);
  }

  // --- the list ---
  async openList() {
    await this.page.getByRole('tab', { name: 'Daftar calon' }).click();
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: 'Daftar calon graduasi' });
  }

  candidate(name: string): Locator {
    return this.list.getByRole('row', { name: new RegExp(name) });
  }

  /** Withdraws the chosen candidates with one reason; returns the dialog, checked before confirming. */
  async askToWithdraw(names: string[]): Promise<Locator> {
    for (const name of names) await this.list.getByRole('checkbox', { name: `Pilih ${name}` }).check();
    await this.withdrawButton(names.length).click();
    return this.page.getByRole('dialog', { name: `Batalkan ${names.length} calon` });
  }

  withdrawButton(count: number): Locator {
    return this.page.getByRole('button', { name: `Batalkan terpilih (${count})` });
  }

  async withdraw(dialog: Locator, count: number, reason: string) {
    await dialog.getByRole('textbox', { name: 'Alasan pembatalan' }).fill(reason);
    await dialog.getByRole('button', { name: `Batalkan ${count} calon` }).click();
    await expect(dialog).toBeHidden();
  }

  // --- the alamiah scan ---
  async openAlamiah() {
    await this.page.getByRole('tab', { name: 'Graduasi alamiah' }).click();
  }

  get scan(): Locator {
    return this.page.getByRole('table', { name: 'Hasil pemindaian alamiah' });
  }

  async addChosen(names: string[]) {
    for (const name of names) await this.page.getByRole('checkbox', { name: `Pilih ${name}` }).check();
    await this.page.getByRole('button', { name: `Tambahkan terpilih (${names.length})` }).click();
  }

  /** "Tambahkan semua yang cocok (n)"; returns the question's dialog. */
  async askToAddAll(count: number): Promise<Locator> {
    await this.page.getByRole('button', { name: `Tambahkan semua yang cocok (${count})` }).click();
    return this.page.getByRole('dialog', { name: 'Tambahkan semua yang cocok?' });
  }
}
