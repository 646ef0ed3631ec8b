/** Pengguna: the office's accounts, one row each, with deactivation and password reset. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class UsersPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<UsersPage> {
    await navigate(page, 'Pengguna');
    await expect(page.getByRole('heading', { name: 'Pengguna', level: 1 })).toBeVisible();
    return new UsersPage(page);
  }

  /** "Tambah pengguna" with the default role (Operator), saved; returns the dialog (open while refused). */
  async add(user: { username: string; fullName: string; password: string }): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah pengguna' });
    await dialog.getByRole('textbox', { name: 'Nama pengguna' }).fill(user.username);
    await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill(user.fullName);
    await expect(dialog.getByRole('combobox', { name: 'Peran' })).toHaveValue(/^Operator/);
    await this.typePassword(dialog, user.password);
    return dialog;
  }

  /** The password and its repetition in the user form, then "Simpan". */
  async typePassword(dialog: Locator, password: string) {
    await dialog.getByLabel(/^Kata sandi/).fill(password);
    await dialog.getByLabel(/^Ulangi kata sandi/).fill(password);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
  }

  /** Usernames held after wrong passwords, each with its button to lift the hold. */
  get holds(): Locator {
    return this.page.getByRole('region', { name: 'Ditahan karena salah kata sandi' });
  }

  async liftHold(username: string) {
    await this.holds.getByRole('button', { name: `Lepas penahanan nama pengguna ${username}` }).click();
  }

  /** "Ubah" of a user; returns the dialog. */
  async openEdit(username: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Ubah ${username}` }).click();
    return this.page.getByRole('dialog', { name: `Ubah pengguna ${username}` });
  }

  async chooseRole(dialog: Locator, role: string) {
    await dialog.getByRole('combobox', { name: 'Peran' }).click();
    await this.page.getByRole('option', { name: role }).click();
  }

  user(username: string): Locator {
    return this.page.getByRole('row').filter({ hasText: username });
  }

  /** The row of exactly this username (user() also finds rows that merely mention it). */
  account(username: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  /** Deactivates after the question; returns the question's dialog text for checks. */
  async deactivate(username: string, check?: (dialog: Locator) => Promise<void>) {
    await this.user(username).getByRole('button', { name: 'Nonaktifkan' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Nonaktifkan pengguna ${username}?` });
    if (check) await check(dialog);
    await dialog.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
  }

  async activate(username: string) {
    await this.user(username).getByRole('button', { name: 'Aktifkan' }).click();
  }

  /** Resets the user's password; returns the temporary one the dialog shows. */
  async resetPassword(username: string): Promise<string> {
    await this.user(username).getByRole('button', { name: 'Atur ulang sandi' }).click();
    await this.page.getByRole('button', { name: 'Ya, atur ulang' }).click();
    const shown = this.page.getByRole('dialog', { name: 'Kata sandi sementara' }).locator('code');
    const temporary = (await shown.textContent()) ?? '';
    await this.page.getByRole('button', { name: 'Selesai' }).click();
    return temporary;
  }
}
