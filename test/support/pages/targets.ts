/** Target: the office's and each pendamping's yearly target, the default or one set by the administrator. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class TargetsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<TargetsPage> {
    await navigate(page, 'Target');
    return new TargetsPage(page);
  }

  pendamping(name: string): Locator {
    return this.page.getByRole('table', { name: 'Target per pendamping' }).getByRole('row', { name: new RegExp(name) });
  }

  /** Opens "Ubah target" of a pendamping; returns its dialog. */
  async openTarget(name: string): Promise<Locator> {
    await this.pendamping(name)
      .getByRole('button', { name: `Ubah target ${name}` })
      .click();
    return this.page.getByRole('dialog', { name: new RegExp(name) });
  }

  async setKpm(dialog: Locator, value: string) {
    await dialog.getByRole('textbox', { name: 'Target (KPM)' }).fill(value);
  }

  async save(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
  }
}
