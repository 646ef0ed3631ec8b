import type { Page } from '@playwright/test';
import type { Db } from '../../db/open';
import { addMonths } from '../../main/domain/dates';
import { todayIso } from '../../main/domain/format';
import { targetSchema } from '../../main/domain/progress';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { setTarget } from '../../main/services/graduation/targets';
import { addCandidates, addFamilies, addPendamping, decideGraduations } from '../support/graduation';
import { App, showYear } from '../support/pages/app';
import { HomePage } from '../support/pages/home';
import { ReportsPage } from '../support/pages/reports';
import { TargetsPage } from '../support/pages/targets';
import { VisitsPage } from '../support/pages/visits';
import { expect, test, type WebServer } from '../support/web';

// Four months ago: the 3-month visits are overdue, the graduations count in that SK's year.
const SK_DATE = addMonths(todayIso(), -4);
const YEAR = Number(SK_DATE.slice(0, 4));

/** Four pendamping: RINA graduates 4 families, DEDI 2, SARI 1, TONO none; two candidates wait for verification. */
function seedGraduations(db: Db) {
  const graduates: Record<string, number> = { RINA: 4, DEDI: 2, SARI: 1, TONO: 0 };
  for (const [name, count] of Object.entries(graduates)) {
    const id = addPendamping(db, `${name} PENDAMPING`, ['337501']);
    const families = addFamilies(db, { count: 10, pendampingId: id, districtCode: '337501' });
    if (count > 0) decideGraduations(db, { kpmIds: families.slice(0, count), skDate: SK_DATE });
    if (name === 'TONO') addCandidates(db, families.slice(0, 2), 'candidate');
  }
  setTarget(db, SYSTEM_ACTOR, targetSchema.parse({ year: YEAR, pendampingId: null, mode: 'kpm', value: 20 }));
}

/** Beranda of the SK's year, after the seed. */
async function openDashboard(page: Page, web: WebServer): Promise<HomePage> {
  seedGraduations(web.db);
  await App.signIn(page, web);
  await showYear(page, YEAR);
  return new HomePage(page);
}

test("the home page shows the office's progress, the pipeline and the pendamping ranked", async ({ page, web }) => {
  const home = await openDashboard(page, web);
  const office = home.officeProgress;
  await expect(office.getByTestId('office-graduated')).toHaveText('7');
  await expect(office).toContainText('/ 20 KPM');
  await expect(office.getByTestId('office-percent')).toHaveText('35%');
  await expect(page.getByRole('progressbar', { name: 'Capaian target kantor' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Calon: 2' })).toHaveAttribute(
    'href',
    '#/graduasi/calon?stage=candidate',
  );

  const ranking = home.ranking;
  const rows = ranking.getByRole('row');
  await expect(rows.nth(1)).toContainText('RINA PENDAMPING');
  await expect(rows.nth(1).getByLabel('Peringkat 1 (tiga besar)')).toBeVisible();
  await expect(rows.nth(2).getByLabel('Peringkat 2 (tiga besar)')).toBeVisible();
  await expect(rows.nth(3)).toContainText('SARI PENDAMPING');
  await expect(rows.nth(3).getByLabel('Peringkat 3 (tiga besar)')).toBeVisible();
  await expect(rows.nth(4)).toContainText('TONO PENDAMPING');
  await expect(rows.nth(4).getByLabel(/tiga besar/)).toHaveCount(0);
  await expect(page.locator('.recharts-wrapper')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });

  // Each number opens the list behind it.
  await ranking.getByRole('link', { name: 'Mandiri RINA PENDAMPING' }).click();
  await expect(page).toHaveURL(/#\/kpm\?status=graduasi_mandiri&pendamping=\d+/);
  await expect(page.getByRole('checkbox', { name: /^Pilih IBU UJI/ })).toHaveCount(4);
});

/** A tooltip by its whole text (the one of the figure focused before may still be fading out). */
const tooltip = (page: Page, text: string) =>
  page.getByRole('tooltip').filter({ hasText: new RegExp(`^${text.replace(/[.]/g, '\\.')}$`) });

test('a target figure says how it is computed, reached with the keyboard, the same on Beranda and in Laporan', async ({
  page,
  web,
}) => {
  const home = await openDashboard(page, web);
  const figures = home.officeProgress.getByTestId('target-figure');
  await expect(figures.first()).toHaveText('20 KPM');
  await figures.first().focus();
  await expect(tooltip(page, `Target: target kantor ditetapkan 20 KPM untuk tahun ${YEAR}.`)).toBeVisible();
  // Tab moves on past the mandiri and alamiah links to the pendamping total, with its tooltip.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(figures.nth(1)).toBeFocused();
  await expect(figures.nth(1)).toHaveText('40');
  await expect(tooltip(page, `Target: jumlah target 4 pendamping tahun ${YEAR}.`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('target-tooltip.png') });

  const report = await ReportsPage.open(page);
  await showYear(page, YEAR);
  const total = report.districts.locator('tfoot').getByTestId('target-figure');
  await expect(total).toHaveText('40');
  // Reached with the keyboard (a tooltip opens on focus-visible, not after a mouse click).
  await total.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(total).toBeFocused();
  await expect(tooltip(page, `Target: jumlah target 4 pendamping tahun ${YEAR}.`)).toBeVisible();
});

test('recording a visit takes it off the overdue list', async ({ page, web }) => {
  seedGraduations(web.db);
  await App.signIn(page, web);
  const visits = await VisitsPage.open(page);
  await visits.tab('Terlambat', 7).click();
  const list = visits.list('Terlambat');
  await expect(list.getByRole('row')).toHaveCount(8);
  const first = list.getByRole('row').nth(1);
  const name = (await first.getByRole('link').textContent()) ?? '';
  const dialog = await visits.record(first, {
    visitor: 'Petugas Uji',
    businessRunning: 'Ya',
    income: 'Penghasilan naik',
  });
  // Saving without the last answer is refused in place.
  await visits.save(dialog);
  await expect(dialog.getByText('Pilih apakah keluarga kembali rentan.')).toBeVisible();
  await visits.answerVulnerable(dialog, 'Tidak');
  await page.screenshot({ path: test.info().outputPath('visit.png') });
  await visits.save(dialog);
  await visits.expectSaved(dialog);
  await expect(visits.tab('Terlambat', 6)).toBeVisible();
  await expect(list.getByRole('row')).toHaveCount(7);
  await expect(list.getByRole('link', { name, exact: true })).toHaveCount(0);
});

test("the administrator sets a pendamping's target and the ranking measures against it", async ({ page, web }) => {
  seedGraduations(web.db);
  await App.signIn(page, web);
  const targets = await TargetsPage.open(page);
  await showYear(page, YEAR);
  await expect(targets.pendamping('RINA PENDAMPING')).toContainText('Bawaan');
  const dialog = await targets.openTarget('RINA PENDAMPING');
  await expect(dialog).toContainText('10 KPM (bawaan)');
  await targets.setKpm(dialog, '5');
  await page.screenshot({ path: test.info().outputPath('target.png') });
  await targets.save(dialog);
  await expect(targets.pendamping('RINA PENDAMPING')).toContainText('5 KPM');

  const home = await HomePage.open(page);
  await showYear(page, YEAR);
  const rina = home.ranking.getByRole('row', { name: /RINA PENDAMPING/ });
  await expect(rina).toContainText('80%');
});
