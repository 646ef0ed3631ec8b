import { pendampingSchema } from '../../main/domain/schemas';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createPendamping, reassignKpm } from '../../main/services/pendamping';
import { ADMIN } from '../support/office';
import { App } from '../support/pages/app';
import { KpmListPage } from '../support/pages/kpm-list';
import { LoginPage } from '../support/pages/login';
import { PendampingPage } from '../support/pages/pendamping';
import { UsersPage } from '../support/pages/users';
import { expect, registerFamily, test, type WebServer } from '../support/web';

/**
 * Every test starts from two pendamping and three synthetic families with the first one, written through the
 * services into the test's own database.
 */
function seedPendampingAndFamilies(web: WebServer) {
  const db = web.db;
  const addPendamping = (name: string, districtCode: string) =>
    createPendamping(db, SYSTEM_ACTOR, pendampingSchema.parse({ name, districtCodes: [districtCode] }));
  const rina = addPendamping('RINA MARLINA', '337501');
  const dedi = addPendamping('DEDI SUPRIYADI', '337502');
  const families = [
    { idKpm: 'P-E2E-1', nik: '3375014101800001', nama: 'ANI WIDYA' },
    { idKpm: 'P-E2E-2', nik: '3375014202810002', nama: 'BUDI ASTUTI' },
    { idKpm: 'P-E2E-3', nik: '3375014303820003', nama: 'CICI HANDAYANI' },
  ];
  const ids = families.map((f) =>
    registerFamily(web, {
      ...f,
      noKk: '3375010101200001',
      districtCode: '337501',
      villageCode: '3375011002',
      pendampingId: rina.id,
    }),
  );
  return { rina, dedi, ids };
}

const pendampingOf = (web: WebServer, nama: string) =>
  (
    web.db.$client
      .prepare('SELECT p.name FROM kpm k LEFT JOIN pendamping p ON p.id = k.pendamping_id WHERE k.nama = ?')
      .get(nama) as { name: string | null }
  ).name;

test('add a pendamping with the kecamatan they cover', async ({ page, web }) => {
  await App.signIn(page, web);
  const pendamping = await PendampingPage.open(page);
  const dialog = await pendamping.add({
    name: 'SRI LESTARI',
    nip: '198501012010012001',
    districts: ['Pekalongan Utara', 'Pekalongan Selatan'],
  });

  await expect(dialog).toBeHidden();
  const row = pendamping.pendamping('SRI LESTARI');
  await expect(row).toContainText('198501012010012001');
  await expect(row).toContainText('Pekalongan Utara');
  await expect(row).toContainText('Pekalongan Selatan');
  await expect(row).toContainText('Aktif');
});

test('move selected families to another pendamping from the KPM list', async ({ page, web }) => {
  seedPendampingAndFamilies(web);
  await App.signIn(page, web);
  const list = await KpmListPage.open(page);
  await list.select(['ANI WIDYA', 'BUDI ASTUTI']);
  await expect(page.getByText('2 KPM dipilih')).toBeVisible();
  await list.moveChosen(2, 'DEDI SUPRIYADI');

  await expect(page.getByText('2 KPM dipindahkan ke DEDI SUPRIYADI.')).toBeVisible();
  await expect(list.family('ANI WIDYA')).toContainText('DEDI SUPRIYADI');
  expect(pendampingOf(web, 'ANI WIDYA')).toBe('DEDI SUPRIYADI');
  expect(pendampingOf(web, 'CICI HANDAYANI')).toBe('RINA MARLINA');
});

test('move every family of one pendamping after a confirmation naming both', async ({ page, web }) => {
  const { dedi, ids } = seedPendampingAndFamilies(web);
  reassignKpm(web.db, SYSTEM_ACTOR, { kpmIds: ids.slice(0, 2), toPendampingId: dedi.id });
  createPendamping(
    web.db,
    SYSTEM_ACTOR,
    pendampingSchema.parse({ name: 'SRI LESTARI', districtCodes: ['337503', '337504'] }),
  );
  await App.signIn(page, web);
  const pendamping = await PendampingPage.open(page);
  const dialog = await pendamping.moveAll('DEDI SUPRIYADI', /^SRI LESTARI/);
  await expect(dialog).toContainText('Pindahkan 2 KPM aktif dari DEDI SUPRIYADI ke SRI LESTARI?');
  await dialog.getByRole('button', { name: 'Ya, pindahkan 2 KPM' }).click();

  await expect(dialog).toBeHidden();
  await expect(pendamping.pendamping('DEDI SUPRIYADI').getByRole('link')).toHaveText('0');
  await expect(pendamping.pendamping('SRI LESTARI').getByRole('link')).toHaveText('2');
  expect(pendampingOf(web, 'BUDI ASTUTI')).toBe('SRI LESTARI');
});

test('the administrator adds an operator, who does not see the admin pages', async ({ page, web }) => {
  const admin = await App.signIn(page, web);
  const users = await UsersPage.open(page);
  const operator = { username: 'operator1', fullName: 'Dewi Operator', password: 'operator123' };
  await users.add(operator);
  await expect(users.user('operator1')).toContainText('Dewi Operator');

  await admin.signOut(ADMIN.fullName);
  const menu = (await App.signIn(page, web, operator)).navigation;
  await expect(menu.getByRole('link', { name: 'Data KPM' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Pengaturan' })).toHaveCount(0);
});

test('an expired session sends the user back to the login page', async ({ page, web }) => {
  const app = await App.signIn(page, web);
  // The server forgets sessions on restart; a token it does not know stands in for that.
  await page.evaluate(() => sessionStorage.setItem('graduasi.session', 'kedaluwarsa'));
  await app.open('Data KPM');
  await expect(new LoginPage(page).signInButton).toBeVisible();
});
