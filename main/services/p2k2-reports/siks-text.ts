/**
 * The texts SIKS-NG's P2K2 activity form asks for, drafted from a meeting's record: a "nama kegiatan" of at most
 * 100 characters and an "uraian" of at most 1,000 covering the process, the material, participation, results,
 * obstacles and follow-up (SIKS_NG_LIMITS). A text too long is shortened at a word boundary with an ellipsis,
 * never cut inside a word; the uraian shortens its free text (the notes) first, so its six parts always stay.
 */
import type { MeetingRecordRow } from '../../../db/queries/p2k2-reports';
import { formatHari, formatTanggal } from '../../domain/format';
import { SIKS_NG_LIMITS } from '../../domain/p2k2';

const ELLIPSIS = '…';

/** The text cut to at most `max` characters at a word boundary, with an ellipsis when it was cut. */
export function cutAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  if (max <= ELLIPSIS.length) return '';
  const room = clean.slice(0, max - ELLIPSIS.length + 1);
  const space = room.lastIndexOf(' ');
  if (space <= 0) return '';
  return `${room.slice(0, space).replace(/[\s,.;:]+$/, '')}${ELLIPSIS}`;
}

/** 'P2K2 Kelompok MAWAR Desa Medono: Memulai Usaha', the first of shorter forms that fits. */
export function activityName(r: MeetingRecordRow): string {
  const max = SIKS_NG_LIMITS.activityName;
  const forms = [
    `P2K2 Kelompok ${r.groupName} Desa ${r.desa}: ${r.moduleName} - ${r.topicName}`,
    `P2K2 Kelompok ${r.groupName} Desa ${r.desa}: ${r.topicName}`,
    `P2K2 Kelompok ${r.groupName}: ${r.topicName}`,
  ];
  // the topic says what was done: a group name too long is what gets cut
  return forms.find((f) => f.length <= max) ?? cutAtWord(`P2K2 ${r.topicName}: Kelompok ${r.groupName}`, max);
}

const percent = (n: number, of: number) => (of === 0 ? '0' : String(Math.round((n / of) * 100)));

function speakersText(json: string): string {
  const speakers = JSON.parse(json) as { name: string; institution: string }[];
  if (speakers.length === 0) return '';
  return ` dengan narasumber ${speakers.map((s) => (s.institution ? `${s.name} (${s.institution})` : s.name)).join(', ')}`;
}

/** The six parts of the uraian, the notes (the only free text) apart. */
function parts(r: MeetingRecordRow): { label: string; text: string }[] {
  const time = r.startTime ? ` pukul ${r.startTime}${r.endTime ? `-${r.endTime}` : ''}` : '';
  const absent =
    r.alfa > 0 ? `${r.alfa} KPM tidak hadir tanpa keterangan akan dikunjungi pendamping` : 'kehadiran dipertahankan';
  return [
    {
      label: 'Proses',
      text: `Pertemuan kelompok ${r.groupName}, Desa ${r.desa}, Kecamatan ${r.kecamatan}, ${formatHari(r.heldOn)} ${formatTanggal(r.heldOn)}${time} di ${r.place || 'tempat pertemuan kelompok'}, dipandu ${r.pendampingName ?? 'pendamping PKH'}${speakersText(r.speakers)}.`,
    },
    { label: 'Materi', text: `Modul ${r.moduleName}, sesi ${r.topicName}.` },
    {
      label: 'Partisipasi',
      text: `${r.hadir} dari ${r.members} KPM hadir (${percent(r.hadir, r.members)}%), izin ${r.izin}, sakit ${r.sakit}, alfa ${r.alfa}.`,
    },
    {
      label: 'Hasil',
      text: `Perubahan perilaku baik atau sangat baik pada ${r.behaviourGood} dari ${r.behaviourRated} KPM yang dinilai; kemampuan mengenali potensi baik atau sangat baik pada ${r.potentialGood} dari ${r.potentialRated} KPM.`,
    },
    { label: 'Kendala', text: '' },
    { label: 'Tindak lanjut', text: `Sesi berikutnya sesuai rencana kelompok; ${absent}.` },
  ];
}

const joined = (list: { label: string; text: string }[]) => list.map((p) => `${p.label}: ${p.text}`).join(' ');

/** The uraian: the six parts in order; the notes become the obstacles, shortened first when the whole is too long. */
export function activityDescription(r: MeetingRecordRow): string {
  const max = SIKS_NG_LIMITS.description;
  const list = parts(r);
  const obstacles = list[4];
  const notes = r.notes.replace(/\s+/g, ' ').trim();
  obstacles.text = '';
  const room = max - joined(list).length;
  const fallback = 'Tidak ada kendala berarti.';
  obstacles.text = notes ? cutAtWord(notes, room) || fallback : fallback;
  if (joined(list).length <= max) return joined(list);
  // Very long names: every part gets an even share, each cut at a word.
  const share = Math.floor(max / list.length) - 16;
  return joined(list.map((p) => ({ label: p.label, text: cutAtWord(p.text, share) || ELLIPSIS })));
}
