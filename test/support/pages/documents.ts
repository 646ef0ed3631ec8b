/** Agenda surat: every issued letter, reprinted or voided from its row, and the register as Excel. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class DocumentsRegisterPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<DocumentsRegisterPage> {
    await navigate(page, 'Agenda surat');
    return new DocumentsRegisterPage(page);
  }

  /** The letter's row, by its number. */
  letter(number: string): Locator {
    return this.page.getByRole('row').filter({ hasText: number });
  }

  /** "Cetak ulang" of a letter; the copy opens in its dialog ("Cetak ulang"). */
  async reprint(number: string) {
    await this.letter(number)
      .getByRole('button', { name: `Cetak ulang ${number}` })
      .click();
  }

  /** "Satu kelompok": the whole wisuda batch the letter was issued in, again (dialog "Cetak ulang"). */
  async reprintBatch(number: string) {
    await this.page.getByRole('button', { name: `Cetak ulang satu kelompok ${number}` }).click();
  }

  /** "Batalkan" of a letter; returns the void dialog. */
  async askToVoid(number: string): Promise<Locator> {
    await this.letter(number)
      .getByRole('button', { name: `Batalkan ${number}` })
      .click();
    return this.page.getByRole('dialog', { name: `Batalkan dokumen nomor ${number}` });
  }

  async confirmVoid(dialog: Locator, reason?: string) {
    if (reason !== undefined) await dialog.getByLabel('Alasan pembatalan').fill(reason);
    await dialog.getByRole('button', { name: 'Batalkan dokumen' }).click();
  }

  /** Downloads the register as Excel; returns the file's suggested name. */
  async downloadExcel(): Promise<string> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Unduh Excel' }).click(),
    ]);
    await expect(this.page.getByRole('button', { name: 'Unduh Excel' })).toBeEnabled();
    return file.suggestedFilename();
  }
}
