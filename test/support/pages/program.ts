/**
 * One programme of Bantuan usaha as a user sees it: its recipients with their stages, the tab to plan packages,
 * and the actions on chosen recipients (approve, handover with a BAST, the day's recipient list, cancel, correct).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { WebServer } from '../web';

export interface HandoverForm {
  place: string;
  officerNip: string;
  officerPosition: string;
  witness?: { name: string; position: string };
}

export interface PackageChange {
  item: string;
  quantity: string;
  cash: string;
  reason: string;
}

export class ProgramPage {
  constructor(readonly page: Page) {}

  /** The programme's page by its address (#/bantuan/<id>), as from a bookmark. */
  static async openById(page: Page, web: WebServer, programId: number): Promise<ProgramPage> {
    await page.goto(`${web.url.split('?')[0]}#/bantuan/${programId}`);
    await expect(page.getByRole('table', { name: 'Penerima bantuan' })).toBeVisible();
    return new ProgramPage(page);
  }

  get recipients(): Locator {
    return this.page.getByRole('table', { name: 'Penerima bantuan' });
  }

  /** The recipient's row, by the family's name. */
  recipient(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  get remaining(): Locator {
    return this.page.getByTestId('program-remaining');
  }

  /** On "Tambah penerima": the chosen families, one item and the cash as one package, planned in one step. */
  async plan(names: string[], item: string, cash: string) {
    await this.page.getByRole('tab', { name: 'Tambah penerima' }).click();
    for (const name of names) await this.page.getByRole('checkbox', { name: `Pilih ${name}` }).check();
    await this.page.getByRole('combobox', { name: 'Tambah barang ke paket' }).click();
    await this.page.getByRole('option', { name: new RegExp(item) }).click();
    await this.page.getByRole('textbox', { name: 'Uang tunai per KPM', exact: true }).fill(cash);
    await this.page.getByRole('textbox', { name: 'Jenis usaha', exact: true }).fill('Warung kelontong');
    await this.page.getByRole('button', { name: `Rencanakan bantuan untuk ${names.length} KPM` }).click();
  }

  familyCheckbox(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `Pilih ${name}` });
  }

  get planRefusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Bantuan tidak direncanakan' });
  }

  async selectAll() {
    await this.page.getByRole('checkbox', { name: 'Pilih semua penerima di halaman ini' }).check();
  }

  async select(name: string) {
    await this.familyCheckbox(name).check();
  }

  /** "Setujui (n)" for the chosen recipients. */
  async approve(count: number) {
    await this.page.getByRole('button', { name: `Setujui (${count})` }).click();
  }

  get approvalRefusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Tidak disetujui' });
  }

  /** Opens the day's recipient list (dialog "Daftar penerima") for signing on receipt. */
  async printRecipientList() {
    await this.page.getByRole('button', { name: 'Cetak daftar penerima' }).click();
    await this.page
      .getByRole('dialog', { name: 'Cetak daftar penerima' })
      .getByRole('button', { name: 'Cetak' })
      .click();
  }

  /** Hands over the chosen recipients; the BAST opens in its dialog ("Berita acara serah terima"). */
  async handOver(count: number, form: HandoverForm) {
    await this.page.getByRole('button', { name: `Serah terima (${count})` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Serah terima bantuan' });
    const field = (name: string) => dialog.getByRole('textbox', { name, exact: true });
    await field('Tempat').fill(form.place);
    await field('NIP petugas').fill(form.officerNip);
    await field('Jabatan petugas').fill(form.officerPosition);
    if (form.witness) {
      await dialog.getByRole('button', { name: 'Tambah saksi' }).click();
      await field('Nama saksi 1').fill(form.witness.name);
      await field('Jabatan saksi 1').fill(form.witness.position);
    }
    await dialog.getByRole('button', { name: 'Serahkan dan cetak BAST' }).click();
  }

  private async action(name: string, action: 'Batalkan' | 'Koreksi') {
    await this.recipient(name)
      .getByRole('button', { name: `Tindakan untuk ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async cancel(name: string, reason: string) {
    await this.action(name, 'Batalkan');
    const dialog = this.page.getByRole('dialog', { name: `Batalkan bantuan ${name}` });
    await dialog.getByRole('textbox', { name: 'Alasan pembatalan', exact: true }).fill(reason);
    await dialog.getByRole('button', { name: 'Batalkan bantuan' }).click();
  }

  /** Opens "Koreksi" of a handed-over award and fills the new package; returns the dialog, not yet saved. */
  async correction(name: string, change: PackageChange): Promise<Locator> {
    await this.action(name, 'Koreksi');
    const dialog = this.page.getByRole('dialog', { name: `Koreksi bantuan ${name}` });
    await dialog.getByRole('combobox', { name: 'Tambah barang ke paket' }).click();
    await this.page.getByRole('option', { name: new RegExp(change.item) }).click();
    await dialog.getByRole('textbox', { name: `Jumlah ${change.item}` }).fill(change.quantity);
    await dialog.getByRole('textbox', { name: 'Uang tunai per KPM', exact: true }).fill(change.cash);
    await dialog.getByRole('textbox', { name: 'Alasan koreksi', exact: true }).fill(change.reason);
    return dialog;
  }

  /** Opens the family's page from its recipient row. */
  async openFamily(name: string) {
    await this.recipient(name).getByRole('link', { name }).click();
  }
}
