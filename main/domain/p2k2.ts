/**
 * P2K2 (Pertemuan Peningkatan Kemampuan Keluarga): the monthly group sessions every PKH family attends. The words:
 * a group (kelompok) of 10-30 families in one desa meets with its pendamping; the curriculum has modules, each made
 * of topics ("sesi" in the module books); a meeting is one held session of one topic for one group.
 */

/** A family's attendance at a meeting; blank (null) until the pendamping marks it. */
export const ATTENDANCE = ['hadir', 'izin', 'sakit', 'alfa'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** The two ratings the pendamping gives each family at a meeting. */
export const RATINGS = ['kurang', 'baik', 'sangat_baik', 'tidak_dapat_dinilai'] as const;
export type Rating = (typeof RATINGS)[number];

/** Group size the module books advise; above the maximum is a warning, not a refusal. */
export const GROUP_SIZE = { min: 10, max: 30 } as const;

/** Days of the week a group usually meets (the printed plan and the group card name them). */
export const MEETING_DAYS = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'] as const;
export type MeetingDay = (typeof MEETING_DAYS)[number];

/** At most three speakers and three photos per meeting; photos are shrunk to this size before they are kept. */
export const MEETING_LIMITS = { speakers: 3, photos: 3, photoBytes: 300 * 1024 } as const;

/** The SIKS-NG form's limits for a meeting's activity name and its description. */
export const SIKS_NG_LIMITS = { activityName: 100, description: 1000 } as const;
