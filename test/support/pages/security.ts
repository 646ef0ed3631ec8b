/** Pengaturan, tab "Keamanan": how long an idle session lasts and which roles see NIKs in full. */
import type { Locator, Page } from '@playwright/test';
import { SettingsPage } from './settings';

export class SecurityPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<SecurityPage> {
    await SettingsPage.open(page);
    return SecurityPage.openTab(page);
  }

  /** The tab again, e.g. after a reload. */
  static async openTab(page: Page): Promise<SecurityPage> {
    await page.getByRole('tab', { name: 'Keamanan' }).click();
    return new SecurityPage(page);
  }

  get idleMinutes(): Locator {
    return this.page.getByLabel('Lama sesi tanpa aktivitas (menit)');
  }

  /** The checkbox "sees NIKs in full" of a role by its label ("Administrator", "Pimpinan" ...). */
  fullNik(role: string): Locator {
    return this.page.getByRole('checkbox', { name: role });
  }

  async save() {
    await this.page.getByRole('button', { name: 'Simpan pengaturan keamanan' }).click();
  }
}
