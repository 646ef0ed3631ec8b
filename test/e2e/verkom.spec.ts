/** An operator imports a school's attendance form and sees the quarter's non-compliant families. */
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { schoolFormCsv, syntheticStudent } from '../fixtures/school-form';
import { familyInput } from '../node/helpers';
import { addPendamping } from '../support/graduation';
import { VerkomPage } from '../support/pages/verkom';
import { expect, login, test } from '../support/web';

const YEAR = new Date().getFullYear() - 1;

test('import a school form, see the unmatched row, save, and find the family below the threshold', async ({
  page,
  web,
}) => {
  const rina = addPendamping(web.db, 'RINA PENDAMPING');
  const saved = createKpm(web.db, SYSTEM_ACTOR, familyInput({ pendampingId: rina, acceptWarnings: true }));
  if (saved.status !== 'saved') throw new Error('family not saved');
  const [budi, ayu] = familyInput().members;
  const student = (i: number, nik: string, nama: string, percents: number[]) => {
    const s = syntheticStudent(i, 3);
    return {
      ...s,
      nikSiswa: nik,
      nisn: '',
      namaSiswa: nama,
      months: s.months.map((m, k) => m && { ...m, percent: percents[k] }),
    };
  };
  const months = [`${YEAR}-01`, `${YEAR}-02`, `${YEAR}-03`];
  const bytes = schoolFormCsv(
    {
      npsn: '20301234',
      schoolName: 'SD NEGERI 1 UJI',
      months,
      students: [
        student(1, budi.nik as string, 'BUDI SANTOSO', [80, 95, 95]),
        student(2, ayu.nik as string, 'AYU LESTARI', [95, 95, 95]),
        syntheticStudent(900, 3),
      ],
    },
    { delimiter: ';', sepLine: true },
  );

  await login(page, web.url);
  const verkom = await VerkomPage.open(page);
  await verkom.previewSchoolForm(YEAR, 1, 'daftar-hadir.csv', bytes);
  await expect(page.getByText('2 cocok')).toBeVisible();
  await expect(verkom.skipped().getByRole('row', { name: /^10 Tidak cocok NIK siswa 3201010101000900/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('preview.png'), fullPage: true });
  await verkom.save(2);
  await expect(page.getByText('2 siswa disimpan (6 bulan); 1 baris tidak cocok.')).toBeVisible();

  await verkom.openQuarter(YEAR, 1);
  const list = verkom.nonCompliant(`Triwulan I ${YEAR}`);
  await expect(list.getByRole('row', { name: /RINA PENDAMPING SITI WULANDARI/ })).toContainText(`${YEAR}-01`);
  await expect(list.getByRole('row')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('quarter.png'), fullPage: true });

  await list.getByRole('link', { name: 'SITI WULANDARI' }).click();
  const record = page.getByRole('table', { name: 'Komitmen pendidikan per bulan' });
  await expect(
    record.getByRole('row', { name: new RegExp(`${YEAR}-01 BUDI SANTOSO .* 80% Tidak terpenuhi`) }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('family.png'), fullPage: true });
});
