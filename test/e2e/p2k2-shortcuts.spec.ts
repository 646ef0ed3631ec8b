/**
 * The ways into P2K2 from other screens: a group made from the KPM list's filter, and the daftar hadir of a
 * planned topic printed from the group's year plan. The families and groups are made through the services.
 */
import { todayIso } from '../../main/domain/format';
import { groupCreateSchema, planSaveSchema } from '../../main/domain/p2k2-forms';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { listCurriculum } from '../../main/services/p2k2/curriculum';
import { createGroup, getGroup } from '../../main/services/p2k2/groups';
import { savePlan } from '../../main/services/p2k2/plan';
import { addFamilies, addPendamping, FIXTURE_PASSWORD, userActor, villageOfFamily } from '../support/graduation';
import { App } from '../support/pages/app';
import { KpmListPage } from '../support/pages/kpm-list';
import { GroupPage } from '../support/pages/p2k2';
import { pdfFlatText, readQr } from '../support/pdf';
import { expect, test, type WebServer } from '../support/web';

/** Twelve families of one desa, six per pendamping; two of Rina's already in a group. */
function seed(web: WebServer) {
  const rina = addPendamping(web.db, 'RINA PENDAMPING', ['337501']);
  const sari = addPendamping(web.db, 'SARI PENDAMPING', ['337501']);
  const ofRina = addFamilies(web.db, { count: 6, pendampingId: rina, districtCode: '337501' });
  const ofSari = addFamilies(web.db, { count: 6, pendampingId: sari, districtCode: '337501' });
  const village = villageOfFamily(web.db, ofRina[0]);
  const old = createGroup(
    web.db,
    SYSTEM_ACTOR,
    groupCreateSchema.parse({ name: 'Kelompok Lama', villageCode: village, kpmIds: ofRina.slice(0, 2) }),
    // Members since New Year: a sheet lists the families in the group on the planned day.
    `${todayIso().slice(0, 4)}-01-01`,
  );
  return { village, sari, ofSari, oldGroupId: old.id };
}

const membersOf = (web: WebServer, groupId: number) =>
  getGroup(web.db, SYSTEM_ACTOR, groupId)
    .members.map((m) => m.kpmId)
    .sort((a, b) => a - b);

test('a KPM list filtered to one desa becomes a P2K2 group with the filter’s families picked', async ({
  page,
  web,
}) => {
  const { village, sari, ofSari } = seed(web);
  await App.signIn(page, web);
  const list = await KpmListPage.open(page);
  await expect(list.count).toHaveText('1–12 dari 12 KPM');
  // Without a desa in the filter there is no group to make.
  await expect(list.groupFromFilterButton).toHaveCount(0);

  await page.goto(`${web.url}#/kpm?desa=${village}&pendamping=${sari}`);
  await expect(list.count).toHaveText('1–6 dari 6 KPM');
  const dialog = await list.groupFromFilter();
  // Ten families of the desa have no group; the six the filter finds are picked.
  await expect(dialog.getByText('KPM tanpa kelompok di desa ini: 10; dipilih 6')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Nama kelompok' }).fill('Kelompok Melati');
  await page.screenshot({ path: test.info().outputPath('kpm-group-from-filter.png') });
  await dialog.getByRole('button', { name: 'Simpan kelompok' }).click();
  await expect(page.getByRole('heading', { name: 'Kelompok Melati', exact: true })).toBeVisible();
  const groupId = Number(new URL(page.url()).hash.split('/').pop());
  expect(membersOf(web, groupId)).toEqual([...ofSari].sort((a, b) => a - b));
});

test('a verifikator sees no "Buat kelompok P2K2 dari hasil filter"', async ({ page, web }) => {
  const { village } = seed(web);
  userActor(web.db, SYSTEM_ACTOR, 'verifikator', 'verif1');
  await App.signIn(page, web, { username: 'verif1', password: FIXTURE_PASSWORD });
  const list = await KpmListPage.open(page);
  await page.goto(`${web.url}#/kpm?desa=${village}`);
  await expect(list.count).toHaveText('1–12 dari 12 KPM');
  await expect(list.groupFromFilterButton).toHaveCount(0);
});

test('the year plan prints the daftar hadir of a planned topic, its QR naming group, topic and day', async ({
  page,
  web,
}) => {
  const { oldGroupId } = seed(web);
  const year = Number(todayIso().slice(0, 4));
  const [first, second] = listCurriculum(web.db)[0].topics;
  savePlan(
    web.db,
    SYSTEM_ACTOR,
    planSaveSchema.parse({ groupId: oldGroupId, year, dates: [{ topicId: first.id, plannedOn: `${year}-03-10` }] }),
  );
  await App.signIn(page, web);
  await page.goto(`${web.url}#/p2k2/kelompok/${oldGroupId}`);
  const group = new GroupPage(page);
  await group.openTab('Rencana tahunan');
  // Only a topic with a saved date can be printed.
  await expect(page.getByRole('button', { name: `Cetak daftar hadir ${first.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Cetak daftar hadir ${second.name}` })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('plan-sheet-button.png'), fullPage: true });

  const file = await group.printPlannedSheet(first.name, `Daftar hadir P2K2 10 Maret ${year}`);
  const text = pdfFlatText(file);
  expect(text).toContain(`DAFTAR HADIR P2K2 KELOMPOK KELOMPOK LAMA, TAHUN ${year}`);
  expect(text).toContain(first.name);
  const members = getGroup(web.db, SYSTEM_ACTOR, oldGroupId).members;
  for (const m of members) expect(text).toContain(m.nama);
  const qr = readQr(file);
  expect(qr?.split('*').slice(0, 4)).toEqual(['P2K2DR', String(oldGroupId), String(first.id), `${year}0310`]);
});
