import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { familyInput } from '../node/helpers';
import { App } from '../support/pages/app';
import { KpmListPage } from '../support/pages/kpm-list';
import { expect, test, type WebServer } from '../support/web';

/** Two families whose pengurus share a name: one from a DTKS file without ID KPM. */
function registerNamesakes(web: WebServer) {
  const twins = [
    familyInput({ nama: 'Sri Rahayu Kembar', acceptWarnings: true }),
    familyInput({
      idKpm: null,
      nama: 'Sri Rahayu Kembar',
      noKk: '3375020202120002',
      nik: '3375024408800002',
      tanggalLahir: '1980-08-04',
      districtCode: '337502',
      villageCode: '3375021002',
      members: [],
      acceptWarnings: true,
    }),
  ];
  for (const input of twins) {
    const saved = createKpm(web.db, SYSTEM_ACTOR, input);
    if (saved.status !== 'saved') throw new Error('family not saved');
  }
}

// Each test gets its own database (test/support/web.ts): register the namesakes in each.
test.beforeEach(({ web }) => registerNamesakes(web));

test('families with the same name are told apart; a missing ID KPM is said', async ({ page, web }) => {
  await App.signIn(page, web);
  const list = await KpmListPage.open(page);
  const rows = list.family('SRI RAHAYU KEMBAR');
  await expect(rows).toHaveCount(2);
  const withoutId = rows.filter({ hasText: 'Belum ada ID KPM' });
  await expect(withoutId).toContainText('Lahir 4 Agustus 1980');
  await expect(withoutId).toContainText('Noyontaansari');
  await expect(withoutId).toContainText('Kec. Pekalongan Timur');
  const withId = rows.filter({ hasText: 'P000000000001' });
  await expect(withId).toContainText('Lahir 5 Juli 1985');
  await expect(withId).toContainText('Medono');

  await withoutId.getByRole('link', { name: 'SRI RAHAYU KEMBAR' }).click();
  await expect(page.getByRole('heading', { name: 'SRI RAHAYU KEMBAR' })).toBeVisible();
  await expect(page.getByText('Belum ada ID KPM')).toHaveCount(2);
});

test('a slow search shows that the list is loading; a failed one offers "Coba lagi"', async ({ page, web }) => {
  await App.signIn(page, web);
  const list = await KpmListPage.open(page);
  await expect(list.count).toHaveText('1–2 dari 2 KPM');

  // Hold the next search until the loading state has been seen.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/call/kpm.search', async (route) => {
    await held;
    return route.continue();
  });
  await page.getByPlaceholder(/Cari nama/).fill('3375014507850001');
  await expect(page.getByLabel('Memuat ulang daftar KPM')).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(1);
  release();
  await expect(list.count).toHaveText('1–1 dari 1 KPM');
  await expect(page.getByLabel('Memuat ulang daftar KPM')).toHaveCount(0);
  await page.unroute('**/api/call/kpm.search');

  // The server fails once: the error says so and "Coba lagi" asks again.
  let failures = 1;
  await page.route('**/api/call/kpm.search', (route) => {
    if (failures-- <= 0) return route.continue();
    return route.fulfill({ status: 500, body: 'gagal' });
  });
  await page.getByPlaceholder(/Cari nama/).fill('3375024408800002');
  await expect(page.getByText('Daftar KPM tidak dapat dimuat')).toBeVisible();
  await page.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(list.count).toHaveText('1–1 dari 1 KPM');
  await expect(page.getByRole('row').filter({ hasText: 'Belum ada ID KPM' })).toHaveCount(1);
});
