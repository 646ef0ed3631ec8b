/** A meeting's record: fields, speakers, photos, attendance and ratings saved at once; corrections audited. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/domain/errors';
import { groupCreateSchema, meetingListSchema, meetingSaveSchema } from '../../main/domain/p2k2-forms';
import { type Actor, SYSTEM_ACTOR } from '../../main/services/actor';
import { historyOf } from '../../main/services/audit';
import { listCurriculum, setCurriculumActive } from '../../main/services/p2k2/curriculum';
import { moveMember } from '../../main/services/p2k2/group-members';
import { createGroup } from '../../main/services/p2k2/groups';
import { saveMeeting } from '../../main/services/p2k2/meeting-save';
import { getMeeting, listMeetings } from '../../main/services/p2k2/meetings';
import { addFamilies, addPendamping, villageOfFamily } from '../support/graduation';
import { setUpOffice } from './helpers';

const OPERATOR: Actor = { id: null, username: 'operator', role: 'operator' };
const VERIFIKATOR: Actor = { id: null, username: 'verif', role: 'verifikator' };
const PIMPINAN: Actor = { id: null, username: 'pimpinan', role: 'pimpinan' };
/** A tiny real JPEG header: the service checks the signature and the size, not the picture. */
const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4)]);

async function office() {
  const { db, admin } = await setUpOffice();
  const rina = addPendamping(db, 'RINA');
  const families = addFamilies(db, { count: 12, pendampingId: rina, districtCode: '337501' });
  const village = villageOfFamily(db, families[0]);
  const group = createGroup(
    db,
    OPERATOR,
    groupCreateSchema.parse({ name: 'Mawar', villageCode: village, kpmIds: families.slice(0, 10) }),
    '2026-01-05',
  );
  const other = createGroup(
    db,
    OPERATOR,
    groupCreateSchema.parse({ name: 'Melati', villageCode: village, kpmIds: families.slice(10) }),
    '2026-01-05',
  );
  const topics = listCurriculum(db).flatMap((m) => m.topics);
  return { db, admin, rina, families, groupId: group.id, otherId: other.id, topics };
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

const meeting = (groupId: number, topicId: number, extra: Record<string, unknown> = {}) =>
  meetingSaveSchema.parse({
    groupId,
    topicId,
    heldOn: '2026-02-10',
    startTime: '09:00',
    endTime: '10:30',
    place: 'Balai desa',
    speakers: [{ name: 'Bidan Sari', institution: 'Puskesmas Medono' }],
    notes: 'Peserta aktif bertanya.',
    ...extra,
  });

describe('recording a meeting', () => {
  it('keeps every family of the group, blank until marked, with their two ratings, and audits the record', async () => {
    const { db, rina, families, groupId, topics } = await office();
    const attendance = [
      { kpmId: families[0], status: 'hadir', behaviourRating: 'baik', potentialRating: 'sangat_baik' },
      { kpmId: families[1], status: 'sakit' },
    ];
    const saved = saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id, { pendampingId: rina, attendance }));
    expect(saved.changes).toEqual([]);
    const detail = getMeeting(db, OPERATOR, saved.id);
    expect(detail.attendance).toHaveLength(10);
    const byId = new Map(detail.attendance.map((a) => [a.kpmId, a]));
    expect(byId.get(families[0])).toMatchObject({
      status: 'hadir',
      behaviourRating: 'baik',
      potentialRating: 'sangat_baik',
    });
    expect(byId.get(families[1])).toMatchObject({ status: 'sakit', behaviourRating: null });
    expect(byId.get(families[2])?.status).toBeNull();
    expect([detail.pendampingName, detail.speakers, detail.present, detail.families]).toEqual([
      'RINA',
      [{ name: 'Bidan Sari', institution: 'Puskesmas Medono' }],
      1,
      10,
    ]);
    expect(historyOf(db, 'p2k2_meeting', saved.id)[0].summary).toBe(
      `Pertemuan P2K2 Mawar 10 Februari 2026 dicatat: ${topics[0].name}, 1 dari 10 KPM hadir`,
    );
    const list = listMeetings(db, SYSTEM_ACTOR, meetingListSchema.parse({ groupId, year: 2026 }));
    expect(list.items.map((m) => [m.id, m.topicName, m.present])).toEqual([[saved.id, topics[0].name, 1]]);
  });

  it('refuses a family outside the group, a second record of the same session, a future date and a bad time', async () => {
    const { db, families, groupId, topics } = await office();
    const stranger = refusal(() =>
      saveMeeting(
        db,
        OPERATOR,
        meeting(groupId, topics[0].id, { attendance: [{ kpmId: families[11], status: 'hadir' }] }),
      ),
    );
    expect(stranger.message).toMatch(/^Bukan anggota kelompok pada tanggal pertemuan: IBU UJI \d+\.$/);
    saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id));
    expect(refusal(() => saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id))).code).toBe('CONFLICT');
    expect(
      refusal(() => saveMeeting(db, OPERATOR, meeting(groupId, topics[1].id, { heldOn: '2999-01-01' }))).fields,
    ).toHaveProperty('heldOn');
    expect(
      refusal(() => saveMeeting(db, OPERATOR, meeting(groupId, topics[1].id, { startTime: '10:00', endTime: '09:00' })))
        .message,
    ).toBe('Jam selesai harus setelah jam mulai.');
    expect(listMeetings(db, SYSTEM_ACTOR, meetingListSchema.parse({ groupId })).total).toBe(1);
  });

  it('counts the families who were in the group that day: one who moved away later still has its row', async () => {
    const { db, families, groupId, otherId, topics } = await office();
    moveMember(db, OPERATOR, { kpmId: families[0], toGroupId: otherId }, '2026-03-01');
    const before = saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id, { heldOn: '2026-02-10' }));
    const after = saveMeeting(db, OPERATOR, meeting(groupId, topics[1].id, { heldOn: '2026-03-10' }));
    expect(getMeeting(db, OPERATOR, before.id).attendance.map((a) => a.kpmId)).toContain(families[0]);
    expect(getMeeting(db, OPERATOR, after.id).attendance.map((a) => a.kpmId)).not.toContain(families[0]);
  });

  it('keeps up to three photos of at most 300 KB each, and refuses a bigger one', async () => {
    const { db, groupId, topics } = await office();
    const photo = { mime: 'image/jpeg', base64: jpeg(300 * 1024).toString('base64') };
    const saved = saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id, { photos: [photo, photo] }));
    const photos = getMeeting(db, OPERATOR, saved.id).photos;
    expect(photos.map((p) => Buffer.from(p.base64, 'base64').length)).toEqual([300 * 1024, 300 * 1024]);
    const big = { mime: 'image/jpeg', base64: jpeg(300 * 1024 + 1).toString('base64') };
    const tooBig = refusal(() => saveMeeting(db, OPERATOR, meeting(groupId, topics[1].id, { photos: [big] })));
    expect([tooBig.code, tooBig.message]).toEqual(['TOO_LARGE', 'Foto 1 berukuran 301 KB; paling besar 300 KB.']);
    const fake = { mime: 'image/jpeg', base64: Buffer.from('bukan gambar').toString('base64') };
    expect(refusal(() => saveMeeting(db, OPERATOR, meeting(groupId, topics[1].id, { photos: [fake] }))).message).toBe(
      'Foto 1 bukan gambar JPEG atau PNG yang utuh.',
    );
    // A correction keeps one photo by its id and drops the other.
    const kept = saveMeeting(
      db,
      OPERATOR,
      meeting(groupId, topics[0].id, { id: saved.id, photos: [{ id: photos[1].id }] }),
    );
    expect(kept.changes).toEqual(['foto: 1 dihapus']);
    expect(getMeeting(db, OPERATOR, saved.id).photos.map((p) => p.id)).toEqual([photos[1].id]);
  });
});

