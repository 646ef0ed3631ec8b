import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { familyInput } from '../node/helpers';
import { expect, login, test } from '../support/web';

test('benefit amounts refuse absurd values and saving says how many families change', async ({ page, web }) => {
  // One active family with an SMA and an SD child (familyInput).
  const saved = createKpm(web.db, SYSTEM_ACTOR, familyInput({ acceptWarnings: true }));
  expect(saved.status).toBe('saved');
  await login(page, web.url);
  await page.getByRole('link', { name: 'Pengaturan' }).click();
  await page.getByRole('tab', { name: 'Besaran bantuan' }).click();

  const sd = page.getByLabel('Bantuan per tahun Anak SD/sederajat');
  const lansia = page.getByLabel('Bantuan per tahun Lanjut usia (70+)');
  await sd.fill('-900000');
  await lansia.fill('24000000');
  await page.getByRole('button', { name: 'Simpan besaran bantuan' }).click();
  await expect(page.getByText('Nominal Anak SD/sederajat tidak boleh negatif.')).toBeVisible();
  await expect(
    page.getByText('Nominal Lanjut usia (70+) paling banyak Rp10.000.000 per tahun; periksa jumlah nolnya.'),
  ).toBeVisible();

  await sd.fill('1000000');
  await lansia.fill('2400000');
  await page.getByRole('button', { name: 'Simpan besaran bantuan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Simpan besaran bantuan baru?' });
  await expect(dialog).toContainText('Besaran 1 komponen berubah (Anak SD/sederajat). Bantuan 1 KPM aktif');
  await dialog.getByRole('button', { name: 'Ya, simpan' }).click();
  await expect(page.getByText('Besaran bantuan disimpan.')).toBeVisible();
  const stored = web.db.$client.prepare("SELECT yearly FROM benefit_amounts WHERE komponen = 'anak_sd'").get();
  expect(stored).toEqual({ yearly: 1_000_000 });
});
