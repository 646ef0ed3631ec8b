import type { Choice, ChoiceDefaults, DuplicateKind, ImportProblem } from '../../../main/api/import.contract';

export { IMPORT_PHASE_LABEL as PHASE_LABEL } from '../../../main/domain/job-phases';

export const CHOICE_LABEL: Record<Choice, string> = {
  add: 'Tambah baru',
  update: 'Perbarui',
  skip: 'Lewati',
};

/** What each kind of duplicate is, and what each choice does for it, in the operator's words. */
export const DUPLICATE_KIND: Record<
  DuplicateKind,
  { title: string; description: string; defaultsKey: keyof ChoiceDefaults; choices: Partial<Record<Choice, string>> }
> = {
  db: {
    title: 'Sudah terdaftar dengan data berbeda',
    description:
      'NIK atau ID KPM sama dengan keluarga di database, tetapi datanya berbeda (lihat kolom Yang berbeda). ' +
      'Bawaannya dilewati agar data terdaftar tidak tertimpa.',
    defaultsKey: 'db',
    choices: { update: 'data terdaftar diganti isi berkas', skip: 'data terdaftar tetap' },
  },
  db_fill: {
    title: 'Melengkapi data terdaftar',
    description:
      'Keluarga sudah terdaftar; berkas hanya mengisi yang masih kosong (misalnya ID KPM) atau menambah anggota.',
    defaultsKey: 'dbFill',
    choices: { update: 'yang kosong diisi dari berkas', skip: 'data terdaftar tetap' },
  },
  db_kk: {
    title: 'No. KK sama dengan keluarga terdaftar',
    description: 'No. KK sama dengan satu keluarga di database, tetapi NIK dan ID KPM berbeda.',
    defaultsKey: 'dbKk',
    choices: {
      update: 'keluarga terdaftar diganti isi berkas',
      add: 'didaftarkan sebagai keluarga lain',
      skip: 'tidak diimpor',
    },
  },
  file: {
    title: 'Ganda di dalam berkas',
    description: 'NIK atau ID KPM sama dengan baris sebelumnya di berkas ini, tetapi isinya berbeda.',
    defaultsKey: 'file',
    choices: { skip: 'baris yang kemudian diabaikan', update: 'baris yang kemudian menimpa baris sebelumnya' },
  },
  file_kk: {
    title: 'No. KK sama di dalam berkas',
    description: 'No. KK sama dengan baris lain di berkas ini, tetapi NIK pengurus berbeda.',
    defaultsKey: 'fileKk',
    choices: { add: 'didaftarkan sebagai keluarga sendiri', skip: 'tidak diimpor' },
  },
};

/** "Perbarui: data terdaftar diganti isi berkas. Lewati: data terdaftar tetap." */
export function choiceHelp(kind: DuplicateKind): string {
  return Object.entries(DUPLICATE_KIND[kind].choices)
    .map(([choice, text]) => `${CHOICE_LABEL[choice as Choice]}: ${text}.`)
    .join(' ');
}

export const DUPLICATE_ORDER: DuplicateKind[] = ['db', 'db_fill', 'db_kk', 'file', 'file_kk'];

/**
 * The problem's sentence without its "Baris 12, kolom NIK: " prefix, which the table already shows in
 * its own columns.
 */
export function problemText(p: ImportProblem): string {
  const prefixes = [`Baris ${p.row}, kolom ${p.header}: `, `Baris ${p.row}: `];
  for (const prefix of prefixes) {
    if (p.message.startsWith(prefix)) {
      const rest = p.message.slice(prefix.length);
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return p.message;
}
