/** A PDF shown in its dialog (letters, BAST, lists, reports): downloaded as the user would, read back as text. */
import { expect, type Page, test } from '@playwright/test';
import { pdfFlatText } from '../pdf';

/** Clicks "Unduh PDF" in the open dialog named `dialogName`; returns the saved file's path. */
export async function downloadPdf(page: Page, dialogName: string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Unduh PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** The text of the PDF in the open dialog, on one line; closes the dialog after. */
export async function readPdf(page: Page, dialogName: string): Promise<string> {
  const text = pdfFlatText(await downloadPdf(page, dialogName));
  await page.keyboard.press('Escape');
  return text;
}
