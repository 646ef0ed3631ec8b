import { App } from '../support/pages/app';
import { LoginPage } from '../support/pages/login';
import { expect, test } from '../support/web';

const HELP = 'Buka Graduasi PKH dari alamat yang baru dicetak';
const WIZARD = 'Penyiapan aplikasi Graduasi PKH';

test.describe('an office that is set up', () => {
  test('opened without its token (a bookmark) says how to open the app, not the setup wizard', async ({
    page,
    web,
  }) => {
    await page.goto(`http://127.0.0.1:${web.port}/`);
    await expect(page.getByRole('heading', { name: HELP })).toBeVisible();
    await expect(page.getByText('npm run web')).toBeVisible();
    await expect(page.getByText(/aplikasi desktop Graduasi PKH\? Cukup buka aplikasinya/)).toBeVisible();
    await expect(page.getByRole('heading', { name: WIZARD })).toHaveCount(0);
  });

  test('opened with the token of an earlier start says the same', async ({ page, web }) => {
    await page.goto(`http://127.0.0.1:${web.port}/?token=kunci-dari-start-sebelumnya-xxxxxxxx`);
    await expect(page.getByRole('heading', { name: HELP })).toBeVisible();
    await expect(new LoginPage(page).signInButton).toHaveCount(0);
  });

  test('opened with its token shows the login', async ({ page, web }) => {
    const login = await LoginPage.open(page, web);
    await expect(login.signInButton).toBeVisible();
  });

  test('a server started again while the app is open leads to the same page at the next call', async ({
    page,
    web,
  }) => {
    const app = await App.signIn(page, web);
    // What a restart does to this tab: the token it holds is no longer the server's.
    await page.evaluate(() => sessionStorage.setItem('graduasi.webToken', 'kunci-lama-xxxxxxxxxxxxxxxxxxxxxxxx'));
    await app.open('Data KPM');
    await expect(page.getByRole('heading', { name: HELP })).toBeVisible();
  });
});

test.describe('an office that is not set up yet', () => {
  test.use({ officeSetUp: false });

  test('opened with its token shows the setup wizard', async ({ page, web }) => {
    await page.goto(web.url);
    await expect(page.getByRole('heading', { name: WIZARD })).toBeVisible();
  });
});
