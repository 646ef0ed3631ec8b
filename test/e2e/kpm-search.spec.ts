import { kpmSchema } from '../../main/domain/schemas';
import type { Actor } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { App } from '../support/pages/app';
import { KpmListPage } from '../support/pages/kpm-list';
import { expect, test } from '../support/web';

const ADMIN_ACTOR: Actor = { id: 1, username: 'admin', role: 'admin' };

/** Two synthetic families in Pekalongan Barat: a mother with two children in Medono, one without in Tirto. */
test.beforeEach(({ web }) => {
  const family = (fields: Record<string, unknown>) => {
    const saved = createKpm(
      web.db,
      ADMIN_ACTOR,
      kpmSchema.parse({
        tanggalLahir: '1985-07-05',
        jenisKelamin: 'P',
        districtCode: '337501',
        acceptWarnings: true,
        ...fields,
      }),
    );
    if (saved.status !== 'saved') throw new Error(JSON.stringify(saved));
    return saved.id;
  };
  family({
    idKpm: 'P3375010000101',
    noKk: '3375010101200101',
    nik: '3375014507850101',
    nama: 'Sulastri Uji',
    villageCode: '3375011002',
    members: [
      { nama: 'Kirana Putri Uji', hubungan: 'anak', jenisKelamin: 'P', tanggalLahir: '2015-08-15' },
      { nama: 'Bagas Uji', hubungan: 'anak', jenisKelamin: 'L', tanggalLahir: '2012-01-20' },
    ],
  });
  const second = family({
    idKpm: 'P3375010000102',
    noKk: '3375010101200102',
    nik: '3375014507850102',
    nama: 'Maryam Uji',
    villageCode: '3375011009',
  });
  // A family registered from a DTKS file has no ID KPM yet.
  web.db.$client.prepare('UPDATE kpm SET id_kpm = NULL WHERE id = ?').run(second);
});

test('a mother finds her family by typing part of her child’s name, or the desa', async ({ page, web }) => {
  await App.signIn(page, web);
  const list = await KpmListPage.open(page);
  const { search } = list;
  await expect(list.count).toHaveText('1–2 dari 2 KPM');

  await search.fill('kiran');
  await expect(list.count).toHaveText('1–1 dari 1 KPM');
  await expect(list.link('SULASTRI UJI')).toBeVisible();
  await expect(list.link('MARYAM UJI')).toHaveCount(0);
  // The result says why it matched: the child's name, shown under the family.
  await expect(page.getByTestId('match-reason')).toHaveText('Cocok: anggota KIRANA PUTRI UJI');

  await search.fill('tirto');
  await expect(list.count).toHaveText('1–1 dari 1 KPM');
  await expect(list.link('MARYAM UJI')).toBeVisible();
  await expect(page.getByTestId('match-reason')).toContainText('Cocok: desa Tirto');

  await search.fill('P3375');
  await expect(list.count).toHaveText('1–1 dari 1 KPM');
  await expect(list.link('SULASTRI UJI')).toBeVisible();
});

test('the list shows only families without an ID KPM, and the choice stays in the address', async ({ page, web }) => {
  await App.signIn(page, web);
  const list = await KpmListPage.open(page);
  await expect(list.count).toHaveText('1–2 dari 2 KPM');
  await list.filter('ID KPM', 'Tanpa ID KPM');
  await expect(list.count).toHaveText('1–1 dari 1 KPM');
  await expect(list.link('MARYAM UJI')).toBeVisible();
  await expect(page).toHaveURL(/idkpm=kosong/);
  await page.screenshot({ path: 'test-results/kpm-tanpa-id-kpm.png' });

  await page.reload();
  await expect(list.count).toHaveText('1–1 dari 1 KPM');
  await list.clearFilters();
  await expect(list.count).toHaveText('1–2 dari 2 KPM');
});
