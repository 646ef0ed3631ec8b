import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { OutputOf } from '../../../main/api/contract';
import { MEETING_LIMITS } from '../../../main/domain/p2k2';
import { usePendampingOptions } from '../pendamping/use-pendamping';
import { useApi } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';

type GroupDetail = OutputOf<'p2k2.groups.get'>;
type Meeting = OutputOf<'p2k2.meetings.get'>;

export interface MeetingValues {
  topicId: string | null;
  heldOn: string;
  startTime: string;
  endTime: string;
  place: string;
  pendampingId: string | null;
  speakers: { name: string; institution: string }[];
  notes: string;
}

export function initialValues(group: GroupDetail, meeting: Meeting | null): MeetingValues {
  if (meeting) {
    return {
      topicId: String(meeting.topicId),
      heldOn: meeting.heldOn,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      place: meeting.place,
      pendampingId: meeting.pendampingId ? String(meeting.pendampingId) : null,
      speakers: meeting.speakers,
      notes: meeting.notes,
    };
  }
  return {
    topicId: null,
    heldOn: '',
    startTime: '',
    endTime: '',
    place: group.meetingPlace,
    pendampingId: group.pendampingId ? String(group.pendampingId) : null,
    speakers: [],
    notes: '',
  };
}

interface Props {
  values: MeetingValues;
  onChange: (patch: Partial<MeetingValues>) => void;
  editable: boolean;
}

/** The session's facts: topic (active ones, or the one it taught), date, times, place, pendamping, speakers, notes. */
export function MeetingFacts({ values, onChange, editable }: Props) {
  const set = onChange;
  const curriculum = useApi('p2k2.curriculum.list', {});
  const pendamping = usePendampingOptions({ activeOnly: false });
  const topics = (curriculum.data ?? []).map((m) => ({
    group: m.name,
    items: m.topics
      .filter((t) => (t.active && m.active) || String(t.id) === values.topicId)
      .map((t) => ({ value: String(t.id), label: t.name })),
  }));
  const speaker = (i: number, patch: Partial<MeetingValues['speakers'][number]>) =>
    set({ speakers: values.speakers.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  return (
    <Fieldset legend="Pertemuan" disabled={!editable}>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Select
          label="Modul / sesi"
          data={topics}
          value={values.topicId}
          onChange={(v) => set({ topicId: v })}
          searchable
          required
        />
        <DateField label="Tanggal" value={values.heldOn} onChange={(v) => set({ heldOn: v })} required />
        <Select
          label="Pendamping"
          data={pendamping}
          value={values.pendampingId}
          onChange={(v) => set({ pendampingId: v })}
          searchable
          clearable
        />
        <TextInput
          label="Jam mulai"
          placeholder="09:00"
          value={values.startTime}
          onChange={(e) => set({ startTime: e.currentTarget.value })}
        />
        <TextInput
          label="Jam selesai"
          placeholder="10:30"
          value={values.endTime}
          onChange={(e) => set({ endTime: e.currentTarget.value })}
        />
        <TextInput label="Tempat" value={values.place} onChange={(e) => set({ place: e.currentTarget.value })} />
      </SimpleGrid>
      <Title order={2} size="h6" mt="md" mb="xs">
        Narasumber
      </Title>
      <Stack gap="xs">
        {values.speakers.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: speakers have no id; their place in the list is theirs
          <Group key={i} grow>
            <TextInput
              aria-label={`Nama narasumber ${i + 1}`}
              placeholder="Nama"
              value={s.name}
              onChange={(e) => speaker(i, { name: e.currentTarget.value })}
            />
            <TextInput
              aria-label={`Instansi narasumber ${i + 1}`}
              placeholder="Instansi"
              value={s.institution}
              onChange={(e) => speaker(i, { institution: e.currentTarget.value })}
            />
          </Group>
        ))}
        {editable && values.speakers.length < MEETING_LIMITS.speakers && (
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() => set({ speakers: [...values.speakers, { name: '', institution: '' }] })}
          >
            Tambah narasumber
          </Button>
        )}
      </Stack>
      <Textarea
        label="Catatan"
        mt="md"
        autosize
        minRows={2}
        value={values.notes}
        onChange={(e) => set({ notes: e.currentTarget.value })}
      />
    </Fieldset>
  );
}
