import { Group, Select, TextInput } from '@mantine/core';
import { MEETING_DAYS } from '../../../main/domain/p2k2';
import { MEETING_DAY_LABEL } from '../../../main/domain/p2k2-labels';
import { usePendampingOptions } from '../pendamping/use-pendamping';

export const DAY_OPTIONS = MEETING_DAYS.map((d) => ({ value: d, label: MEETING_DAY_LABEL[d] }));

export interface GroupFieldValues {
  name: string;
  pendampingId: string | null;
  meetingDay: string | null;
  meetingPlace: string;
}

export const EMPTY_GROUP_FIELDS: GroupFieldValues = {
  name: '',
  pendampingId: null,
  meetingDay: null,
  meetingPlace: '',
};

/** A group's name, pendamping, usual day and place, as the create and edit dialogs ask them. */
export function GroupFieldInputs({
  values,
  onChange,
}: {
  values: GroupFieldValues;
  onChange: (patch: Partial<GroupFieldValues>) => void;
}) {
  const pendamping = usePendampingOptions({ activeOnly: false });
  return (
    <>
      <Group grow>
        <TextInput
          label="Nama kelompok"
          value={values.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
          required
        />
        <Select
          label="Pendamping"
          data={pendamping}
          value={values.pendampingId}
          onChange={(v) => onChange({ pendampingId: v })}
          searchable
          clearable
        />
      </Group>
      <Group grow>
        <Select
          label="Hari pertemuan"
          data={DAY_OPTIONS}
          value={values.meetingDay}
          onChange={(v) => onChange({ meetingDay: v })}
          clearable
        />
        <TextInput
          label="Tempat pertemuan"
          value={values.meetingPlace}
          onChange={(e) => onChange({ meetingPlace: e.currentTarget.value })}
        />
      </Group>
    </>
  );
}
