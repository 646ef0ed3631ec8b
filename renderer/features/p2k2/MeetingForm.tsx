import { Button, Fieldset, Group, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';
import { type AttendanceEntry, AttendanceTable } from './AttendanceTable';
import { initialValues, MeetingFacts, type MeetingValues } from './MeetingFacts';
import { type FormPhoto, PhotoPicker } from './PhotoPicker';
import { useP2k2Refresh } from './use-p2k2-refresh';

type GroupDetail = OutputOf<'p2k2.groups.get'>;
type Meeting = OutputOf<'p2k2.meetings.get'>;

const blankRow = (m: GroupDetail['members'][number]): AttendanceEntry => ({
  kpmId: m.kpmId,
  nama: m.nama,
  nik: m.nik,
  status: null,
  behaviourRating: null,
  potentialRating: null,
});

/** A meeting's record, new or corrected: the session's facts, speakers, photos and every family's attendance. */
export function MeetingForm({
  group,
  meeting,
  editable,
}: {
  group: GroupDetail;
  meeting: Meeting | null;
  editable: boolean;
}) {
  const [values, setValues] = useState(() => initialValues(group, meeting));
  const [rows, setRows] = useState<AttendanceEntry[]>(() => meeting?.attendance ?? group.members.map(blankRow));
  const [photos, setPhotos] = useState<FormPhoto[]>(() => meeting?.photos ?? []);
  const save = useApiMutation('p2k2.meetings.save');
  const refresh = useP2k2Refresh();
  const navigate = useNavigate();
  const set = (patch: Partial<MeetingValues>) => setValues((v) => ({ ...v, ...patch }));
  const submit = () =>
    save.mutate(
      {
        ...(meeting ? { id: meeting.id, version: meeting.updatedAt } : {}),
        groupId: group.id,
        topicId: Number(values.topicId),
        heldOn: values.heldOn,
        startTime: values.startTime,
        endTime: values.endTime,
        place: values.place,
        pendampingId: values.pendampingId ? Number(values.pendampingId) : null,
        speakers: values.speakers.filter((s) => s.name.trim()),
        notes: values.notes,
        photos: photos.map((p) => (p.id ? { id: p.id } : { mime: p.mime as 'image/jpeg', base64: p.base64 })),
        attendance: rows.map(({ kpmId, status, behaviourRating, potentialRating }) => ({
          kpmId,
          status,
          behaviourRating,
          potentialRating,
        })),
      },
      {
        onSuccess: async (saved) => {
          await refresh();
          notifications.show({
            color: 'teal',
            title: meeting ? 'Koreksi disimpan' : 'Pertemuan dicatat',
            message: meeting ? saved.changes.join('; ') || 'Tidak ada yang berubah.' : `Kelompok ${group.name}.`,
          });
          if (!meeting) navigate(`/p2k2/pertemuan/${saved.id}`, { replace: true });
        },
        onError: (error) => notifyError(error, 'Pertemuan tidak disimpan'),
      },
    );

  return (
    <Stack gap="md">
      <MeetingFacts values={values} onChange={set} editable={editable} />
      <Fieldset legend="Foto kegiatan" disabled={!editable}>
        <PhotoPicker photos={photos} onChange={setPhotos} disabled={!editable} />
      </Fieldset>
      <Paper withBorder p="sm" radius="sm">
        <Stack gap="xs">
          <AttendanceTable rows={rows} onChange={setRows} disabled={!editable} />
        </Stack>
      </Paper>
      {editable && (
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending} disabled={!values.topicId || !values.heldOn}>
            {meeting ? 'Simpan koreksi' : 'Simpan pertemuan'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
