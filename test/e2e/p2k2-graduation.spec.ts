/**
 * What graduation shows of P2K2, in Chromium: the verification form shows the family's attendance and ratings,
 * the administrator adds a criterion answered from P2K2 ("Sumber jawaban"), and the family page shows its group
 * and attendance. The group, its meeting and the candidate are made through the services.
 */
import { todayIso } from '../../main/domain/format';
import { groupCreateSchema, meetingSaveSchema } from '../../main/domain/p2k2-forms';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { listCurriculum } from '../../main/services/p2k2/curriculum';
import { createGroup } from '../../main/services/p2k2/groups';
import { saveMeeting } from '../../main/services/p2k2/meeting-save';
import { addFamilies, addPendamping, insertCandidate, villageOfFamily } from '../support/graduation';
import { App } from '../support/pages/app';
import { FamilyPage } from '../support/pages/family';
import { VerificationPage } from '../support/pages/verification';
import { expect, test, type WebServer } from '../support/web';

const KEUANGAN = 'Pengelolaan Keuangan dan Perencanaan Usaha';

/** Three families in Kelompok Anggrek; the first attended one Keuangan session, rated, and is a candidate. */
function seed(web: WebServer) {
  const rina = addPendamping(web.db, 'RINA PENDAMPING', ['337501']);
  const families = addFamilies(web.db, { count: 3, pendampingId: rina, districtCode: '337501' });
  const village = villageOfFamily(web.db, families[0]);
  const group = createGroup(
    web.db,
    SYSTEM_ACTOR,
    groupCreateSchema.parse({ name: 'Kelompok Anggrek', villageCode: village, pendampingId: rina, kpmIds: families }),
  );
  const topic = listCurriculum(web.db).find((m) => m.name === KEUANGAN)?.topics[0];
  if (!topic) throw new Error(`no module ${KEUANGAN}`);
  saveMeeting(
    web.db,
    SYSTEM_ACTOR,
    meetingSaveSchema.parse({
      groupId: group.id,
      topicId: topic.id,
      heldOn: todayIso(),
      place: 'Balai desa',
      attendance: families.map((kpmId, i) => ({
        kpmId,
        status: i === 0 ? 'hadir' : 'alfa',
        behaviourRating: i === 0 ? 'baik' : null,
        potentialRating: i === 0 ? 'sangat_baik' : null,
      })),
    }),
  );
  insertCandidate(web.db, families[0]);
  const nama = web.db.$client.prepare('SELECT nama FROM kpm WHERE id = ?').pluck().get(families[0]) as string;
  return { kpmId: families[0], nama, topic: topic.name };
}

test('the verification form shows the family’s P2K2 group, attendance and ratings', async ({ page, web }) => {
  const { nama, topic } = seed(web);
  await App.signIn(page, web);
  const dialog = await (await VerificationPage.open(page)).openAssessment(nama);
  await expect(dialog.getByText(/^Kelompok Kelompok Anggrek, .* \(pendamping RINA PENDAMPING\)/)).toBeVisible();
  const meetings = dialog.getByRole('table', { name: 'Pertemuan P2K2 terakhir' });
  await expect(meetings.getByRole('row')).toHaveCount(2);
  await expect(meetings.getByRole('row').nth(1)).toHaveText(new RegExp(`${topic}HadirBaikSangat baik$`));
  await page.screenshot({ path: test.info().outputPath('verification-p2k2.png') });
});

test('the administrator adds a criterion answered from P2K2; the verification form answers it', async ({
  page,
  web,
}) => {
  const { nama } = seed(web);
  await App.signIn(page, web);
  const verification = await VerificationPage.open(page);
  await verification.addModuleCriterion('Ikut semua sesi keuangan', KEUANGAN, 10);
  const row = verification.criteria.getByRole('row').filter({ hasText: 'Ikut semua sesi keuangan' });
  await expect(row).toContainText('dari P2K2');
  await expect(row).toContainText('Ya (100) · Tidak (0)');
  await expect(row.getByRole('cell').nth(1)).toHaveText('10');

  await page.getByRole('tab', { name: 'Calon' }).click();
  const dialog = await verification.openAssessment(nama);
  await expect(
    dialog.getByText(`Ikut semua sesi keuangan: hadir di 1 dari 3 sesi ${KEUANGAN}`, { exact: true }),
  ).toBeVisible();
  // Answered from P2K2, not asked of the verifikator.
  await expect(dialog.getByRole('radiogroup', { name: /Ikut semua sesi keuangan/ })).toHaveCount(0);
});

test('the family page shows its P2K2 group and attendance', async ({ page, web }) => {
  const { kpmId, topic } = seed(web);
  await App.signIn(page, web);
  const family = await FamilyPage.openById(page, kpmId);
  await expect(family.p2k2).toContainText(/Kelompok Kelompok Anggrek, .* \(pendamping RINA PENDAMPING\), sejak/);
  await expect(family.p2k2).toContainText('Tingkat kehadiran 12 bulan100%');
  const meetings = family.p2k2.getByRole('table', { name: 'Pertemuan P2K2 terakhir' });
  await expect(meetings.getByRole('row').nth(1)).toHaveText(new RegExp(`${topic}HadirBaikSangat baik$`));
  await family.p2k2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('family-p2k2.png') });
});
