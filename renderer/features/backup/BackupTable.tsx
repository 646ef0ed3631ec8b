import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupItem } from '../../../main/api/backup.contract';
import { formatNumber, formatWaktu } from '../../../main/domain/format';
import { ConfirmModal } from '../shared/ConfirmModal';
import { countsText, formatBytes } from './backup-text';

interface Props {
  backups: BackupItem[];
  /** Restores the chosen backup; the table asks for confirmation first, with its date and counts. */
  onRestore?: (backup: BackupItem) => Promise<void>;
  restoring?: boolean;
}

/** The backups, newest first, with what each holds; "Pulihkan" asks before it replaces the database. */
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
              <Table.Td>{b.reasonLabel}</Table.Td>
              <Table.Td>{formatBytes(b.bytes)}</Table.Td>
              <Table.Td>{b.counts ? formatNumber(b.counts.families) : '-'}</Table.Td>
              <Table.Td>{b.counts ? formatNumber(b.counts.decisions) : '-'}</Table.Td>
              <Table.Td>{b.counts ? formatNumber(b.counts.awards) : '-'}</Table.Td>
              {onRestore && (
                <Table.Td>
                  <Button size="xs" variant="light" color="orange" onClick={() => setChosen(b)}>
                    Pulihkan
                  </Button>
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
            Database akan diganti dengan cadangan <b>{formatWaktu(chosen.at)}</b> ({chosen.reasonLabel}) berisi{' '}
            <b>{countsText(chosen.counts)}</b>. Database sekarang disimpan dulu sebagai cadangan, jadi pemulihan ini
            dapat dibatalkan. Setelah pemulihan semua pengguna masuk kembali.
          </>
        )}
      </ConfirmModal>
    </>
  );
}
