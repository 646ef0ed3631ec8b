import { Button, Group, NativeSelect, Radio, Table, Text, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, useRef } from 'react';
import { ATTENDANCE, type Attendance, RATINGS, type Rating } from '../../../main/domain/p2k2';
import { ATTENDANCE_LABEL, ATTENDANCE_LETTER, RATING_LABEL, RATING_NAMES } from '../../../main/domain/p2k2-labels';

export interface AttendanceEntry {
  kpmId: number;
  nama: string;
  nik: string;
  status: Attendance | null;
  behaviourRating: Rating | null;
  potentialRating: Rating | null;
}

interface Props {
  rows: AttendanceEntry[];
  onChange: (rows: AttendanceEntry[]) => void;
  disabled: boolean;
}

const RATING_OPTIONS = [{ value: '', label: '—' }, ...RATINGS.map((r) => ({ value: r, label: RATING_LABEL[r] }))];
const KEY_STATUS: Record<string, Attendance> = { h: 'hadir', i: 'izin', s: 'sakit', a: 'alfa' };

/**
 * Attendance per family, blank until marked. In the Kehadiran column the keyboard moves down the list: Enter or the
 * down arrow go to the next family, the up arrow back; H, I, S or A mark the family and move on.
 */
export function AttendanceTable({ rows, onChange, disabled }: Props) {
  const table = useRef<HTMLTableElement>(null);
  const set = (kpmId: number, patch: Partial<AttendanceEntry>) =>
    onChange(rows.map((r) => (r.kpmId === kpmId ? { ...r, ...patch } : r)));
  const focusRow = (index: number) => {
    const cell = table.current?.querySelector(`[data-status-row="${index}"]`);
    const radio =
      cell?.querySelector<HTMLInputElement>('input:checked') ?? cell?.querySelector<HTMLInputElement>('input');
    radio?.focus();
  };
  const keyDown = (event: KeyboardEvent, index: number, kpmId: number) => {
    const key = event.key.toLowerCase();
    if (key === 'enter' || key === 'arrowdown') {
      event.preventDefault();
      focusRow(index + 1);
    } else if (key === 'arrowup') {
      event.preventDefault();
      focusRow(index - 1);
    } else if (KEY_STATUS[key]) {
      event.preventDefault();
      set(kpmId, { status: KEY_STATUS[key] });
      focusRow(index + 1);
    }
  };
  const present = rows.filter((r) => r.status === 'hadir').length;

  return (
    <>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {present} dari {rows.length} KPM hadir; {rows.filter((r) => r.status === null).length} belum diisi.
        </Text>
        {!disabled && (
          <Button variant="light" onClick={() => onChange(rows.map((r) => ({ ...r, status: 'hadir' })))}>
            Semua hadir
          </Button>
        )}
      </Group>
      <Table ref={table} striped aria-label="Kehadiran KPM">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>No</Table.Th>
            <Table.Th>Nama pengurus</Table.Th>
            <Table.Th>Kehadiran (H/I/S/A)</Table.Th>
            <Table.Th>{RATING_NAMES.behaviourRating}</Table.Th>
            <Table.Th>{RATING_NAMES.potentialRating}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, index) => (
            <Table.Tr key={r.kpmId}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>
                {r.nama}
                <Text size="xs" c="dimmed">
                  {r.nik}
                </Text>
              </Table.Td>
              <Table.Td data-status-row={index} onKeyDown={(e) => keyDown(e, index, r.kpmId)}>
                <Radio.Group
                  value={r.status ?? ''}
                  onChange={(v) => set(r.kpmId, { status: v as Attendance })}
                  label={<VisuallyHidden>Kehadiran {r.nama}</VisuallyHidden>}
                >
                  <Group gap="md" wrap="nowrap">
                    {ATTENDANCE.map((a) => (
                      <Radio
                        key={a}
                        value={a}
                        label={ATTENDANCE_LETTER[a]}
                        aria-label={ATTENDANCE_LABEL[a]}
                        disabled={disabled}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              </Table.Td>
              {(['behaviourRating', 'potentialRating'] as const).map((key) => (
                <Table.Td key={key}>
                  <NativeSelect
                    aria-label={`${RATING_NAMES[key]} ${r.nama}`}
                    data={RATING_OPTIONS}
                    value={r[key] ?? ''}
                    onChange={(e) => set(r.kpmId, { [key]: (e.currentTarget.value || null) as Rating | null })}
                    disabled={disabled}
                    size="xs"
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
