/** Pengaturan, tab "Profil kantor": the office's name, head and NIP that every letter prints. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class SettingsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<SettingsPage> {
    await navigate(page, 'Pengaturan');
    await expect(page.getByRole('tab', { name: 'Profil kantor' })).toHaveAttribute('aria-selected', 'true');
    return new SettingsPage(page);
  }

  field(label: 'Nama instansi' | 'Kabupaten/kota' | 'Nama kepala dinas' | 'NIP'): Locator {
    return this.page.getByLabel(label);
  }

  async saveProfile() {
    await this.page.getByRole('button', { name: 'Simpan profil kantor' }).click();
  }
}
