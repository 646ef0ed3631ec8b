import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { familyInput } from '../node/helpers';
import { App } from '../support/pages/app';
import { BenefitAmountsPage } from '../support/pages/benefit-amounts';
import { expect, test } from '../support/web';

test('benefit amounts refuse absurd values and saving says how many families change', async ({ page, web }) => {
  // One active family with an SMA and an SD child (familyInput).
  const saved = createKpm(web.db, SYSTEM_ACTOR, familyInput({ acceptWarnings: true }));
  expect(saved.status).toBe('saved');
  await App.signIn(page, web);
  const amounts = await BenefitAmountsPage.open(page);
  const sd = amounts.amount('Anak SD/sederajat');
  const lansia = amounts.amount('Lanjut usia (70+)');
  await sd.fill('-900000');
  await lansia.fill('24000000');
  await amounts.save();
  await expect(page.getByText('Nominal Anak SD/sederajat tidak boleh negatif.')).toBeVisible();
  await expect(
    page.getByText('Nominal Lanjut usia (70+) paling banyak Rp10.000.000 per tahun; periksa jumlah nolnya.'),
  ).toBeVisible();

  await sd.fill('1000000');
  await lansia.fill('2400000');
  const dialog = await amounts.save();
  await expect(dialog).toContainText('Besaran 1 komponen berubah (Anak SD/sederajat). Bantuan 1 KPM aktif');
  await amounts.confirm(dialog);
  await expect(page.getByText('Besaran bantuan disimpan.')).toBeVisible();
  const stored = web.db.$client.prepare("SELECT yearly FROM benefit_amounts WHERE komponen = 'anak_sd'").get();
  expect(stored).toEqual({ yearly: 1_000_000 });
});

test('a rupiah field is typed, emptied and pasted as money, and refuses cents', async ({ page, web }) => {
  await App.signIn(page, web);
  const amounts = await BenefitAmountsPage.open(page);
  const sd = amounts.amount('Anak SD/sederajat');
  await expect(sd).toHaveValue('Rp900.000');
  const selectAll = () => sd.press('ControlOrMeta+A');

  // Select all and Backspace empties the field; what is typed next is the whole amount.
  await sd.click();
  await selectAll();
  await page.keyboard.press('Backspace');
  await expect(sd).toHaveValue('');
  await page.keyboard.type('7');
  await expect(sd).toHaveValue('Rp7');
  await selectAll();
  await page.keyboard.type('1.250.000');
  await expect(sd).toHaveValue('Rp1.250.000');

  // Pasted with or without the prefix and dots.
  for (const pasted of ['Rp1.250.000', '1250000']) {
    await selectAll();
    await page.keyboard.insertText(pasted);
    await expect(sd, pasted).toHaveValue('Rp1.250.000');
  }

  // A comma decimal is refused at the field and kept as typed, never read as Rp125.000.050.
  await selectAll();
  await page.keyboard.type('1250000,50');
  await expect(sd).toHaveValue('Rp1.250.000,50');
  await expect(page.getByText('Rupiah ditulis bulat tanpa sen: hapus koma dan angka di belakangnya.')).toBeVisible();
  await expect(await amounts.save()).toBeHidden();

  // An emptied required amount says so.
  const lansia = amounts.amount('Lanjut usia (70+)');
  await lansia.click();
  await lansia.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await amounts.save();
  await expect(page.getByText('Isi nominal per tahun untuk Lanjut usia (70+).')).toBeVisible();

  // Backspace after a thousands dot takes the digit before it; then the amounts save as typed.
  await lansia.click();
  await page.keyboard.type('2400000');
  await selectAll();
  await page.keyboard.type('1250000');
  await sd.press('End');
  for (let i = 0; i < 3; i++) await sd.press('ArrowLeft');
  await sd.press('Backspace');
  await expect(sd).toHaveValue('Rp125.000');
  await selectAll();
  await page.keyboard.type('1250000');
  await amounts.confirm(await amounts.save());
  await expect(page.getByText('Besaran bantuan disimpan.')).toBeVisible();
  const stored = web.db.$client
    .prepare(
      "SELECT komponen, yearly FROM benefit_amounts WHERE komponen IN ('anak_sd', 'lanjut_usia') ORDER BY komponen",
    )
    .all();
  expect(stored).toEqual([
    { komponen: 'anak_sd', yearly: 1_250_000 },
    { komponen: 'lanjut_usia', yearly: 2_400_000 },
  ]);
});
