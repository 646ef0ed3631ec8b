import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { familyInput } from '../node/helpers';
import { expect, login, test } from '../support/web';

// A Windows PC in English is common in offices: the app must not follow the browser's mm/dd/yyyy.
test.use({ locale: 'en-US' });

test('dates show and are typed as dd/mm/yyyy with Indonesian month names in an English browser', async ({
  page,
  web,
}) => {
  const saved = createKpm(web.db, SYSTEM_ACTOR, familyInput({ acceptWarnings: true }));
  if (saved.status !== 'saved') throw new Error('family not saved');
  await login(page, web.url);

  // A stored date (1985-07-05) reads day first.
  await page.goto(`${new URL(web.url).origin}/#/kpm/${saved.id}/ubah`);
  const birth = page.getByLabel('Tanggal lahir', { exact: true });
  await expect(birth).toHaveValue('05/07/1985');
  await expect(page.getByLabel('Tanggal lahir anggota 1')).toHaveValue('12/03/2010');

  // Typed day first: 03/04/1986 is 3 April, not March 4.
  await birth.fill('03/04/1986');
  await birth.blur();
  await expect(birth).toHaveValue('03/04/1986');

  // The calendar speaks Indonesian: month and year in the header, short month names one level up.
  await birth.click();
  await expect(page.getByRole('button', { name: 'April 1986', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'April 1986', exact: true }).click();
  for (const month of ['Jan', 'Mei', 'Agt', 'Okt', 'Des']) {
    await expect(page.getByRole('button', { name: month, exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Agt', exact: true }).click();
  await page.getByRole('button', { name: '17 Agustus 1986' }).click();
  await expect(birth).toHaveValue('17/08/1986');
});
