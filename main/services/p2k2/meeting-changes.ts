/** What a meeting's correction changed, in words for its audit line ("tempat Balai → Rumah ketua; Siti: Hadir → Alfa"). */
import { formatTanggal } from '../../domain/format';
import type { Attendance, Rating } from '../../domain/p2k2';
import { ATTENDANCE_LABEL, RATING_LABEL, RATING_NAMES } from '../../domain/p2k2-labels';

export interface MeetingFacts {
  topicName: string;
  heldOn: string;
  startTime: string;
  endTime: string;
  place: string;
  pendampingName: string | null;
  speakers: { name: string; institution: string }[];
  notes: string;
}

export interface AttendanceFacts {
  kpmId: number;
  nama: string;
  status: Attendance | null;
  behaviourRating: Rating | null;
  potentialRating: Rating | null;
}

const speakerText = (s: MeetingFacts['speakers']) =>
  s.length ? s.map((x) => (x.institution ? `${x.name} (${x.institution})` : x.name)).join(', ') : '-';

const FIELDS: [string, (m: MeetingFacts) => string][] = [
  ['sesi', (m) => m.topicName],
  ['tanggal', (m) => formatTanggal(m.heldOn)],
  ['jam', (m) => `${m.startTime || '?'}-${m.endTime || '?'}`],
  ['tempat', (m) => m.place || '-'],
  ['pendamping', (m) => m.pendampingName ?? '-'],
  ['narasumber', (m) => speakerText(m.speakers)],
  ['catatan', (m) => m.notes || '-'],
];

export function fieldChanges(before: MeetingFacts, after: MeetingFacts): string[] {
  return FIELDS.flatMap(([label, read]) => {
    const [was, now] = [read(before), read(after)];
    return was === now ? [] : [`${label} ${was} → ${now}`];
  });
}

const statusText = (s: Attendance | null) => (s ? ATTENDANCE_LABEL[s] : 'kosong');
const ratingText = (r: Rating | null) => (r ? RATING_LABEL[r] : 'kosong');

/** Per family whose row changed: "Siti Wulandari: kehadiran Hadir → Alfa, perubahan perilaku Baik → Kurang". */
export function attendanceChanges(before: AttendanceFacts[], after: AttendanceFacts[]): string[] {
  const old = new Map(before.map((a) => [a.kpmId, a]));
  return after.flatMap((a) => {
    const was = old.get(a.kpmId);
    const parts: string[] = [];
    if ((was?.status ?? null) !== a.status)
      parts.push(`kehadiran ${statusText(was?.status ?? null)} → ${statusText(a.status)}`);
    for (const key of ['behaviourRating', 'potentialRating'] as const) {
      const from = was?.[key] ?? null;
      if (from !== a[key]) parts.push(`${RATING_NAMES[key].toLowerCase()} ${ratingText(from)} → ${ratingText(a[key])}`);
    }
    return parts.length ? [`${a.nama}: ${parts.join(', ')}`] : [];
  });
}
