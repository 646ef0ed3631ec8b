/**
 * In Chromium: a role outside fullNikRoles (pimpinan, by default) sees NIKs masked in the KPM
 * list and on the family page; an administrator sees them in full and prints the family data report.
 */
import { maskNik } from '../../main/domain/identity';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { insertUser } from '../../main/services/auth';
import { createKpm } from '../../main/services/kpm';
import { familyInput } from '../node/helpers';
import { App } from '../support/pages/app';
import { KpmListPage } from '../support/pages/kpm-list';
import { expect, test, type WebServer } from '../support/web';

const FAMILY = familyInput({ acceptWarnings: true });

function register(web: WebServer): number {
  const saved = createKpm(web.db, SYSTEM_ACTOR, FAMILY);
  if (saved.status !== 'saved') throw new Error('family not saved');
  insertUser(web.db, SYSTEM_ACTOR, {
    username: 'pimpinan1',
    fullName: 'Pimpinan Uji',
    role: 'pimpinan',
    password: 'rahasia123',
  });
  return saved.id;
}

test('a pimpinan sees NIKs masked in the KPM list and on the family page', async ({ page, web }) => {
  register(web);
  await App.signIn(page, web, { username: 'pimpinan1', password: 'rahasia123' });
  const list = await KpmListPage.open(page);
  await expect(list.family('SITI WULANDARI')).toContainText(maskNik(FAMILY.nik));
  await expect(page.getByText(FAMILY.nik)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/privacy-pimpinan-list.png' });

  const family = await list.openFamily('SITI WULANDARI');
  // 3375********0001 is the mask of both the NIK and the No. KK here (same region, same last digits).
  await expect(page.getByText(maskNik(FAMILY.noKk)).first()).toBeVisible();
  await expect(page.getByText(maskNik(FAMILY.members[0].nik as string))).toBeVisible();
  const html = await page.content();
  for (const n of [FAMILY.nik, FAMILY.noKk, FAMILY.members[0].nik as string]) expect(html).not.toContain(n);
  await expect(family.dataReportButton).toHaveCount(0);
  const views = web.db.$client.prepare("SELECT count(*) FROM audit_log WHERE action = 'view_nik'").pluck().get();
  expect(views).toBe(0);
});

test('an administrator sees NIKs in full (logged) and prints the family data report', async ({ page, web }) => {
  register(web);
  await App.signIn(page, web);
  const family = await (await KpmListPage.open(page)).openFamily('SITI WULANDARI');
  await expect(family.name(FAMILY.noKk)).toBeVisible();
  const dialog = await family.printDataReport();
  await expect(dialog.getByText(/data-pribadi-.*\.pdf · \d+ halaman/)).toBeVisible();
  await page.screenshot({ path: 'test-results/privacy-report.png' });
  const audit = web.db.$client
    .prepare("SELECT action, username FROM audit_log WHERE action IN ('view_nik', 'cetak_data_pribadi') ORDER BY id")
    .all() as { action: string; username: string }[];
  expect(audit.map((a) => a.action)).toContain('view_nik');
  expect(audit.at(-1)).toEqual({ action: 'cetak_data_pribadi', username: 'admin' });
});
