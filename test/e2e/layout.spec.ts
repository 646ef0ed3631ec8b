import type { Page } from '@playwright/test';
import { NAV_LABELS } from '../support/navigation';
import { ADMIN } from '../support/office';
import { seedOffice } from '../support/seeded-office';
import { expect, login, test } from '../support/web';

/** How far the page scrolls sideways (0 when it fits the window). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

/** Waits until the page has drawn its content (no loader left), so its width is the real one. */
async function settled(page: Page) {
  await expect(page.getByRole('main').locator('h1').first()).toBeVisible();
  await expect(page.getByRole('main').locator('.mantine-Loader-root:visible')).toHaveCount(0);
}

test.describe('an office PC: 1366x690, the desktop app above the taskbar', () => {
  test.use({ viewport: { width: 1366, height: 690 } });

  test('every navigation item is reached and no page is wider than the window', async ({ page, web }) => {
    test.setTimeout(180_000);
    seedOffice(web);
    await login(page, web.url);
    await expect(nav(page).getByRole('link')).toHaveText(NAV_LABELS);
    for (const label of NAV_LABELS) {
      const link = nav(page).getByRole('link', { name: label, exact: true });
      // A real click at the link's own point: it fails when the item is cut off below the window.
      await link.scrollIntoViewIfNeeded();
      const box = await link.boundingBox();
      expect(box, label).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0), `${label} is inside the window`).toBeLessThanOrEqual(690);
      await link.click();
      await expect(link).toHaveAttribute('aria-current', 'page');
      await settled(page);
      expect(await sidewaysOverflow(page), `${label} scrolls sideways`).toBe(0);
    }
  });

  test('Agenda surat shows every action of a batch letter without sideways scrolling', async ({ page, web }) => {
    seedOffice(web);
    await login(page, web.url);
    await nav(page).getByRole('link', { name: 'Agenda surat', exact: true }).click();
    const batchRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /Cetak ulang satu kelompok/ }) });
    await expect(batchRow).toHaveCount(1);
    const voiding = batchRow.getByRole('button', { name: /^Batalkan/ });
    await expect(voiding).toBeInViewport({ ratio: 1 });
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});

test.describe('200% zoom on the same screen: 683x345 CSS pixels', () => {
  test.use({ viewport: { width: 683, height: 345 } });

  test('the menu button opens a navigation that reaches every item; no page scrolls sideways', async ({
    page,
    web,
  }) => {
    test.setTimeout(180_000);
    seedOffice(web);
    await page.goto(web.url);
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Kata sandi').fill(ADMIN.password);
    await page.getByLabel('Kata sandi').press('Enter');
    const menu = page.getByRole('button', { name: 'Buka navigasi' });
    // Logged in first: on the login page there is no navigation at all, and checking there proved nothing.
    await expect(menu).toBeVisible();
    // Folded away, the navigation is out of the keyboard's way (inert) as well as off the screen.
    await expect(nav(page)).toHaveAttribute('inert');
    await expect(nav(page)).not.toBeInViewport();
    for (const label of NAV_LABELS) {
      await menu.click();
      const link = nav(page).getByRole('link', { name: label, exact: true });
      await link.scrollIntoViewIfNeeded();
      // At 200% zoom the scroll area's edge falls on a fraction of a CSS pixel: with 19 items the last link,
      // scrolled as far as it goes, measured 0.9966 in view (0.15 px under the edge), which no user can see.
      await expect(link).toBeInViewport({ ratio: 0.99 });
      await link.click();
      // Choosing a page folds the navigation away again, so the page itself is readable.
      await expect(link).not.toBeInViewport();
      await settled(page);
      expect(await sidewaysOverflow(page), `${label} scrolls sideways`).toBe(0);
    }
  });
});
