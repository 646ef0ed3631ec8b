import type { Page } from '@playwright/test';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createKpm } from '../../main/services/kpm';
import { familyInput } from '../node/helpers';
import { App } from '../support/pages/app';
import { KpmForm } from '../support/pages/kpm-form';
import { expect, test, type WebServer } from '../support/web';

/** The saved family on its edit page; its pengurus was born 5 July 1985, member 1 on 12 March 2010. */
async function editFamily(page: Page, web: WebServer): Promise<{ id: number; form: KpmForm }> {
  const saved = createKpm(web.db, SYSTEM_ACTOR, familyInput({ acceptWarnings: true }));
  if (saved.status !== 'saved') throw new Error('family not saved');
  await App.signIn(page, web);
  return { id: saved.id, form: await KpmForm.openEdit(page, web, saved.id) };
}

// Offices run Indonesian and English Windows alike: the browser's language must change nothing.
for (const locale of ['id-ID', 'en-US']) {
  test.describe(`browser in ${locale}`, () => {
    test.use({ locale });

    test('dates show and are typed as dd/mm/yyyy with Indonesian month names', async ({ page, web }) => {
      const { form } = await editFamily(page, web);
      // A stored date (1985-07-05) reads day first.
      const birth = form.birthDate;
      await expect(birth).toHaveValue('05/07/1985');
      await expect(page.getByLabel('Tanggal lahir anggota 1')).toHaveValue('12/03/2010');

      // Typed day first: 03/04/1986 is 3 April, not March 4.
      await birth.fill('03/04/1986');
      await birth.blur();
      await expect(birth).toHaveValue('03/04/1986');

      // The calendar speaks Indonesian: month and year in the header, short month names one level up.
      await birth.click();
      await expect(page.getByRole('button', { name: 'April 1986', exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'April 1986', exact: true }).click();
      for (const month of ['Jan', 'Mei', 'Agt', 'Okt', 'Des']) {
        await expect(page.getByRole('button', { name: month, exact: true })).toBeVisible();
      }
      await page.getByRole('button', { name: 'Agt', exact: true }).click();
      await page.getByRole('button', { name: '17 Agustus 1986' }).click();
      await expect(birth).toHaveValue('17/08/1986');
    });

    test('the ways staff type a date are all read, and one that is not a date is said and kept', async ({
      page,
      web,
    }) => {
      const { id, form } = await editFamily(page, web);
      await page.getByRole('button', { name: '+ Tambah anggota' }).click();
      await form.textbox('Nama anggota 3').fill('Joko Susilo');
      await form.memberSelect('Hubungan', 3).selectOption({ label: 'Suami' });
      for (const typed of ['16081985', '16/8/85', '16-08-1985', '16.08.1985']) {
        const field = await form.typeDate('Tanggal lahir anggota 3', typed);
        await expect(field, typed).toHaveValue('16/08/1985');
      }

      // A date the calendar does not have: the reason at the field, the text left as typed, nothing saved.
      const field = await form.typeDate('Tanggal lahir anggota 3', '31/02/1985');
      const reason = 'Tanggal 31 Februari 1985 tidak ada: Februari 1985 hanya sampai tanggal 28.';
      await expect(page.getByText(reason)).toBeVisible();
      await expect(field).toHaveValue('31/02/1985');
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await form.saveChanges();
      await expect(field).toHaveValue('31/02/1985');
      await expect(page.getByText(reason)).toBeVisible();
      const members = () =>
        web.db.$client.prepare('SELECT nama, tanggal_lahir FROM art WHERE kpm_id = ? ORDER BY id').all(id);
      expect(members()).toHaveLength(2);

      // Corrected, it saves as 16 August 1985.
      await form.typeDate('Tanggal lahir anggota 3', '16.08.1985');
      await expect(page.getByText(reason)).toBeHidden();
      await form.saveChanges();
      await expect(page.getByText('Perubahan data KPM disimpan.')).toBeVisible();
      expect(members()).toContainEqual({ nama: 'JOKO SUSILO', tanggal_lahir: '1985-08-16' });
      await expect(page.getByText('16 Agustus 1985')).toBeVisible();
    });

    test('a komponen that contradicts the age is flagged on the member row before saving', async ({ page, web }) => {
      const { form } = await editFamily(page, web);
      const row = (n: number) => form.memberRow(n);
      const komponen = (n: number) => form.memberSelect('Komponen', n);

      // Member 2 (Anak SD) typed as born in 1940: 86 years old.
      await form.typeDate('Tanggal lahir anggota 2', '05/01/1940');
      await expect(row(2)).toContainText('Umur 86 tahun: komponen sekolah berhenti pada ulang tahun ke-21.');

      // A child born 1927 counted as anak usia dini: the warning comes when the komponen is chosen.
      await form.typeDate('Tanggal lahir anggota 1', '01/03/1927');
      await expect(row(1)).not.toContainText('tidak sesuai komponen');
      await komponen(1).selectOption({ label: 'Anak usia dini (0-6)' });
      await expect(row(1)).toContainText('tidak sesuai komponen anak usia dini (0-6).');
      // Nothing was asked of the server yet: the form itself knows.
      await expect(form.warnings).toBeHidden();

      // Fixing the komponen takes the warning away.
      await komponen(2).selectOption({ label: 'Tidak ada' });
      await expect(row(2)).not.toContainText('Umur 86 tahun');
    });
  });
}
