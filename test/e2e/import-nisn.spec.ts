import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ImportWizard } from '../support/pages/import-wizard';
import { expect, login, test } from '../support/web';

/**
 * A pendamping's sheet of families with their children's NISN: the mapping offers the NISN column among the
 * member fields, the dry run names the row and column of a NISN that is not 10 digits, and saving keeps that
 * family out while the other family's NISN is stored. Synthetic people in Kota Pekalongan (3375).
 */
const ROWS = [
  'NO KK;NIK PENGURUS;NAMA PENGURUS;KECAMATAN;KELURAHAN;NIK ART;NAMA ART;HUBUNGAN;NO. NISN',
  '3375010101200101;3375014507850001;SITI AMINAH WIDURI;Pekalongan Barat;Medono;3375011203100009;RIZKY PRATAMA;ANAK;0101234567',
  '3375010101200102;3375015203880002;NUR HAYATI;Pekalongan Barat;Podosugih;3375015506120004;AYU LESTARI;ANAK;012345',
];

async function snap(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `test-results/screenshots/import-nisn-${name}.png` });
}

test("a family sheet with the children's NISN: mapped, a wrong one named by row and column, the right one saved", async ({
  page,
  web,
}) => {
  await login(page, web.url);
  const wizard = await ImportWizard.open(page);
  await wizard.chooseFile('keluarga-nisn.csv', Buffer.from(ROWS.join('\r\n')), 'text/csv');
  await wizard.read();
  await expect(wizard.column('I', 'NO. NISN')).toHaveValue('NISN');
  await snap(page, '1-pemetaan');

  await wizard.toReport();
  await expect(wizard.count('akan ditambah', 1)).toBeVisible();
  const wrong = wizard.problem('012345');
  await expect(wrong.getByRole('cell').first()).toHaveText('3');
  await expect(wrong).toContainText('NISN harus 10 digit angka; tertulis 012345.');
  await snap(page, '2-laporan');
  await wizard.confirmSave(await wizard.askToSave());
  await expect(wizard.done).toContainText('1 KPM ditambah');
  const nisns = web.db.$client.prepare('SELECT nama, nisn FROM art ORDER BY id').all();
  expect(nisns).toEqual([{ nama: 'RIZKY PRATAMA', nisn: '0101234567' }]);
});
