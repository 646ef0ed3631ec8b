/** The KPM form (Tambah KPM / Ubah) as a user sees it: fields by their labels, members by their number. */
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, navigate, type WebServer } from '../web';

export interface FormFamily {
  idKpm?: string;
  noKk: string;
  nik: string;
  nama: string;
  tanggalLahir?: string;
  alamat?: string;
  rt?: string;
  rw?: string;
  /** Kecamatan and desa as listed, with the text typed to find them. */
  kecamatan?: { name: string; typed: string };
  desa?: { name: string; typed: string };
}

export interface FormMember {
  nik?: string;
  nama: string;
  hubungan: string;
  tanggalLahir: string;
  jk?: 'L' | 'P';
  komponen?: string;
}

export class KpmForm {
  constructor(readonly page: Page) {}

  /** Data KPM -> Tambah KPM. */
  static async openNew(page: Page): Promise<KpmForm> {
    await navigate(page, 'Data KPM');
    await page.getByRole('link', { name: 'Tambah KPM' }).click();
    await expect(page.getByRole('heading', { name: 'Tambah KPM' })).toBeVisible();
    return new KpmForm(page);
  }

  /** The edit page of a registered family by its address (#/kpm/<id>/ubah). */
  static async openEdit(page: Page, web: WebServer, kpmId: number): Promise<KpmForm> {
    await page.goto(`${new URL(web.url).origin}/#/kpm/${kpmId}/ubah`);
    return new KpmForm(page);
  }

  textbox(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  get nik(): Locator {
    return this.textbox('NIK pengurus');
  }

  /** The pengurus' birth date (not a member's). */
  get birthDate(): Locator {
    return this.page.getByLabel('Tanggal lahir', { exact: true });
  }

  async fillDate(field: Locator, isoDate: string) {
    await field.fill(isoDate);
  }

  async fillFamily(family: FormFamily) {
    if (family.idKpm !== undefined) await this.textbox('ID KPM').fill(family.idKpm);
    await this.textbox('No. KK').fill(family.noKk);
    await this.nik.fill(family.nik);
    await this.textbox('Nama pengurus').fill(family.nama);
    if (family.tanggalLahir) await this.fillDate(this.birthDate, family.tanggalLahir);
    if (family.alamat !== undefined) await this.textbox('Alamat').fill(family.alamat);
    if (family.rt !== undefined) await this.textbox('RT').fill(family.rt);
    if (family.rw !== undefined) await this.textbox('RW').fill(family.rw);
    if (family.kecamatan) await choose(this.page, 'Kecamatan', family.kecamatan.name, family.kecamatan.typed);
    if (family.desa) await choose(this.page, 'Desa/kelurahan', family.desa.name, family.desa.typed);
  }

  /** Adds member number `n` (1-based, in the order added). */
  async addMember(n: number, member: FormMember) {
    await this.page.getByRole('button', { name: '+ Tambah anggota' }).click();
    if (member.nik) await this.textbox(`NIK anggota ${n}`).fill(member.nik);
    await this.textbox(`Nama anggota ${n}`).fill(member.nama);
    await this.memberSelect('Hubungan', n).selectOption(member.hubungan);
    await this.fillDate(this.page.getByLabel(`Tanggal lahir anggota ${n}`), member.tanggalLahir);
    if (member.jk) await this.memberSelect('Jenis kelamin', n).selectOption(member.jk);
    if (member.komponen) await this.memberSelect('Komponen', n).selectOption(member.komponen);
  }

  /** Member number `n`'s row, with its warnings. */
  memberRow(n: number): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByLabel(`Nama anggota ${n}`) });
  }

  /** Types a date as staff do: into the field with the keyboard, replacing what is there, then Tab. */
  async typeDate(label: string, typed: string): Promise<Locator> {
    const field = this.page.getByLabel(label, { exact: true });
    await field.click();
    await field.press('ControlOrMeta+A');
    await this.page.keyboard.type(typed);
    await this.page.keyboard.press('Tab');
    return field;
  }

  memberSelect(field: 'Hubungan' | 'Jenis kelamin' | 'Komponen', n: number): Locator {
    return this.page.getByRole('combobox', { name: `${field} anggota ${n}` });
  }

  /** Saves a new family. */
  async save() {
    await this.page.getByRole('button', { name: 'Simpan', exact: true }).click();
  }

  /** Saves the changes to a registered family. */
  async saveChanges() {
    await this.page.getByRole('button', { name: 'Simpan perubahan' }).click();
  }

  /** The alert listing warnings, with its "save anyway" button. */
  get warnings(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Periksa peringatan berikut' });
  }

  async saveDespiteWarnings() {
    await this.warnings.getByRole('button', { name: 'Simpan meskipun ada peringatan' }).click();
  }
}
