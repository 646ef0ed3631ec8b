import type { Page } from '@playwright/test';
import { todayIso } from '../../main/domain/format';
import { groupSplitSchema, meetingSaveSchema } from '../../main/domain/p2k2-forms';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { listCurriculum } from '../../main/services/p2k2/curriculum';
import { splitVillage } from '../../main/services/p2k2/group-members';
import { getGroup } from '../../main/services/p2k2/groups';
import { saveMeeting } from '../../main/services/p2k2/meeting-save';
import { seriousViolations } from '../support/axe';
import { addFamilies, addPendamping, villageOfFamily } from '../support/graduation';
import { expect, login, test, type WebServer } from '../support/web';

test.use({ viewport: { width: 1366, height: 690 } });

/** Two groups of a desa and a recorded meeting, made through the services. */
function seed(web: WebServer) {
  const rina = addPendamping(web.db, 'RINA PENDAMPING', ['337501']);
  const families = addFamilies(web.db, { count: 20, pendampingId: rina, districtCode: '337501' });
  const village = villageOfFamily(web.db, families[0]);
  const { groups } = splitVillage(
    web.db,
    SYSTEM_ACTOR,
    groupSplitSchema.parse({ villageCode: village, size: 10, pendampingId: rina }),
  );
  const topic = listCurriculum(web.db)[0].topics[0];
  const members = getGroup(web.db, SYSTEM_ACTOR, groups[0].id).members;
  const attendance = members.map((m, i) => ({
    kpmId: m.kpmId,
    status: i === 0 ? 'alfa' : 'hadir',
    behaviourRating: 'baik',
  }));
  const input = meetingSaveSchema.parse({
    groupId: groups[0].id,
    topicId: topic.id,
    heldOn: todayIso(),
    place: 'Balai desa',
    attendance,
  });
  return { groupId: groups[0].id, meetingId: saveMeeting(web.db, SYSTEM_ACTOR, input).id };
}

async function settled(page: Page) {
  await expect(page.getByRole('main').locator('h1').first()).toBeVisible();
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
}

test('the P2K2 pages, their tabs and dialogs pass axe (WCAG 2.1 AA) with no serious violation', async ({
  page,
  web,
}) => {
  test.setTimeout(180_000);
  const { groupId, meetingId } = seed(web);
  await login(page, web.url);
  const found: Record<string, string[]> = {};
  const check = async (where: string, include?: string) => {
    const violations = await seriousViolations(page, include);
    if (violations.length > 0) found[where] = violations;
  };
  await page.goto(`${web.url}#/p2k2`);
  await settled(page);
  await expect(page.getByRole('table', { name: 'Kelompok P2K2' }).getByRole('row')).toHaveCount(3);
  await check('/p2k2');
  for (const name of ['Buat kelompok', 'Bagi desa ke kelompok']) {
    await page.getByRole('button', { name }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check(`/p2k2 dialog ${name}`, '[role="dialog"]');
    await page.getByRole('dialog').getByRole('button', { name: 'Tutup dialog', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  for (const name of ['Pertemuan', 'Materi']) {
    await page.getByRole('tab', { name }).click();
    await settled(page);
    await check(`/p2k2 tab ${name}`);
  }
  await page.screenshot({ path: test.info().outputPath('p2k2-materi.png'), fullPage: true });
  await page.goto(`${web.url}#/p2k2/kelompok/${groupId}`);
  await settled(page);
  await check('group');
  await page.getByRole('tab', { name: 'Rencana tahunan' }).click();
  await settled(page);
  await check('group tab Rencana tahunan');
  await page.goto(`${web.url}#/p2k2/pertemuan/${meetingId}`);
  await settled(page);
  await expect(page.getByText('9 dari 10 KPM hadir; 0 belum diisi.')).toBeVisible();
  await check('meeting');
  expect(found).toEqual({});
});
