/**
 * Usulan & Penetapan: the list of proposals, and one proposal's page: the families in it with their statements,
 * submitting, the decision form of the pimpinan, and the wisuda documents once decided.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { navigate } from '../web';

export interface StatementForm {
  place: string;
  witnessPendamping: string;
  witnessKepalaDesa: string;
}

export class ProposalsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<ProposalsPage> {
    await navigate(page, 'Usulan & Penetapan');
    return new ProposalsPage(page);
  }

  /** "Buat usulan" with its title; returns the new proposal's page. */
  async create(title: string, number: string): Promise<ProposalPage> {
    await this.page.getByRole('button', { name: 'Buat usulan' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Buat usulan graduasi' });
    await dialog.getByRole('textbox', { name: 'Judul usulan' }).fill(title);
    await dialog.getByRole('button', { name: 'Buat' }).click();
    await expect(this.page.getByRole('heading', { name: `Usulan ${number}` })).toBeVisible();
    return new ProposalPage(this.page);
  }

  async openProposal(number: string): Promise<ProposalPage> {
    await this.page.getByRole('link', { name: number }).click();
    return new ProposalPage(this.page);
  }
}

export class ProposalPage {
  constructor(readonly page: Page) {}

  /** A proposal's page by its address (#/usulan/<id>), as from a link elsewhere in the app. */
  static async openById(page: Page, proposalId: number): Promise<ProposalPage> {
    await page.evaluate((id) => {
      window.location.hash = `#/usulan/${id}`;
    }, proposalId);
    return new ProposalPage(page);
  }

  /** Adds the verified candidates by name. */
  async addCandidates(names: string[]) {
    for (const name of names) await this.page.getByRole('checkbox', { name: `Pilih ${name}` }).check();
    await this.page.getByRole('button', { name: `Tambahkan ${names.length} calon` }).click();
  }

  get families(): Locator {
    return this.page.getByRole('table', { name: 'Keluarga dalam usulan' });
  }

  /** Opens the signed statement of a mandiri family; returns its dialog. */
  async openStatement(name: string): Promise<Locator> {
    await this.families.getByRole('button', { name: `Surat pernyataan ${name}` }).click();
    return this.page.getByRole('dialog', { name: `Surat pernyataan: ${name}` });
  }

  async recordStatement(dialog: Locator, form: StatementForm) {
    await dialog.getByRole('textbox', { name: 'Tempat' }).fill(form.place);
    await dialog.getByRole('textbox', { name: 'Saksi: pendamping' }).fill(form.witnessPendamping);
    await dialog.getByRole('textbox', { name: 'Saksi: kepala desa/lurah' }).fill(form.witnessKepalaDesa);
    await dialog.getByRole('button', { name: 'Simpan surat pernyataan' }).click();
    await expect(dialog).toBeHidden();
  }

  /** "Ajukan usulan (n KPM)", confirmed. */
  async submit(count: number) {
    await this.page.getByRole('button', { name: `Ajukan usulan (${count} KPM)` }).click();
    await this.page.getByRole('dialog', { name: 'Ajukan usulan?' }).getByRole('button', { name: 'Ajukan' }).click();
  }

  /** The proposal's state as its badge shows it ("Diajukan", "Diputuskan"). */
  state(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }

  // --- the decision (pimpinan) ---
  get skNumber(): Locator {
    return this.page.getByRole('textbox', { name: 'Nomor SK' });
  }

  get decisionForm(): Locator {
    return this.page.getByRole('table', { name: 'Keputusan per keluarga' });
  }

  get saveDecisionButton(): Locator {
    return this.page.getByRole('button', { name: 'Simpan keputusan' });
  }

  async approve(name: string) {
    await this.decisionForm
      .getByRole('radiogroup', { name: `Keputusan ${name}` })
      .getByRole('radio', { name: 'Setujui' })
      .check();
  }

  async reject(name: string, reason: string) {
    await this.decisionForm
      .getByRole('row', { name: new RegExp(name) })
      .getByText('Tolak')
      .click();
    await this.page.getByRole('textbox', { name: `Alasan penolakan ${name}` }).fill(reason);
  }

  /** "Simpan keputusan"; returns the confirmation dialog (absent when the form is refused first). */
  async saveDecision(): Promise<Locator> {
    await this.saveDecisionButton.click();
    return this.page.getByRole('dialog', { name: 'Simpan keputusan?' });
  }

  async confirmDecision(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Ya, simpan keputusan' }).click();
  }

  // --- after the decision ---
  /** The panel that prints the wisuda documents of the decision in one batch. */
  get wisuda(): Locator {
    return this.page.getByRole('region', { name: 'Cetak dokumen wisuda' });
  }

  /** "Mulai cetak (n dokumen)" of the wisuda panel; the PDF opens in its dialog ("Dokumen wisuda"). */
  async printWisuda(count: number) {
    await this.wisuda.getByRole('button', { name: `Mulai cetak (${count} dokumen)` }).click();
  }

  /** "Cetak daftar usulan", issued; the PDF opens in its dialog ("Dokumen diterbitkan"). */
  async printProposalList() {
    await this.page.getByRole('button', { name: 'Cetak daftar usulan' }).click();
    await this.page
      .getByRole('dialog', { name: 'Daftar usulan graduasi' })
      .getByRole('button', { name: 'Terbitkan dan cetak' })
      .click();
  }
}
