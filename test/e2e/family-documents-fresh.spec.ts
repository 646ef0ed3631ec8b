/**
 * The family page's documents card follows what was printed elsewhere in the same session: the wisuda batch
 * of a decision shows on a family page already open before, without reloading.
 */
import { decideGraduations } from '../support/graduation';
import { App } from '../support/pages/app';
import { FamilyPage } from '../support/pages/family';
import { ProposalPage } from '../support/pages/proposals';
import { expect, registerFamily, test } from '../support/web';

test('a family page opened before the wisuda batch lists the batch documents without a reload', async ({
  page,
  web,
}) => {
  const kpmId = registerFamily(web, {
    idKpm: 'P-SEG-1',
    nik: '3375014101800021',
    noKk: '3375010101200021',
    nama: 'WULAN SEGAR',
    districtCode: '337501',
    villageCode: '3375011002',
  });
  const { proposalId } = decideGraduations(web.db, { kpmIds: [kpmId], skDate: '2026-11-20' });
  await App.signIn(page, web);

  const family = await FamilyPage.openById(page, kpmId);
  await expect(page.getByText('Belum ada dokumen yang diterbitkan untuk keluarga ini.')).toBeVisible();

  const proposal = await ProposalPage.openById(page, proposalId);
  await proposal.wisuda.getByRole('button', { name: 'Mulai cetak (2 dokumen)' }).click();
  await expect(page.getByRole('dialog', { name: 'Dokumen wisuda' })).toBeVisible();
  await page.keyboard.press('Escape');

  await FamilyPage.openById(page, kpmId);
  const numbers = web.db.$client.prepare('SELECT number FROM documents ORDER BY id').pluck().all() as string[];
  expect(numbers).toHaveLength(2);
  for (const number of numbers) await expect(family.documents).toContainText(number);
});
