/** P2K2: groups (made by hand or by splitting a desa), a group's plan, and a meeting's record with its attendance. */
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, navigate } from '../web';
import { downloadPdf } from './pdf';

/** Picks an option of a Select inside a dialog (the page behind has Selects of the same name). */
async function chooseIn(scope: Locator, label: string, option: string) {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(option);
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

export class P2k2Page {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<P2k2Page> {
    await navigate(page, 'P2K2');
    await expect(page.getByRole('heading', { name: 'P2K2', exact: true })).toBeVisible();
    return new P2k2Page(page);
  }

  get groups(): Locator {
    return this.page.getByRole('table', { name: 'Kelompok P2K2' });
  }

  /** "Bagi desa ke kelompok": every family of the desa without a group, in groups of at most `size`. */
  async splitVillage(district: string, village: string, size: number, expected: string) {
    await this.page.getByRole('button', { name: 'Bagi desa ke kelompok' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Bagi KPM desa ke kelompok' });
    await chooseIn(dialog, 'Kecamatan', district);
    await chooseIn(dialog, 'Desa/kelurahan', village);
    await dialog.getByRole('textbox', { name: 'KPM per kelompok (paling banyak)' }).fill(String(size));
    await expect(dialog.getByText(expected)).toBeVisible();
    await dialog.getByRole('button', { name: /^Bagi ke \d+ kelompok$/ }).click();
    await expect(dialog).toBeHidden();
  }

  async openGroup(name: string): Promise<GroupPage> {
    await this.groups.getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { name, exact: true })).toBeVisible();
    return new GroupPage(this.page);
  }
}

export class GroupPage {
  constructor(readonly page: Page) {}

  async openTab(name: RegExp | string) {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Types the planned dates (dd/mm/yyyy) of topics and saves the plan. */
  async plan(dates: Record<string, string>) {
    await this.openTab('Rencana tahunan');
    for (const [topic, date] of Object.entries(dates)) {
      const field = this.page.getByRole('textbox', { name: `Tanggal rencana ${topic}` });
      await field.fill(date);
      await field.press('Tab');
    }
    await this.page.getByRole('button', { name: 'Simpan rencana' }).click();
  }

  /** "Cetak daftar hadir" of a planned topic on the year's plan; returns the downloaded PDF's path. */
  async printPlannedSheet(topic: string, dialogName: string): Promise<string> {
    await this.page.getByRole('button', { name: `Cetak daftar hadir ${topic}` }).click();
    const file = await downloadPdf(this.page, dialogName);
    await this.page.keyboard.press('Escape');
    return file;
  }

  get planWarnings(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Urutan materi tidak sesuai modul' });
  }

  async recordMeeting(): Promise<MeetingPage> {
    await this.page.getByRole('link', { name: 'Catat pertemuan' }).click();
    await expect(this.page.getByRole('heading', { name: 'Catat pertemuan P2K2' })).toBeVisible();
    return new MeetingPage(this.page);
  }
}

export class MeetingPage {
  constructor(readonly page: Page) {}

  async fill(facts: { topic: string; date: string; start: string; end: string; speaker: [string, string] }) {
    await choose(this.page, 'Modul / sesi', facts.topic);
    const date = this.page.getByRole('textbox', { name: 'Tanggal' });
    await date.fill(facts.date);
    await date.press('Tab');
    await this.page.getByRole('textbox', { name: 'Jam mulai' }).fill(facts.start);
    await this.page.getByRole('textbox', { name: 'Jam selesai' }).fill(facts.end);
    await this.page.getByRole('button', { name: 'Tambah narasumber' }).click();
    await this.page.getByRole('textbox', { name: 'Nama narasumber 1' }).fill(facts.speaker[0]);
    await this.page.getByRole('textbox', { name: 'Instansi narasumber 1' }).fill(facts.speaker[1]);
  }

  get attendance(): Locator {
    return this.page.getByRole('table', { name: 'Kehadiran KPM' });
  }

  /** The attendance choice of a family (Hadir, Izin, Sakit, Alfa). */
  status(family: string, choice: string): Locator {
    return this.attendance
      .getByRole('radiogroup', { name: `Kehadiran ${family}` })
      .getByRole('radio', { name: choice });
  }

  rating(kind: 'Perubahan perilaku' | 'Kemampuan mengenali potensi', family: string): Locator {
    return this.attendance.getByRole('combobox', { name: `${kind} ${family}` });
  }

  /** Picks a photo file as the "Tambah foto" button would. */
  async addPhoto(png: Buffer) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Tambah foto' }).click();
    await (await chooser).setFiles({ name: 'foto-kegiatan.png', mimeType: 'image/png', buffer: png });
  }

  async allPresent() {
    await this.page.getByRole('button', { name: 'Semua hadir' }).click();
  }

  async save(label: 'Simpan pertemuan' | 'Simpan koreksi') {
    await this.page.getByRole('button', { name: label }).click();
  }
}
