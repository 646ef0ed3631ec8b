/**
 * The closed lists of the registry, shared by the database schema, the services and the renderer.
 * They live here (the floor) so that the renderer never has to reach into db/ for them.
 */

export const KPM_STATUS = ['aktif', 'graduasi_mandiri', 'graduasi_alamiah', 'keluar'] as const;
/** The statuses of a graduated family (by decision or set by hand): the one list every query and check reads. */
export const GRADUATED_STATUSES = ['graduasi_mandiri', 'graduasi_alamiah'] as const satisfies readonly KpmStatus[];
export type GraduatedStatus = (typeof GRADUATED_STATUSES)[number];
export type KpmStatus = (typeof KPM_STATUS)[number];

export const SEX = ['L', 'P'] as const;
export type Sex = (typeof SEX)[number];

export const HUBUNGAN = ['suami', 'istri', 'anak', 'cucu', 'orang_tua', 'mertua', 'famili_lain'] as const;
export type Hubungan = (typeof HUBUNGAN)[number];

/** A pendamping account is linked to one pendamping record and sees only that pendamping's families. */
export const ROLES = ['admin', 'operator', 'verifikator', 'pimpinan', 'pendamping'] as const;
export type Role = (typeof ROLES)[number];
/** The office's own staff roles: they see every family (a pendamping account sees only its own). */
export const OFFICE_ROLES = ['admin', 'operator', 'verifikator', 'pimpinan'] as const satisfies readonly Role[];

export const STATUS_LABEL: Record<KpmStatus, string> = {
  aktif: 'Aktif',
  graduasi_mandiri: 'Graduasi sejahtera mandiri',
  graduasi_alamiah: 'Graduasi alamiah',
  keluar: 'Keluar',
};

export const HUBUNGAN_LABEL: Record<Hubungan, string> = {
  suami: 'Suami',
  istri: 'Istri',
  anak: 'Anak',
  cucu: 'Cucu',
  orang_tua: 'Orang tua',
  mertua: 'Mertua',
  famili_lain: 'Famili lain',
};