describe('correcting a meeting', () => {
  it('changes fields and attendance in one save, and its audit line says what changed', async () => {
    const { db, families, groupId, topics } = await office();
    const all = families.slice(0, 10).map((kpmId) => ({ kpmId, status: 'hadir', behaviourRating: 'baik' }));
    const saved = saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id, { attendance: all }));
    const name = (id: number) => getMeeting(db, OPERATOR, saved.id).attendance.find((a) => a.kpmId === id)?.nama;
    const corrected = all.map((a, i) =>
      i === 2 ? { ...a, status: 'alfa', behaviourRating: 'tidak_dapat_dinilai' } : a,
    );
    const result = saveMeeting(
      db,
      OPERATOR,
      meeting(groupId, topics[0].id, { id: saved.id, place: 'Rumah ketua', attendance: corrected }),
    );
    expect(result.changes).toEqual([
      'tempat Balai desa → Rumah ketua',
      `${name(families[2])}: kehadiran Hadir → Alfa, perubahan perilaku Baik → Tidak dapat dinilai`,
    ]);
    const history = historyOf(db, 'p2k2_meeting', saved.id);
    expect(history[0].summary).toBe(`Pertemuan P2K2 Mawar 10 Februari 2026 dikoreksi: ${result.changes.join('; ')}`);
    expect(getMeeting(db, OPERATOR, saved.id).present).toBe(9);
    // Saving the same record again changes nothing and writes no audit line.
    const same = saveMeeting(
      db,
      OPERATOR,
      meeting(groupId, topics[0].id, { id: saved.id, place: 'Rumah ketua', attendance: corrected }),
    );
    expect(same.changes).toEqual([]);
    expect(historyOf(db, 'p2k2_meeting', saved.id)).toHaveLength(history.length);
  });

  it('keeps the topic a meeting taught after it is switched off, but a new meeting cannot choose it', async () => {
    const { db, admin, groupId, topics } = await office();
    const saved = saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id));
    setCurriculumActive(db, admin, { kind: 'topic', id: topics[0].id, active: false });
    expect(getMeeting(db, OPERATOR, saved.id).topicName).toBe(topics[0].name);
    const again = saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id, { id: saved.id, notes: 'Dikoreksi.' }));
    expect(again.changes).toEqual(['catatan Peserta aktif bertanya. → Dikoreksi.']);
    expect(
      refusal(() => saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id, { heldOn: '2026-02-17' }))).fields,
    ).toEqual({
      topicId: 'Pilih sesi.',
    });
  });

  it('refuses a correction made from an older copy of the record, naming who changed it', async () => {
    const { db, admin, groupId, topics } = await office();
    const saved = saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id));
    const opened = getMeeting(db, OPERATOR, saved.id).updatedAt;
    // Another PC corrects it first; the clock moves on between the two saves.
    await new Promise((resolve) => setTimeout(resolve, 5));
    saveMeeting(db, admin, meeting(groupId, topics[0].id, { id: saved.id, version: opened, place: 'Rumah ketua' }));
    const stale = refusal(() =>
      saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id, { id: saved.id, version: opened, place: 'Masjid' })),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/^Pertemuan ini sudah diubah oleh admin pada /);
    expect(getMeeting(db, OPERATOR, saved.id).place).toBe('Rumah ketua');
  });

  it('is refused to the verifikator and pimpinan, who may read the record', async () => {
    const { db, groupId, topics } = await office();
    const saved = saveMeeting(db, OPERATOR, meeting(groupId, topics[0].id));
    for (const reader of [VERIFIKATOR, PIMPINAN]) {
      const error = refusal(() =>
        saveMeeting(db, reader, meeting(groupId, topics[0].id, { id: saved.id, place: 'X' })),
      );
      expect(error.message).toMatch(
        /^Hanya administrator, operator atau pendamping yang dapat mengoreksi pertemuan P2K2/,
      );
      expect(getMeeting(db, reader, saved.id).place).toBe('Balai desa');
    }
  });
});
