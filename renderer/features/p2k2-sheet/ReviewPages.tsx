import {
  Alert,
  Badge,
  Button,
  Group,
  Image,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReviewRow, SheetReview } from '../../../main/api/p2k2-sheet.contract';
import type { Attendance } from '../../../main/domain/p2k2';
import { ROW_FLAG_LABEL, SHEET_CHOICE_LETTER, SHEET_CHOICES } from '../../../main/domain/p2k2-sheet';
import { FailureAlert } from '../awards/FailureAlert';
import { useApiMutation } from '../shared/api-hooks';
import { notifySuccess } from '../shared/errors';

const CHOICE_LABEL: Record<Attendance, string> = { hadir: 'Hadir', izin: 'Izin', sakit: 'Sakit', alfa: 'Alfa' };

function RowLine({
  row,
  value,
  onChange,
}: {
  row: ReviewRow;
  value: Attendance | null;
  onChange: (a: Attendance) => void;
}) {
  const open = row.flag !== null && value === null;
  const corrected = value !== row.read;
  return (
    <Table.Tr bg={open ? 'red.0' : corrected ? 'yellow.0' : undefined} data-flag={row.flag ?? undefined}>
      <Table.Td>{row.no}</Table.Td>
      <Table.Td>{row.nama}</Table.Td>
      <Table.Td>
        {row.flag ? (
          <Badge color="red" variant="light">
            {ROW_FLAG_LABEL[row.flag]}
          </Badge>
        ) : (
          <Text size="sm">{row.read && CHOICE_LABEL[row.read]}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <SegmentedControl
          size="xs"
          aria-label={`Kehadiran ${row.nama}`}
          value={value ?? ''}
          onChange={(v) => onChange(v as Attendance)}
          data={SHEET_CHOICES.map((c) => ({ value: c, label: SHEET_CHOICE_LETTER[c] }))}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** Each scanned page beside the rows read from it; flagged rows stay red until the user chooses. */
export function ReviewPages({ review, onSaved }: { review: SheetReview; onSaved: () => void }) {
  const queryClient = useQueryClient();
  const accept = useApiMutation('p2k2.sheet.accept');
  const rows = review.pages.flatMap((p) => p.rows);
  const [chosen, setChosen] = useState<Map<number, Attendance | null>>(
    () => new Map(rows.map((r) => [r.kpmId, r.read])),
  );
  const [failure, setFailure] = useState<unknown>(null);
  const open = rows.filter((r) => !chosen.get(r.kpmId));
  const choose = (kpmId: number, status: Attendance) => setChosen(new Map(chosen).set(kpmId, status));
  const save = async () => {
    setFailure(null);
    try {
      const statuses = rows.map((r) => ({ kpmId: r.kpmId, status: chosen.get(r.kpmId) as Attendance }));
      await accept.mutateAsync({ meetingId: review.meetingId, version: review.version, rows: statuses });
      await queryClient.invalidateQueries({ queryKey: ['p2k2.meetings.get'] });
      await queryClient.invalidateQueries({ queryKey: ['p2k2.meetings.list'] });
      notifySuccess(`Kehadiran ${rows.length} keluarga dari pindaian disimpan.`);
      onSaved();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Stack>
      {review.missingPages.length > 0 && (
        <Alert color="yellow">
          Halaman {review.missingPages.join(', ')} tidak ada di pindaian: kehadiran keluarganya tidak berubah.
        </Alert>
      )}
      {review.pages.map((page) => (
        <Paper key={page.page} withBorder p="sm">
          <Title order={2} size="h5" mb="xs">
            Halaman {page.page} dari {page.pages} ({page.source})
          </Title>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Image src={`data:image/png;base64,${page.preview}`} alt={`Pindaian halaman ${page.page}`} fit="contain" />
            <Table aria-label={`Hasil baca halaman ${page.page}`} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>No</Table.Th>
                  <Table.Th>Pengurus</Table.Th>
                  <Table.Th>Terbaca</Table.Th>
                  <Table.Th>Kehadiran</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.rows.map((row) => (
                  <RowLine
                    key={row.kpmId}
                    row={row}
                    value={chosen.get(row.kpmId) ?? null}
                    onChange={(status) => choose(row.kpmId, status)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button onClick={save} disabled={open.length > 0} loading={accept.isPending}>
          Simpan kehadiran
        </Button>
        <Text size="sm" c={open.length > 0 ? 'red' : 'dimmed'}>
          {open.length > 0
            ? `${open.length} baris belum jelas: pilih H, I, S atau A sesuai lembar.`
            : 'Periksa setiap baris dengan gambar pindaian sebelum menyimpan.'}
        </Text>
      </Group>
      <FailureAlert error={failure} />
    </Stack>
  );
}
