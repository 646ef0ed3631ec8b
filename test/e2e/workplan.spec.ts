import { todayIso } from '../../main/domain/format';
import { komponenMask } from '../../main/domain/komponen';
import { groupCreateSchema } from '../../main/domain/p2k2-forms';
import { planDeadline } from '../../main/domain/workplan';
import type { Actor } from '../../main/services/actor';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { listCurriculum } from '../../main/services/p2k2/curriculum';
import { createGroup } from '../../main/services/p2k2/groups';
import { addFamilies, addPendamping, FIXTURE_PASSWORD, pendampingActor, villageOfFamily } from '../support/graduation';
import { App } from '../support/pages/app';
import { UsersPage } from '../support/pages/users';
import { WorkPlanPage } from '../support/pages/workplan';
import { expect, test, type WebServer } from '../support/web';

/**
 * Rina's families, three holding a school komponen, with one P2K2 group that planned a session this month; Dedi has
 * families and nothing planned.
 */
function seed(web: WebServer, month: string) {
  const rina = addPendamping(web.db, 'RINA PENDAMPING', ['337501']);
  const dedi = addPendamping(web.db, 'DEDI PENDAMPING', ['337501']);
  const families = addFamilies(web.db, { count: 12, pendampingId: rina, districtCode: '337501' });
  addFamilies(web.db, { count: 6, pendampingId: dedi, districtCode: '337501' });
  web.db.$client
    .prepare('UPDATE kpm SET komponen_mask = ? WHERE id IN (?, ?, ?)')
    .run(komponenMask(['anak_sd']), ...families.slice(0, 3));
  const group = createGroup(
    web.db,
    SYSTEM_ACTOR,
    groupCreateSchema.parse({
      name: 'Mawar',
      villageCode: villageOfFamily(web.db, families[0]),
      pendampingId: rina,
      kpmIds: families.slice(0, 10),
      meetingPlace: 'Balai RW 3',
    }),
    `${month}-01`,
  );
  const topic = listCurriculum(web.db)[0].topics[0];
  web.db.$client
    .prepare('INSERT INTO p2k2_plans (group_id, year, topic_id, planned_on) VALUES (?, ?, ?, ?)')
    .run(group.id, Number(month.slice(0, 4)), topic.id, `${month}-15`);
  return { topic };
}

