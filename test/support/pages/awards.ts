/** Bantuan usaha as a user sees it: the programmes, the catalogue and the report, each on its tab. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';
import { ProgramPage } from './program';

export interface ProgramForm {
  name: string;
  /** Rupiah as typed, digits only ("20000000"). */
  budget: string;
  min: string;
  max: string;
}

export interface ItemForm {
  name: string;
  unit: string;
  price: string;
}

const rupiah = (digits: string) => `Rp${digits.replace(/\B(?=(\d{3})+$)/g, '.')}`;

/** Picks an option of a Mantine Select that is not searchable. */
export async function pick(page: Page, label: string, option: string) {
  await page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export class AwardsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<AwardsPage> {
    await navigate(page, 'Bantuan usaha');
    return new AwardsPage(page);
  }

  // --- programmes ---
  async openPrograms() {
    await this.page.getByRole('tab', { name: 'Program', exact: true }).click();
  }

  /** The form of "Program baru", opened. */
  async openNewProgram(): Promise<Locator> {
    await this.openPrograms();
    await this.page.getByRole('button', { name: 'Program baru' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Program bantuan baru' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** A new active programme of goods and cash; waits until its card shows the whole budget as remaining. */
  async createProgram(program: ProgramForm) {
    const dialog = await this.openNewProgram();
    const field = (name: string) => dialog.getByRole('textbox', { name, exact: true });
    await field('Nama program').fill(program.name);
    await field('Pagu anggaran').fill(program.budget);
    await field('Nilai minimal per KPM').fill(program.min);
    await field('Nilai maksimal per KPM').fill(program.max);
    await dialog.getByText('Barang dan uang').click();
    await pick(this.page, 'Status program', 'Aktif');
    await dialog.getByRole('button', { name: 'Simpan program' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.programCard(program.name)).toContainText(`Sisa ${rupiah(program.budget)}`);
  }

  programCard(name: string): Locator {
    return this.page.getByRole('article', { name: `Program ${name}` });
  }

  async openProgram(name: string): Promise<ProgramPage> {
    await this.openPrograms();
    await this.page.getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
    return new ProgramPage(this.page);
  }

  // --- catalogue ---
  async addItem(item: ItemForm) {
    await this.page.getByRole('tab', { name: 'Katalog barang' }).click();
    await this.page.getByRole('button', { name: 'Tambah barang' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah barang' });
    await dialog.getByRole('textbox', { name: 'Nama barang', exact: true }).fill(item.name);
    await dialog.getByRole('textbox', { name: 'Satuan', exact: true }).fill(item.unit);
    await dialog.getByRole('textbox', { name: 'Harga satuan', exact: true }).fill(item.price);
    await dialog.getByRole('button', { name: 'Simpan barang' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.catalogueItem(item.name)).toBeVisible();
  }

  catalogueItem(name: string): Locator {
    return this.page.getByRole('table', { name: 'Katalog barang' }).getByRole('row', { name: new RegExp(name) });
  }

  // --- report ---
  async openReport() {
    await this.page.getByRole('tab', { name: 'Laporan bantuan' }).click();
  }

  reportProgram(name: string): Locator {
    return this.page.getByRole('table', { name: 'Program' }).getByRole('row').filter({ hasText: name });
  }

  /** Row n (1-based) of the report per kecamatan. */
  reportDistrict(n: number): Locator {
    return this.page.getByRole('table', { name: 'Per kecamatan' }).getByRole('row').nth(n);
  }

  /** Downloads the report as Excel; returns the file's suggested name. */
  async downloadExcel(): Promise<string> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Unduh Excel' }).click(),
    ]);
    return file.suggestedFilename();
  }

  /** Opens the printed report (dialog "Laporan bantuan usaha"). */
  async printReport() {
    await this.page.getByRole('button', { name: 'Cetak', exact: true }).click();
  }
}
