/** Beranda: the first steps of a new office and the panels of the daily work. */
import type { Locator, Page } from '@playwright/test';
import { navigate } from '../web';

export class HomePage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<HomePage> {
    await navigate(page, 'Beranda');
    return new HomePage(page);
  }

  /** A panel of Beranda by its name ("Langkah awal", "Penggunaan pagu bantuan usaha" ...). */
  panel(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  get firstSteps(): Locator {
    return this.panel('Langkah awal');
  }

  get officeProgress(): Locator {
    return this.panel('Capaian graduasi kantor');
  }

  get ranking(): Locator {
    return this.page.getByRole('table', { name: 'Peringkat pendamping' });
  }

  /** A first step with its state, e.g. step('Daftarkan SDM PKH', 'belum'). */
  step(name: string, state: 'selesai' | 'belum'): Locator {
    return this.firstSteps.getByRole('listitem', { name: `${name}: ${state}` });
  }
}
