/** Data KPM: the list of families, one row each, linking to the family's page. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';
import { FamilyPage } from './family';

export class KpmListPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<KpmListPage> {
    await navigate(page, 'Data KPM');
    await expect(page.getByRole('heading', { name: 'Data KPM' })).toBeVisible();
    return new KpmListPage(page);
  }

  get search(): Locator {
    return this.page.getByRole('textbox', { name: 'Cari KPM' });
  }

  /** "1–2 dari 2 KPM": which families of how many the list shows. */
  get count(): Locator {
    return this.page.getByTestId('kpm-count');
  }

  /** Picks an option of a list filter (e.g. filter('ID KPM', 'Tanpa ID KPM')). */
  async filter(label: string, option: string) {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  /** "Buat kelompok P2K2 dari hasil filter": shown when the list is filtered to one desa. */
  get groupFromFilterButton(): Locator {
    return this.page.getByRole('button', { name: 'Buat kelompok P2K2 dari hasil filter' });
  }

  /** Opens the create-group dialog from the filter and returns it. */
  async groupFromFilter(): Promise<Locator> {
    await this.groupFromFilterButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Buat kelompok P2K2' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async clearFilters() {
    await this.page.getByRole('button', { name: 'Hapus filter' }).click();
  }

  /** The link to a family's page, by the pengurus' name. */
  link(name: string): Locator {
    return this.page.getByRole('link', { name });
  }

  /** The family's row, by the pengurus' name. */
  family(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  async select(names: string[]) {
    for (const name of names) await this.page.getByRole('checkbox', { name: `Pilih ${name}` }).check();
  }

  /** Moves the chosen families to another pendamping ("Pindahkan ke pendamping…"). */
  async moveChosen(count: number, to: string) {
    await this.page.getByRole('button', { name: 'Pindahkan ke pendamping…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Pindahkan ke pendamping lain' });
    await dialog.getByRole('combobox', { name: 'Pendamping tujuan' }).click();
    await this.page.getByRole('option', { name: to }).click();
    await dialog.getByRole('button', { name: `Pindahkan ${count} KPM` }).click();
  }

  async openFamily(name: string): Promise<FamilyPage> {
    await this.family(name).getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
    return new FamilyPage(this.page);
  }
}
