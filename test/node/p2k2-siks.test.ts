/**
 * SIKS-NG's texts drafted from a meeting: within SIKS_NG_LIMITS, never cut inside a word, the uraian's six parts
 * always present, the figures from the record; and the participants' file with NIK and No. KK as text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { MeetingRecordRow } from '../../db/queries/p2k2-reports';
import { SIKS_NG_LIMITS } from '../../main/domain/p2k2';
import { siksDraft, siksParticipantsXlsx } from '../../main/services/p2k2-reports/siks';
import { activityDescription, activityName, cutAtWord } from '../../main/services/p2k2-reports/siks-text';
import { addFamilies, addPendamping, villageOfFamily } from '../support/graduation';
import { addGroup, addMeeting, topicId } from '../support/p2k2-rows';
import { readWorkbook } from '../support/xlsx-read';
import { setUpOffice } from './helpers';

const PARTS = ['Proses:', 'Materi:', 'Partisipasi:', 'Hasil:', 'Kendala:', 'Tindak lanjut:'];
const LONG_NOTES = Array.from({ length: 300 }, (_, i) => `kendala${i} hujan`).join(' ');

let db: Db;
let meeting: number;
let families: number[];

/** Every word of `text` before an ellipsis is a whole word of `source`. */
function wholeWords(text: string, source: string) {
  const words = new Set(source.split(/\s+/));
  const cut = text.split(' ').filter((w) => w.endsWith('…'));
  for (const word of cut) {
    const bare = word.slice(0, -1);
    if (bare)
      expect(words.has(bare) || words.has(`${bare},`) || words.has(`${bare}.`), `"${bare}" is a whole word`).toBe(true);
  }
}

const record = (over: Partial<MeetingRecordRow>): MeetingRecordRow => ({
  id: 1,
  heldOn: '2026-03-10',
  startTime: '09:00',
  endTime: '10:30',
  place: 'Balai Desa Medono',
  notes: '',
  speakers: '[]',
  groupName: 'MAWAR',
  desa: 'Medono',
  kecamatan: 'Pekalongan Barat',
  moduleName: 'Pengelolaan Keuangan dan Perencanaan Usaha',
  topicName: 'Memulai Usaha',
  pendampingName: 'RINA SETIAWATI',
  members: 20,
  hadir: 15,
  izin: 2,
  sakit: 1,
  alfa: 2,
  behaviourGood: 12,
  behaviourRated: 15,
  potentialGood: 10,
  potentialRated: 15,
  ...over,
});

beforeAll(async () => {
  ({ db } = await setUpOffice());
  const rina = addPendamping(db, 'RINA SETIAWATI', ['337501']);
  families = addFamilies(db, { count: 4, pendampingId: rina, districtCode: '337501' });
  const village = villageOfFamily(db, families[0]);
  const group = addGroup(db, { name: 'MAWAR', villageCode: village, pendampingId: rina, kpmIds: families });
  meeting = addMeeting(
    db,
    { groupId: group, topicId: topicId(db, 'Memulai Usaha'), heldOn: '2026-03-10', notes: LONG_NOTES },
    [
      { kpmId: families[0], status: 'hadir', behaviour: 'baik', potential: 'sangat_baik' },
      { kpmId: families[1], status: 'hadir', behaviour: 'kurang', potential: 'tidak_dapat_dinilai' },
      { kpmId: families[2], status: 'izin' },
      { kpmId: families[3], status: 'alfa' },
    ],
  );
});

describe('cutAtWord', () => {
  it('keeps a short text, cuts a long one at a space with an ellipsis', () => {
    expect(cutAtWord('Memulai  Usaha ', 20)).toBe('Memulai Usaha');
    expect(cutAtWord('Cermat Meminjam dan Menabung', 20)).toBe('Cermat Meminjam dan…');
    expect(cutAtWord('Cermat Meminjam dan Menabung', 17)).toBe('Cermat Meminjam…');
    expect(cutAtWord('Pengelolaan', 5)).toBe('');
  });
});

describe('SIKS-NG texts', () => {
  it('names the activity within 100 characters, dropping detail before cutting a word', () => {
    expect(activityName(record({}))).toBe(
      'P2K2 Kelompok MAWAR Desa Medono: Pengelolaan Keuangan dan Perencanaan Usaha - Memulai Usaha',
    );
    const long = record({ groupName: 'KELOMPOK PEREMPUAN PENGGERAK EKONOMI KELUARGA SEJAHTERA DUSUN KRAJAN WETAN' });
    const name = activityName(long);
    expect(name.length).toBeLessThanOrEqual(SIKS_NG_LIMITS.activityName);
    expect(name).toContain('Memulai Usaha');
    const huge = record({ groupName: 'SANGATPANJANG '.repeat(10), topicName: 'Materi Tambahan Adaptif' });
    const cut = activityName(huge);
    expect(cut.length).toBeLessThanOrEqual(SIKS_NG_LIMITS.activityName);
    expect(cut).toMatch(/^P2K2 Materi Tambahan Adaptif: Kelompok SANGATPANJANG/);
    wholeWords(cut, huge.groupName);
  });

  it('writes all six parts with the figures, and shortens long notes at a word', () => {
    const text = activityDescription(record({ notes: LONG_NOTES }));
    expect(text.length).toBeLessThanOrEqual(SIKS_NG_LIMITS.description);
    expect(text.length).toBeGreaterThan(SIKS_NG_LIMITS.description - 30);
    for (const part of PARTS) expect(text).toContain(part);
    expect(text).toContain('15 dari 20 KPM hadir (75%), izin 2, sakit 1, alfa 2');
    expect(text).toContain('Selasa 10 Maret 2026 pukul 09:00-10:30');
    expect(text).toMatch(/Kendala: kendala0 hujan .*…/);
    wholeWords(text, LONG_NOTES);
  });

  it('keeps every part even when the names are very long', () => {
    const word = 'Panjangsekali ';
    const text = activityDescription(
      record({
        place: word.repeat(60),
        groupName: word.repeat(30),
        notes: LONG_NOTES,
        speakers: JSON.stringify([{ name: word.repeat(20), institution: 'Puskesmas' }]),
      }),
    );
    expect(text.length).toBeLessThanOrEqual(SIKS_NG_LIMITS.description);
    for (const part of PARTS) expect(text).toContain(part);
    wholeWords(text, `${word.repeat(60)} ${LONG_NOTES}`);
  });

  it('drafts from the stored meeting and writes its participants with NIK and No. KK as text', async () => {
    const draft = siksDraft(db, meeting);
    expect(draft.activityName).toContain('Kelompok MAWAR');
    expect(draft.description).toContain('2 dari 4 KPM hadir (50%), izin 1, sakit 0, alfa 1');
    expect(draft.description).toContain('baik atau sangat baik pada 1 dari 2 KPM yang dinilai');
    expect(draft.description).toContain('pada 1 dari 1 KPM');
    const file = await siksParticipantsXlsx(db, meeting, true);
    expect(file.rows).toBe(4);
    const sheet = (await readWorkbook(Buffer.from(file.base64, 'base64'))).getWorksheet('Peserta');
    const nik = db.$client.prepare('SELECT nik FROM kpm WHERE id = ?').pluck().get(families[3]) as string;
    const cells = Array.from({ length: 4 }, (_, i) => sheet?.getRow(i + 2).getCell(2).text);
    expect(cells).toContain(nik);
    expect(sheet?.getRow(1).getCell(3).text).toBe('NO KK');
  });
});
