/** The DTSEN welfare decile of a family: typed in the form, shown on the family page, filtering the KPM list. */
import type { Page } from '@playwright/test';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { familyInput } from '../node/helpers';
import { KpmForm } from '../support/pages/kpm-form';
import { expect, login, navigate, test } from '../support/web';

const AREA = {
  kecamatan: { name: 'Pekalongan Barat', typed: 'Barat' },
  desa: { name: 'Medono', typed: 'Medo' },
};

test('enter desil in the form, see it on the family page and filter the KPM list by it', async ({ page, web }) => {
  // Another family in desil 2, which the filter must leave out.
  const other = createKpm(
    web.db,
    SYSTEM_ACTOR,
    familyInput({ nama: 'Warsini Desil Dua', desil: 2, members: [], acceptWarnings: true }),
  );
  if (other.status !== 'saved') throw new Error('family not saved');
  await login(page, web.url);
  const form = await KpmForm.openNew(page);
  await form.fillFamily({
    idKpm: 'P3375010000031',
    noKk: '3375010101200031',
    nik: '3375014507850031',
    nama: 'Siti Desil Uji',
    tanggalLahir: '1985-07-05',
    ...AREA,
  });
  const desil = form.textbox('Desil');
  await desil.fill('lima');
  await form.save();
  await expect(page.getByText('Desil berupa angka bulat 1 sampai 10 (terisi "lima").')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('form-error.png'), fullPage: true });
  await desil.fill('4');
  await form.save();

  await expect(page.getByRole('heading', { name: 'SITI DESIL UJI' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Desil 4', exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('family-page.png'), fullPage: true });

  await navigate(page, 'Data KPM');
  await expect(page.getByTestId('kpm-count')).toHaveText('1–2 dari 2 KPM');
  await pickDesil(page, '4');
  await expect(page.getByTestId('kpm-count')).toHaveText('1–1 dari 1 KPM');
  await expect(page.getByRole('link', { name: 'SITI DESIL UJI' })).toBeVisible();
  await expect(page).toHaveURL(/desil=4/);
  await page.screenshot({ path: test.info().outputPath('kpm-list.png'), fullPage: true });
  await pickDesil(page, '2');
  await expect(page.getByRole('link', { name: 'WARSINI DESIL DUA' })).toBeVisible();
  await expect(page.getByTestId('kpm-count')).toHaveText('1–1 dari 1 KPM');
});

/** The list's desil filter: a short fixed list, picked by clicking. */
async function pickDesil(page: Page, value: string) {
  await page.getByRole('combobox', { name: 'Desil' }).click();
  await page.getByRole('option', { name: value, exact: true }).click();
}