test("a pendamping drafts and submits its month's plan, marks an activity done, and the office sees the list", async ({
  page,
  web,
  browser,
}) => {
  test.setTimeout(180_000);
  const month = todayIso().slice(0, 7);
  const { topic } = seed(web, month);

  // A pendamping account made before the link was required: the list says it has none yet.
  web.db.$client
    .prepare(
      `INSERT INTO users (username, full_name, role, password_hash, created_at)
       VALUES ('lama', 'Akun Lama', 'pendamping', 'tanpa-sandi', '2026-01-05T02:00:00.000Z')`,
    )
    .run();
  // The administrator makes Rina's account: the pendamping role asks which pendamping record it acts for.
  await App.signIn(page, web);
  const users = await UsersPage.open(page);
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await dialog.getByRole('textbox', { name: 'Nama pengguna' }).fill('rina');
  await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill('Rina Marlina');
  await expect(dialog.getByRole('combobox', { name: 'Data pendamping' })).toHaveCount(0);
  await users.chooseRole(dialog, 'Pendamping');
  await users.typePassword(dialog, 'rahasia-rina-1');
  await expect(dialog.getByText('Pilih data pendamping untuk akun pendamping.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Data pendamping' }).click();
  await page.getByRole('option', { name: 'RINA PENDAMPING' }).click();
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(users.user('rina')).toContainText('Pendamping');
  // The list names the pendamping record a pendamping account acts for; other accounts have none.
  await expect(users.account('rina')).toContainText('Data pendamping: RINA PENDAMPING');
  await expect(users.account('admin')).not.toContainText('Data pendamping');
  await expect(users.account('lama')).toContainText('Data pendamping: — (pilih lewat Ubah)');
  await page.screenshot({ path: test.info().outputPath('users-pendamping.png'), fullPage: true });

  // Rina sees only her work: her navigation and her own figures.
  const rina = await App.signInElsewhere(browser, web, { username: 'rina', password: 'rahasia-rina-1' });
  const labels = await rina.navigation.getByRole('link').allInnerTexts();
  // Her own work only: no office page (Laporan, Usulan, Pengguna...); complaints, evaluation, verkom and businesses
  // are of her own families.
  expect(labels.map((l) => l.trim())).toEqual([
    'Beranda',
    'Data KPM',
    'P2K2',
    'Rencana kerja',
    'Pemantauan',
    'Pengaduan',
    'Evaluasi',
    'Verifikasi komitmen',
    'Usaha graduasi',
  ]);
  await expect(rina.page.getByText('Semua keluarga dampingan')).toBeVisible();
  // Her 12 families, all active: not the office's 18.
  await expect(rina.page.getByRole('link', { name: '12', exact: true })).toHaveCount(2);
  await rina.page.screenshot({ path: test.info().outputPath('pendamping-beranda.png'), fullPage: true });

  const plan = await WorkPlanPage.open(rina.page, month);
  await expect(rina.page.getByText('Belum ada rencana', { exact: true })).toBeVisible();
  await plan.draft();
  await expect(plan.activity(`P2K2 kelompok Mawar: ${topic.name}`)).toContainText('Balai RW 3');
  // Her families holding a komponen make one verifikasi komitmen; removed, drafting again leaves it out.
  const verkom = plan.activity('Verifikasi komitmen pendidikan dan kesehatan: 3 keluarga');
  await expect(verkom).toBeVisible();
  await verkom.getByRole('button', { name: /^Hapus / }).click();
  const question = rina.page.getByRole('dialog', { name: 'Hapus kegiatan' });
  await expect(question).toContainText(
    'Kegiatan ini dari draf: "Susun draf" berikutnya tidak akan menambahkannya lagi.',
  );
  await rina.page.screenshot({ path: test.info().outputPath('workplan-remove-drafted.png'), fullPage: true });
  await question.getByRole('button', { name: 'Hapus', exact: true }).click();
  await expect(question).toBeHidden();
  await plan.draft();
  await expect(
    rina.page.getByText(
      'Draf disusun: 0 kegiatan ditambahkan dari data aplikasi. 1 kegiatan yang sudah dihapus tidak ditambahkan lagi.',
    ),
  ).toBeVisible();
  await expect(verkom).toHaveCount(0);
  await plan.add({
    kind: 'Kunjungan rumah',
    date: `${month}-03`,
    title: 'Kunjungan rumah keluarga baru',
    place: 'RT 02',
  });
  await expect(plan.activities.getByRole('row')).toHaveCount(3);
  await rina.page.screenshot({ path: test.info().outputPath('workplan-draft.png'), fullPage: true });
  await plan.submit();
  const late = todayIso() > planDeadline(month, 5);
  await expect(rina.page.getByText(late ? 'Diajukan terlambat' : 'Diajukan', { exact: true })).toBeVisible();
  await expect(rina.page.getByRole('button', { name: 'Tambah kegiatan' })).toHaveCount(0);
  await plan.markDone(/Kunjungan rumah keluarga baru/);
  await expect(plan.activity(/Kunjungan rumah keluarga baru/).getByText('Terlaksana', { exact: true })).toBeVisible();
  await plan.markNotDone(/P2K2 kelompok Mawar/, 'Ketua kelompok sakit, dijadwalkan ulang');
  await expect(rina.page.getByLabel('Direncanakan vs terlaksana')).toContainText(
    'Direncanakan 2 kegiatan · terlaksana 1 · tidak terlaksana 1 · belum dicatat 0 · capaian 50%',
  );
  await rina.page.screenshot({ path: test.info().outputPath('workplan-submitted.png'), fullPage: true });

  // The office's list of the month: Rina submitted, Dedi has nothing.
  const office = await WorkPlanPage.open(page, month);
  await expect(office.submission('RINA PENDAMPING')).toContainText(
    late ? 'Diajukan terlambat' : 'Diajukan tepat waktu',
  );
  await expect(office.submission('RINA PENDAMPING')).toContainText('1/2 (50%)');
  await expect(office.submission('DEDI PENDAMPING')).toContainText('Belum ada rencana');
  await page.screenshot({ path: test.info().outputPath('workplan-submissions.png'), fullPage: true });
  await office.submission('RINA PENDAMPING').getByRole('link', { name: 'RINA PENDAMPING' }).click();
  await expect(page.getByRole('button', { name: 'Buka kembali' })).toBeVisible();
});

/** What a screen shows when a call behind it was refused or failed. */
const REFUSED = /hak akses|Hanya .* yang dapat|tidak dapat dibuka|tidak ditemukan/i;

test("a pendamping's other screens show its own families and groups only, without errors", async ({ page, web }) => {
  test.setTimeout(120_000);
  const month = todayIso().slice(0, 7);
  seed(web, month);
  const rinaId = web.db.$client
    .prepare("SELECT id FROM pendamping WHERE name = 'RINA PENDAMPING'")
    .pluck()
    .get() as number;
  const admin = web.db.$client.prepare("SELECT id, username, role FROM users WHERE role = 'admin'").get() as Actor;
  pendampingActor(web.db, admin, 'rina', rinaId);
  const rina = await App.signIn(page, web, { username: 'rina', password: FIXTURE_PASSWORD });

  await rina.open('Data KPM');
  await expect(page.getByText('12 KPM', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Pendamping' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('pendamping-kpm.png'), fullPage: true });
  await page
    .getByRole('link', { name: /IBU UJI/ })
    .first()
    .click();
  await expect(page.getByRole('button', { name: 'Usulkan calon graduasi' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ubah' })).toHaveCount(0);
  await expect(page.getByText('Tahapan graduasi')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('pendamping-family.png'), fullPage: true });
  await expect(page.getByText(REFUSED)).toHaveCount(0);

  await rina.open('P2K2');
  await expect(page.getByRole('row', { name: /Mawar/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('pendamping-p2k2.png'), fullPage: true });
  await rina.open('Pemantauan');
  await expect(page.getByText('Tidak ada kunjungan jatuh tempo bulan ini.')).toBeVisible();
  await expect(page.getByText(REFUSED)).toHaveCount(0);
});
