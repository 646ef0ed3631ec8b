import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupItem } from '../../../main/api/backup.contract';
import { formatNumber, formatWaktu } from '../../../main/domain/format';
import { officeText } from '../../../main/domain/office-origin';
import { ConfirmModal } from '../shared/ConfirmModal';
import { countsText, formatBytes, MATCH_LABEL } from './backup-text';

interface Props {
  backups: BackupItem[];
  /** Restores the chosen backup; the table asks for confirmation first, with its date and counts. */
  onRestore?: (backup: BackupItem) => Promise<void>;
  restoring?: boolean;
}

/**
 * The backups, newest first, with their office and what each holds; "Pulihkan" asks before it replaces the
 * database, and is offered only for this database's copies (another office's is refused by the server too).
 */
export function BackupTable({ backups, onRestore, restoring }: Props) {
  const [chosen, setChosen] = useState<BackupItem | null>(null);
  if (backups.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Belum ada cadangan di folder ini.
      </Text>
    );
  }
  return (
    <>
      <Table striped withTableBorder aria-label="Daftar cadangan">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Waktu</Table.Th>
            <Table.Th>Kantor</Table.Th>
            <Table.Th>Alasan</Table.Th>
            <Table.Th>Ukuran</Table.Th>
            <Table.Th>Keluarga</Table.Th>
            <Table.Th>Keputusan</Table.Th>
            <Table.Th>Bantuan</Table.Th>
            {onRestore && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b) => (
            <Table.Tr key={b.name}>
              <Table.Td>{formatWaktu(b.at)}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm">{officeText(b.office)}</Text>
                  {b.match !== 'sama' && (
                    <Badge color={b.match === 'kantor_lain' ? 'red' : 'orange'} variant="light">
                      {MATCH_LABEL[b.match]}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{b.reasonLabel}</Table.Td>
              <Table.Td>{formatBytes(b.bytes)}</Table.Td>
              <Table.Td>{b.counts ? formatNumber(b.counts.families) : '-'}</Table.Td>
              <Table.Td>{b.counts ? formatNumber(b.counts.decisions) : '-'}</Table.Td>
              <Table.Td>{b.counts ? formatNumber(b.counts.awards) : '-'}</Table.Td>
              {onRestore && (
                <Table.Td>
                  {b.match === 'sama' ? (
                    <Button size="xs" variant="light" color="orange" onClick={() => setChosen(b)}>
                      Pulihkan
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Tidak dapat dipulihkan ke database ini
                    </Text>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmModal
        opened={chosen !== null}
        title="Pulihkan cadangan?"
        confirmLabel="Ya, pulihkan"
        color="orange"
        loading={restoring}
        onClose={() => setChosen(null)}
        onConfirm={() => {
          if (chosen && onRestore) void onRestore(chosen).finally(() => setChosen(null));
        }}
      >
        {chosen && (
          <>
            Database akan diganti dengan cadangan <b>{formatWaktu(chosen.at)}</b> ({chosen.reasonLabel}) milik{' '}
            <b>{officeText(chosen.office)}</b> berisi <b>{countsText(chosen.counts)}</b>. Database sekarang disimpan
            dulu sebagai cadangan, jadi pemulihan ini dapat dibatalkan. Setelah pemulihan semua pengguna masuk kembali.
          </>
        )}
      </ConfirmModal>
    </>
  );
}
