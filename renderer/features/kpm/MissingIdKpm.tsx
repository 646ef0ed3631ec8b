import { Text } from '@mantine/core';

/** ID KPM is optional (DTKS-based files carry none): a missing one is said, dimmed, never left blank. */
export function IdKpmText({ idKpm, size = 'sm' }: { idKpm: string | null; size?: 'xs' | 'sm' }) {
  if (idKpm) {
    return (
      <Text span size={size} ff="monospace">
        {idKpm}
      </Text>
    );
  }
  return (
    <Text span size={size} c="dimmed" fs="italic">
      Belum ada ID KPM
    </Text>
  );
}
