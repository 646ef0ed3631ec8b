import { readFileSync } from 'node:fs';
import type { Db } from '../../db/open';
import { addFamilies, addPendamping, decideGraduations } from '../support/graduation';
import { choose, expect, login, navigate, test } from '../support/web';
import { readWorkbook } from '../support/xlsx-read';

const YEAR = new Date().getFullYear();

/** RINA (Pekalongan Barat) graduates 3 families mandiri in February, DEDI (Pekalongan Timur) 2 alamiah in June. */
function seedGraduations(db: Db) {
  const rina = addPendamping(db, 'RINA PENDAMPING', ['337501']);
  const dedi = addPendamping(db, 'DEDI PENDAMPING', ['337502']);
  const barat = addFamilies(db, { count: 10, pendampingId: rina, districtCode: '337501' });
  const timur = addFamilies(db, { count: 8, pendampingId: dedi, districtCode: '337502' });
  decideGraduations(db, { kpmIds: barat.slice(0, 3), skDate: `${YEAR}-02-10` });
  decideGraduations(db, { kpmIds: timur.slice(0, 2), skDate: `${YEAR}-06-15`, kind: 'alamiah' });
}

test('the report per kecamatan shows a table and a chart, follows the period and downloads as xlsx', async ({
  page,
  web,
}) => {
  seedGraduations(web.db);
  await login(page, web.url);
  await navigate(page, 'Laporan');
  const table = page.getByRole('table', { name: 'Laporan per kecamatan' });
  const barat = table.getByRole('row', { name: /Pekalongan Barat/ });
  // KPM aktif, mandiri, alamiah, graduasi, target, capaian, keluar
  await expect(barat.getByRole('cell')).toHaveText(['Pekalongan Barat', '7', '3', '0', '3', '10', '30%', '0']);
  await expect(
    table
      .getByRole('row', { name: /Pekalongan Timur/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('2');
  const chart = page.getByLabel('Grafik graduasi per kecamatan');
  await expect(chart.locator('svg path.recharts-rectangle').first()).toBeVisible();
  expect(await chart.locator('svg path.recharts-rectangle').count()).toBeGreaterThanOrEqual(4);
  await expect(page.getByLabel('Grafik graduasi per bulan').locator('svg .recharts-line').first()).toBeVisible();
  // The kecamatan names under the bars do not run into each other, and each carries its whole name as a tooltip.
  const ticks = chart.locator('svg text:has(title)');
  await expect(ticks.first()).toBeVisible();
  const boxes = await ticks.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, title: el.querySelector('title')?.textContent ?? '' };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i].left).toBeGreaterThanOrEqual(boxes[i - 1].right - 1);
  expect(boxes.map((b) => b.title)).toContain('Pekalongan Barat');
  // Mandiri, Alamiah and Keluar are told apart even where their counts are equal: different dashes.
  const dashes = await page
    .getByLabel('Grafik graduasi per bulan')
    .locator('.recharts-line path.recharts-curve')
    .evaluateAll((els) => els.map((el) => el.getAttribute('stroke-dasharray') ?? ''));
  expect(new Set(dashes).size).toBe(3);
  await page.screenshot({ path: test.info().outputPath('laporan-kecamatan.png'), fullPage: true });

  // From March: February's graduations in Barat leave the report, June's in Timur stay.
  await page.getByRole('combobox', { name: 'Dari bulan' }).click();
  await page.getByRole('option', { name: 'Maret', exact: true }).click();
  await expect(page.getByText(`Periode Maret - Desember ${YEAR}`)).toBeVisible();
  await expect(barat.getByRole('cell').nth(2)).toHaveText('0');
  await expect(
    table
      .getByRole('row', { name: /Pekalongan Timur/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('2');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`laporan-per-kecamatan-${YEAR}-03-12.xlsx`);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const book = await readWorkbook(readFileSync(file));
  const sheet = book.getWorksheet('Graduasi dan target');
  expect(sheet?.getRow(2).values).toEqual([undefined, 'Pekalongan Barat', 0, 0, 0, 10, 0, 0]);
  expect(sheet?.getRow(3).values).toEqual([undefined, 'Pekalongan Timur', 0, 2, 2, 10, 20, 0]);

  // The desa of one kecamatan, in the same period.
  await page.getByRole('tab', { name: 'Per desa' }).click();
  await choose(page, 'Kecamatan', 'Pekalongan Barat', 'Barat');
  const desa = page.getByRole('table', { name: 'Laporan per desa/kelurahan' });
  await expect(desa.getByRole('row')).toHaveCount(3);
  await expect(desa.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('Pekalongan Barat');
  await expect(desa.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('7');
  await expect(page.getByText(`Periode Maret - Desember ${YEAR}, Kecamatan Pekalongan Barat`)).toBeVisible();
});

test("a pendamping's report shows their figures and prints A4 with the signatures", async ({ page, web }) => {
  seedGraduations(web.db);
  await login(page, web.url);
  await navigate(page, 'Laporan');
  await page.getByRole('tab', { name: 'Laporan pendamping' }).click();
  await choose(page, 'Pendamping', 'RINA PENDAMPING', 'RINA');
  await expect(page.getByText('3 / 10')).toBeVisible();
  await expect(page.getByText('30% dari target')).toBeVisible();
  await expect(
    page.getByLabel('Grafik graduasi pendamping per bulan').locator('svg path.recharts-rectangle').first(),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('laporan-pendamping.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cetak' }).click();
  const dialog = page.getByRole('dialog', { name: 'Laporan kinerja pendamping' });
  await expect(dialog).toContainText(`laporan-pendamping-RINA-PENDAMPING-${YEAR}.pdf`);
  await expect(dialog).toContainText('2 halaman');
});
