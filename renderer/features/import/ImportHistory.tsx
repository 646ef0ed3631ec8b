import { Alert, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber, formatWaktu } from '../../../main/domain/format';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { PageFooter } from '../shared/PageFooter';

type BatchRow = OutputOf<'import.batches'>['items'][number];

const PAGE_SIZE = 50;

/** Past imports, newest first, each undoable while nothing later changed its families. */
export function ImportHistory() {
  const [page, setPage] = useState(1);
  const batches = useApi('import.batches', { page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const [undoing, setUndoing] = useState<BatchRow | null>(null);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Membatalkan impor menghapus keluarga yang ditambahkannya dan mengembalikan keluarga yang diperbaruinya seperti
        sebelum impor. Ini hanya bisa selama keluarga itu belum diubah lagi sesudah impor.
      </Text>
      <Paper withBorder radius="sm">
        {batches.error ? (
          <Alert color="red" m="md">
            {errorMessage(batches.error)}
          </Alert>
        ) : !batches.data ? (
          <Center p="xl">
            <Loader aria-label="Memuat riwayat impor" />
          </Center>
        ) : batches.data.total === 0 ? (
          <Stack align="center" p="xl" gap="xs">
            <Text fw={500}>Belum ada impor.</Text>
            <Text size="sm" c="dimmed">
              Impor yang disimpan ke database akan tercatat di sini.
            </Text>
          </Stack>
        ) : (
          <Table layout="fixed" striped aria-label="Riwayat impor">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>No.</Table.Th>
                <Table.Th w={150}>Tanggal</Table.Th>
                <Table.Th>Berkas</Table.Th>
                <Table.Th w={100}>Oleh</Table.Th>
                <Table.Th w={90} ta="right">
                  Ditambah
                </Table.Th>
                <Table.Th w={95} ta="right">
                  Diperbarui
                </Table.Th>
                <Table.Th w={160}>Status</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.data.items.map((b) => (
                <BatchLine key={b.id} batch={b} onUndo={() => setUndoing(b)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <PageFooter page={page} pageSize={PAGE_SIZE} total={batches.data?.total ?? 0} noun="impor" onChange={setPage} />
      <UndoModal batch={undoing} onClose={() => setUndoing(null)} />
    </Stack>
  );
}

function BatchLine({ batch: b, onUndo }: { batch: BatchRow; onUndo: () => void }) {
  const undone = b.status === 'undone';
  const blocked = !undone && b.undoBlockedReason !== null;
  return (
    <Table.Tr c={undone ? 'dimmed' : undefined}>
      <Table.Td>#{b.id}</Table.Td>
      <Table.Td fz="sm">{formatWaktu(b.createdAt)}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} lineClamp={2} title={b.fileName} style={{ overflowWrap: 'anywhere' }}>
          {b.fileName}
        </Text>
        <Text size="xs" c="dimmed">
          {b.sheet ? `lembar ${b.sheet} · ` : ''}
          {formatNumber(b.counts.rows)} baris
          {b.counts.errors > 0 && ` · ${formatNumber(b.counts.errors)} bermasalah`}
          {b.counts.pendampingCreated > 0 && ` · ${formatNumber(b.counts.pendampingCreated)} pendamping baru`}
        </Text>
        {blocked && (
          <Text size="xs" c="orange.9" mt={4}>
            Tidak dapat dibatalkan: {b.undoBlockedReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td fz="sm">{b.username}</Table.Td>
      <Table.Td ta="right">{formatNumber(b.counts.added)}</Table.Td>
      <Table.Td ta="right">{formatNumber(b.counts.updated)}</Table.Td>
      <Table.Td>
        {undone ? (
          <>
            <Badge color="gray" variant="light" tt="none" radius="sm">
              Dibatalkan
            </Badge>
            <Text size="xs" c="dimmed">
              {b.undoneAt ? formatWaktu(b.undoneAt) : ''}
              {b.undoneBy ? ` oleh ${b.undoneBy}` : ''}
            </Text>
          </>
        ) : (
          <Badge color="teal" variant="light" tt="none" radius="sm">
            Tersimpan
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {!undone && (
          <Button
            size="compact-sm"
            variant="default"
            color="red"
            onClick={onUndo}
            disabled={blocked}
            aria-label={`Batalkan impor #${b.id}`}
          >
            Batalkan impor
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function UndoModal({ batch, onClose }: { batch: BatchRow | null; onClose: () => void }) {
  const undo = useApiMutation('import.undo');
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!batch) return;
    setFailure(null);
    try {
      const result = await undo.mutateAsync({ batchId: batch.id });
      notifySuccess(
        `Impor #${result.batchId} dibatalkan: ${formatNumber(result.removed)} KPM dihapus, ${formatNumber(result.restored)} dikembalikan.` +
          (result.pendampingRemoved > 0
            ? ` ${formatNumber(result.pendampingRemoved)} pendamping baru ikut dihapus.`
            : '') +
          (result.pendampingKept > 0
            ? ` ${formatNumber(result.pendampingKept)} pendamping baru tetap ada karena masih dipakai atau sudah diubah.`
            : ''),
      );
      await queryClient.invalidateQueries();
      close();
    } catch (error) {
      // The server refuses when a family was changed after the import; its message says which one.
      setFailure(errorMessage(error));
      await queryClient.invalidateQueries({ queryKey: ['import.batches'] });
    }
  };
  return (
    <Modal opened={batch !== null} onClose={close} title={batch ? `Batalkan impor #${batch.id}?` : ''}>
      {batch && (
        <Stack>
          <Text size="sm">
            Impor berkas <b>{batch.fileName}</b> tanggal {formatWaktu(batch.createdAt)} akan dibatalkan:
          </Text>
          <Stack gap={2} pl="md">
            <Text size="sm">
              • <b>{formatNumber(batch.counts.added)}</b> KPM yang ditambahkan impor ini dihapus
            </Text>
            <Text size="sm">
              • <b>{formatNumber(batch.counts.updated)}</b> KPM yang diperbarui dikembalikan seperti sebelum impor
            </Text>
            {batch.counts.pendampingCreated > 0 && (
              <Text size="sm">
                • <b>{formatNumber(batch.counts.pendampingCreated)}</b> pendamping yang dibuat impor ini dihapus,
                kecuali yang masih dipakai keluarga lain atau sudah diubah
              </Text>
            )}
          </Stack>
          <Text size="sm" c="dimmed">
            Pembatalan dicatat di riwayat perubahan.
          </Text>
          {failure && (
            <Alert color="red" title="Impor tidak dapat dibatalkan" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {failure ? 'Tutup' : 'Batal'}
            </Button>
            {!failure && (
              <Button color="red" onClick={confirm} loading={undo.isPending} data-autofocus>
                Ya, batalkan impor
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
