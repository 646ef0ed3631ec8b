/** Verifikasi dokumen: scan or paste a printed code and read the verdict; the office's keys and others'. */
import type { Locator, Page } from '@playwright/test';
import { navigate } from '../web';

export class DocumentVerificationPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<DocumentVerificationPage> {
    await navigate(page, 'Verifikasi dokumen');
    return new DocumentVerificationPage(page);
  }

  get code(): Locator {
    return this.page.getByLabel('Kode verifikasi');
  }

  /** Types a code into the big input as a USB scanner does: the characters, then Enter. */
  async scan(code: string) {
    await this.code.pressSequentially(code, { delay: 0 });
    await this.code.press('Enter');
  }

  /** Pastes a code and checks it with the button. */
  async paste(code: string) {
    await this.code.fill(code);
    await this.page.getByRole('button', { name: 'Periksa' }).click();
  }

  get verdict(): Locator {
    return this.page.getByRole('status', { name: 'Hasil verifikasi' });
  }

  get details(): Locator {
    return this.page.getByRole('table', { name: 'Rincian dokumen' });
  }

  get fingerprint(): Locator {
    return this.page.getByLabel('Sidik kunci kantor ini');
  }

  /** Downloads the office's public key; returns the download. */
  async downloadPublicKey() {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Unduh kunci publik kantor' }).click();
    return downloading;
  }

  /** Imports another office's key file through the file chooser. */
  async importKey(name: string, buffer: Buffer) {
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Impor kunci kantor lain…' }).click();
    await (await choosing).setFiles({ name, mimeType: 'application/json', buffer });
  }

  get otherKeys(): Locator {
    return this.page.getByRole('table', { name: 'Kunci kantor lain' });
  }
}
