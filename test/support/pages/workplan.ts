/** Rencana kerja: a pendamping's plan of the month (draft, complete, submit, mark done) and the office's list. */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export class WorkPlanPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, month?: string): Promise<WorkPlanPage> {
    await navigate(page, 'Rencana kerja');
    await expect(page.getByRole('heading', { name: 'Rencana kerja bulanan', level: 1 })).toBeVisible();
    if (month) await page.getByRole('textbox', { name: 'Bulan' }).fill(month);
    return new WorkPlanPage(page);
  }

  get activities(): Locator {
    return this.page.getByRole('table', { name: 'Kegiatan rencana kerja' });
  }

  activity(title: string | RegExp): Locator {
    return this.activities.getByRole('row').filter({ hasText: title });
  }

  async draft() {
    await this.page.getByRole('button', { name: 'Susun draf' }).click();
  }

  /** "Tambah kegiatan" filled and saved. */
  async add(item: { kind: string; date: string; title: string; place?: string }) {
    await this.page.getByRole('button', { name: 'Tambah kegiatan' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah kegiatan' });
    await dialog.getByRole('combobox', { name: 'Jenis kegiatan' }).click();
    await this.page.getByRole('option', { name: item.kind, exact: true }).click();
    await dialog.getByLabel('Tanggal').fill(item.date);
    await dialog.getByRole('textbox', { name: 'Uraian kegiatan' }).fill(item.title);
    if (item.place) await dialog.getByRole('textbox', { name: 'Tempat' }).fill(item.place);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
  }

  /** "Ajukan rencana" and its question answered. */
  async submit() {
    await this.page.getByRole('button', { name: 'Ajukan rencana' }).click();
    const question = this.page.getByRole('dialog', { name: 'Ajukan rencana kerja' });
    await question.getByRole('button', { name: 'Ajukan' }).click();
    await expect(question).toBeHidden();
  }

  async markDone(title: string | RegExp) {
    await this.activity(title).getByRole('button', { name: 'Terlaksana', exact: true }).click();
  }

  async markNotDone(title: string | RegExp, reason: string) {
    await this.activity(title).getByRole('button', { name: 'Tidak terlaksana', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Kegiatan tidak terlaksana' });
    await dialog.getByRole('textbox', { name: 'Alasan' }).fill(reason);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
  }

  get submissions(): Locator {
    return this.page.getByRole('table', { name: 'Pengajuan rencana kerja' });
  }

  submission(pendamping: string): Locator {
    return this.submissions.getByRole('row').filter({ hasText: pendamping });
  }
}
