/** How P2K2's words show in the app and on paper (Bahasa Indonesia). */
import type { Attendance, MeetingDay, Rating } from './p2k2';

export const ATTENDANCE_LABEL: Record<Attendance, string> = {
  hadir: 'Hadir',
  izin: 'Izin',
  sakit: 'Sakit',
  alfa: 'Alfa',
};
/** The one-letter boxes of the printed sheet and the attendance table. */
export const ATTENDANCE_LETTER: Record<Attendance, string> = { hadir: 'H', izin: 'I', sakit: 'S', alfa: 'A' };

export const RATING_LABEL: Record<Rating, string> = {
  kurang: 'Kurang',
  baik: 'Baik',
  sangat_baik: 'Sangat baik',
  tidak_dapat_dinilai: 'Tidak dapat dinilai',
};

export const MEETING_DAY_LABEL: Record<MeetingDay, string> = {
  senin: 'Senin',
  selasa: 'Selasa',
  rabu: 'Rabu',
  kamis: 'Kamis',
  jumat: 'Jumat',
  sabtu: 'Sabtu',
  minggu: 'Minggu',
};

/** The two ratings' names, as the module books and SIKS-NG write them. */
export const RATING_NAMES = {
  behaviourRating: 'Perubahan perilaku',
  potentialRating: 'Kemampuan mengenali potensi',
} as const;
