/** Usaha graduasi: the business report per kecamatan and programme, the BLK/PENA lists and the UMK. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class BusinessPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<BusinessPage> {
    await navigate(page, 'Usaha graduasi');
    await expect(page.getByRole('heading', { name: 'Usaha keluarga graduasi' })).toBeVisible();
    return new BusinessPage(page);
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  async setUmk(digits: string) {
    await this.tab('UMK').click();
    await this.page.getByRole('textbox', { name: 'UMK kabupaten/kota per bulan' }).fill(digits);
    await this.page.getByRole('button', { name: 'Simpan UMK' }).click();
    await expect(this.page.getByText(/UMK disimpan/)).toBeVisible();
  }

  /** The row of a kecamatan in "Usaha per kecamatan": its cells' texts. */
  kecamatanRow(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Usaha per kecamatan' })
      .getByRole('row', { name: new RegExp(`^${name}`) });
  }
}
