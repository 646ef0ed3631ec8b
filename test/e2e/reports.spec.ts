import { readFileSync } from 'node:fs';
import type { Db } from '../../db/open';
import { addFamilies, addPendamping, decideGraduations } from '../support/graduation';
import { App } from '../support/pages/app';
import { ReportsPage } from '../support/pages/reports';
import { expect, test } from '../support/web';
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
  const app = await App.signIn(page, web);
  const report = await ReportsPage.open(page);
  // KPM aktif, mandiri, alamiah, graduasi, target, capaian, keluar
  await expect(report.district('Pekalongan Barat')).toHaveText([
    'Pekalongan Barat',
    '7',
    '3',
    '0',
    '3',
    '10',
    '30%',
    '0',
  ]);
  await expect(report.district('Pekalongan Timur').nth(3)).toHaveText('2');
  const chart = report.chart('Grafik graduasi per kecamatan');
  await expect(chart.locator('svg path.recharts-rectangle').first()).toBeVisible();
  expect(await chart.locator('svg path.recharts-rectangle').count()).toBeGreaterThanOrEqual(4);
  const months = report.chart('Grafik graduasi per bulan');
  await expect(months.locator('svg .recharts-line').first()).toBeVisible();
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
  const dashes = await months
    .locator('.recharts-line path.recharts-curve')
    .evaluateAll((els) => els.map((el) => el.getAttribute('stroke-dasharray') ?? ''));
  expect(new Set(dashes).size).toBe(3);
  await app.screenshot('laporan-kecamatan');

  // From March: February's graduations in Barat leave the report, June's in Timur stay.
  await report.startFrom('Maret');
  await expect(report.period(`Maret - Desember ${YEAR}`)).toBeVisible();
  await expect(report.district('Pekalongan Barat').nth(2)).toHaveText('0');
  await expect(report.district('Pekalongan Timur').nth(3)).toHaveText('2');

  const excel = await report.downloadExcel((name) => test.info().outputPath(name));
  expect(excel.name).toBe(`laporan-per-kecamatan-${YEAR}-03-12.xlsx`);
  const sheet = (await readWorkbook(readFileSync(excel.file))).getWorksheet('Graduasi dan target');
  expect(sheet?.getRow(2).values).toEqual([undefined, 'Pekalongan Barat', 0, 0, 0, 10, 0, 0]);
  expect(sheet?.getRow(3).values).toEqual([undefined, 'Pekalongan Timur', 0, 2, 2, 10, 20, 0]);

  // The desa of one kecamatan, in the same period.
  const desa = await report.openVillages('Pekalongan Barat', 'Barat');
  await expect(desa.getByRole('row')).toHaveCount(3);
  await expect(desa.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('Pekalongan Barat');
  await expect(desa.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('7');
  await expect(report.period(`Maret - Desember ${YEAR}, Kecamatan Pekalongan Barat`)).toBeVisible();
});

test("a pendamping's report shows their figures and prints A4 with the signatures", async ({ page, web }) => {
  seedGraduations(web.db);
  const app = await App.signIn(page, web);
  const report = await ReportsPage.open(page);
  await report.openPendamping('RINA PENDAMPING', 'RINA');
  await expect(page.getByText('3 / 10')).toBeVisible();
  await expect(page.getByText('30% dari target')).toBeVisible();
  await expect(
    report.chart('Grafik graduasi pendamping per bulan').locator('svg path.recharts-rectangle').first(),
  ).toBeVisible();
  await app.screenshot('laporan-pendamping');
  const dialog = await report.printPendamping();
  await expect(dialog).toContainText(`laporan-pendamping-RINA-PENDAMPING-${YEAR}.pdf`);
  // Figures and chart, the lists, then the P2K2 tables on the third page (before P2K2 was recorded it had two).
  await expect(dialog).toContainText('3 halaman');
});
