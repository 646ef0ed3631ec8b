import { mkdirSync } from 'node:fs';
import { App } from '../support/pages/app';
import { ImportWizard } from '../support/pages/import-wizard';
import { expect, test, type WebServer } from '../support/web';

/** 55 past imports (as rows: the history only reads them), newest last. */
function recordBatches(web: WebServer, count: number) {
  const insert = web.db.$client.prepare(
    `INSERT INTO import_batches (file_name, file_hash, mapping, counts, username, created_at)
     VALUES (?, ?, '{}', ?, 'admin', ?)`,
  );
  const counts = { rows: 3, families: 3, added: 3, updated: 0, unchanged: 0, skipped: 0, errors: 0, members: 0 };
  for (let i = 1; i <= count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    insert.run(
      `kelurahan-${i}.xlsx`,
      `hash-${i}`,
      JSON.stringify({ ...counts, pendampingCreated: 0 }),
      `2025-03-${day}T08:00:00.000Z`,
    );
  }
}

test('the import history is paged like every list, newest first', async ({ page, web }) => {
  recordBatches(web, 55);
  await App.signIn(page, web);
  const wizard = await ImportWizard.open(page);
  await wizard.openHistory();
  await expect(wizard.batch(55)).toContainText('kelurahan-55.xlsx');
  await expect(wizard.history.getByRole('row')).toHaveCount(51); // the header and 50 imports
  await expect(wizard.batch(5)).toHaveCount(0);

  await expect(page.getByText('1–50 dari 55 impor')).toBeVisible();
  await page.getByRole('button', { name: '2', exact: true }).click();
  await expect(page.getByText('51–55 dari 55 impor')).toBeVisible();
  await expect(wizard.batch(5)).toContainText('kelurahan-5.xlsx');
  await expect(wizard.history.getByRole('row')).toHaveCount(6);
  await expect(wizard.batch(55)).toHaveCount(0);
  if (process.env.SCREENSHOTS) {
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/import-history-page-2.png', fullPage: true });
  }
});
