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
