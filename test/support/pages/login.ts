/** The login page and the forced password change after it, as a user meets them. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { WebServer } from '../web';

export class LoginPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, web: WebServer): Promise<LoginPage> {
    await page.goto(web.url);
    return new LoginPage(page);
  }

  get username(): Locator {
    return this.page.getByLabel('Nama pengguna');
  }

  get signInButton(): Locator {
    return this.page.getByRole('button', { name: 'Masuk' });
  }

  /** Types the name and password and presses Enter, as staff do (or clicks "Masuk"). */
  async signIn(username: string, password: string, submit: 'Enter' | 'button' = 'Enter') {
    await this.username.fill(username);
    await this.page.getByLabel('Kata sandi').fill(password);
    if (submit === 'Enter') await this.page.getByLabel('Kata sandi').press('Enter');
    else await this.signInButton.click();
  }

  /** Why the login was refused. */
  get refusal(): Locator {
    return this.page.getByRole('alert');
  }

  /** Nobody is signed in: the main navigation is not there. */
  async expectSignedOut() {
    await expect(this.page.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);
  }

  /** The forced change of a temporary password, right after signing in with it. */
  async chooseNewPassword(temporary: string, password: string, repeated = password) {
    await expect(this.page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
    await this.page.getByLabel('Kata sandi sementara').fill(temporary);
    await this.page.getByLabel(/^Kata sandi baru/).fill(password);
    await this.page.getByLabel('Ulangi kata sandi baru').fill(repeated);
    await this.page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  }
}
