/** A family's page (Data KPM -> one KPM): identity, members, documents, awards, history. */
import { expect, type Locator, type Page } from '@playwright/test';

export class FamilyPage {
  constructor(readonly page: Page) {}

  /** The family's page by its address (#/kpm/<id>), as from a link elsewhere in the app. */
  static async openById(page: Page, kpmId: number): Promise<FamilyPage> {
    await page.evaluate((id) => {
      window.location.hash = `#/kpm/${id}`;
    }, kpmId);
    await expect(page).toHaveURL(new RegExp(`#/kpm/${kpmId}$`));
    return new FamilyPage(page);
  }

  /** A card of the page by its name ("Bantuan usaha", "Dokumen" ...). */
  card(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** "Cetak surat keterangan graduasi" from the Dokumen card, issued; the PDF opens ("Dokumen diterbitkan"). */
  async issueGraduationLetter(name: string) {
    await this.card('Dokumen').getByRole('button', { name: 'Cetak surat keterangan graduasi' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Surat keterangan graduasi: ${name}` });
    await dialog.getByRole('button', { name: 'Terbitkan dan cetak' }).click();
  }

  /** "Laporan data pribadi": the family's own data as a PDF; returns its dialog. */
  get dataReportButton(): Locator {
    return this.page.getByRole('button', { name: 'Laporan data pribadi' });
  }

  async printDataReport(): Promise<Locator> {
    await this.dataReportButton.click();
    return this.page.getByRole('dialog', { name: 'Laporan data pribadi keluarga' });
  }

  /** The P2K2 card: the family's group, attendance and latest meetings. */
  get p2k2(): Locator {
    return this.card('P2K2');
  }

  get documents(): Locator {
    return this.page.getByRole('table', { name: 'Dokumen yang diterbitkan' });
  }

  /** "Usulkan calon graduasi" (mandiri) with its reasons and note. */
  async proposeMandiri(name: string, reasons: string[], note: string) {
    await this.page.getByRole('button', { name: 'Usulkan calon graduasi' }).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`Usulkan ${name}`) });
    await dialog.getByRole('combobox', { name: 'Alasan' }).click();
    for (const reason of reasons) await this.page.getByRole('option', { name: reason }).click();
    await dialog.getByRole('textbox', { name: 'Catatan' }).fill(note);
    await dialog.getByRole('button', { name: 'Tambahkan calon' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The family's graduation steps so far. */
  get timeline(): Locator {
    return this.card('Tahapan graduasi');
  }

  /** The pengurus' name wherever it shows on the page. */
  name(text: string): Locator {
    return this.page.getByText(text);
  }
}
