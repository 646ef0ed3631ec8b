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

  /** The member table of an opened KUBE ("Lihat anggota dan aset"). */
  kubeMembers(kubeName: string): Locator {
    return this.page.getByRole('table', { name: `Anggota KUBE ${kubeName}` });
  }

  /** Picks a graduated family by name in "Tambah anggota" and adds it to the opened KUBE. */
  async addKubeMember(name: string) {
    const family = this.page.getByRole('combobox', { name: 'Keluarga graduasi', exact: true });
    await family.fill(name);
    await this.page.getByRole('option', { name: new RegExp(name) }).click();
    await this.page.getByRole('button', { name: 'Tambah anggota' }).click();
  }

  /** "Keluarkan" on a member's row, then the confirmation. */
  async removeKubeMember(kubeName: string, name: string) {
    await this.kubeMembers(kubeName)
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('button')
      .click();
    const confirm = this.page.getByRole('dialog', { name: new RegExp(`Keluarkan ${name}`) });
    await confirm.getByRole('button', { name: 'Ya, keluarkan' }).click();
    await expect(confirm).toBeHidden();
  }

  /** The row of a kecamatan in "Usaha per kecamatan": its cells' texts. */
  kecamatanRow(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Usaha per kecamatan' })
      .getByRole('row', { name: new RegExp(`^${name}`) });
  }
}
