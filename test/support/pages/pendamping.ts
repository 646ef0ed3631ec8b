/** Pendamping: the office's pendamping with the kecamatan they cover and their families, moved in bulk. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export interface PendampingForm {
  name: string;
  nip: string;
  districts: string[];
}

export class PendampingPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<PendampingPage> {
    await navigate(page, 'Pendamping');
    return new PendampingPage(page);
  }

  pendamping(name: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }

  /** "Tambah pendamping"; saved with Enter from the name, as staff do. Returns the dialog. */
  async add(form: PendampingForm): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Tambah pendamping' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah pendamping' });
    const name = dialog.getByRole('textbox', { name: 'Nama pendamping' });
    await expect(name).toBeFocused();
    await name.fill(form.name);
    await dialog.getByRole('textbox', { name: 'NIP / NI PPPK' }).fill(form.nip);
    await dialog.getByRole('combobox', { name: 'Kecamatan wilayah tugas' }).click();
    for (const district of form.districts) await this.page.getByRole('option', { name: district }).click();
    await name.press('Enter');
    return dialog;
  }

  /** "Pindahkan semua KPM" of one pendamping to another; returns the dialog with its question. */
  async moveAll(from: string, to: RegExp): Promise<Locator> {
    await this.page.getByRole('button', { name: `Pindahkan semua KPM ${from}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Pindahkan semua KPM' });
    await dialog.getByRole('combobox', { name: 'Pendamping tujuan' }).click();
    await this.page.getByRole('option', { name: to }).click();
    return dialog;
  }
}
