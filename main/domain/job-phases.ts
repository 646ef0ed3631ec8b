/**
 * The phases of the long jobs (an import, a wisuda batch) as the user reads them: the states are English
 * values in code and over the contract, the words are Indonesian, here once for the screens and the CLI.
 */
export const IMPORT_PHASE_LABEL = {
  reading: 'Membaca berkas',
  checking: 'Memeriksa data',
  saving: 'Menyimpan ke database',
} as const;
export type ImportPhase = keyof typeof IMPORT_PHASE_LABEL;

export const BATCH_PHASE_LABEL = {
  preparing: 'Menyiapkan data keluarga',
  rendering: 'Menyusun PDF',
  saving: 'Menyimpan nomor surat',
  done: 'Selesai',
} as const;
export type BatchPhase = keyof typeof BATCH_PHASE_LABEL;
