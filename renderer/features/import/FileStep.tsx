import { Alert, Button, FileInput, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { notifyError, notifySuccess } from '../shared/errors';
import { formatBytes } from './files';
import { ProgressPanel } from './ProgressPanel';
import type { ImportJobApi } from './use-import-job';

interface Props {
  job: ImportJobApi;
  onRead: () => void;
}

/** Step 1: the file, and optionally a saved column mapping for files of a known shape. */
export function FileStep({ job, onRead }: Props) {
  const { state } = job;
  const [file, setFile] = useState<File | null>(null);
  const [mappingName, setMappingName] = useState<string | null>(null);
  const mappings = useApi('import.mappings', {});
  const reading = state.stage === 'reading';

  const read = async () => {
    if (!file) return;
    if (await job.start(file, mappingName)) onRead();
  };

  return (
    <Stack gap="md" maw={720}>
      <FileInput
        label="Berkas data KPM"
        description="Excel (.xlsx) atau CSV (.csv, .txt). Berkas Excel lama (.xls): buka di Excel, simpan sebagai .xlsx."
        placeholder="Klik untuk memilih berkas…"
        accept=".xlsx,.csv,.txt"
        value={file}
        onChange={setFile}
        clearable
        disabled={reading}
        valueComponent={({ value }) =>
          value && !Array.isArray(value) ? (
            <Text size="sm" span>
              {value.name}{' '}
              <Text span size="xs" c="dimmed">
                ({formatBytes(value.size)})
              </Text>
            </Text>
          ) : null
        }
      />
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Select
          label="Pemetaan kolom tersimpan (boleh dikosongkan)"
          description="Pakai bila berkas berbentuk sama dengan berkas yang pernah diimpor."
          placeholder="Tidak ada: kenali kolom otomatis"
          data={(mappings.data ?? []).map((m) => m.name)}
          value={mappingName}
          onChange={setMappingName}
          clearable
          searchable
          disabled={reading}
          nothingFoundMessage="Belum ada pemetaan tersimpan"
          style={{ flex: 1 }}
        />
        {mappingName && !reading && (
          <DeleteMapping
            id={mappings.data?.find((m) => m.name === mappingName)?.id}
            name={mappingName}
            onDeleted={() => setMappingName(null)}
          />
        )}
      </Group>

      {state.error && (
        <Alert color="red" title="Berkas tidak dapat dibaca" role="alert">
          {state.error}
        </Alert>
      )}
      {state.notice && <Alert color="blue">{state.notice}</Alert>}

      {reading ? (
        <ProgressPanel progress={state.progress} waitingLabel="Mengirim berkas" onCancel={() => job.cancel()} />
      ) : (
        <Group>
          <Button onClick={read} disabled={!file}>
            Baca dan periksa berkas
          </Button>
        </Group>
      )}

      <Paper withBorder p="md" radius="sm" bg="white">
        <Title order={2} size="h5" mb={4}>
          Berkas seperti apa yang bisa diimpor?
        </Title>
        <List size="sm" spacing={2}>
          <List.Item>
            Satu baris judul kolom, misalnya NIK, NO KK, NAMA PENGURUS, ID KPM, KECAMATAN, DESA. Judul laporan di
            atasnya boleh ada.
          </List.Item>
          <List.Item>Di bawahnya satu baris per keluarga, atau satu baris per anggota keluarga (per No. KK).</List.Item>
          <List.Item>
            Keluarga baru wajib punya NIK dan nama pengurus, No. KK, serta kecamatan dan desa/kelurahan. ID KPM boleh
            kosong (misalnya ekspor DTKS/SIKS-NG) dan bisa diisi oleh berkas berikutnya.
          </List.Item>
          <List.Item>
            Berkas hanya dibaca dan diperiksa dulu. Data baru disimpan setelah Anda melihat laporan dan menekan{' '}
            <b>Simpan ke database</b>.
          </List.Item>
        </List>
      </Paper>
    </Stack>
  );
}

function DeleteMapping({ id, name, onDeleted }: { id: number | undefined; name: string; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useApiMutation('import.deleteMapping');
  const queryClient = useQueryClient();
  if (id === undefined) return null;
  const confirm = async () => {
    try {
      await remove.mutateAsync({ id });
      await queryClient.invalidateQueries({ queryKey: apiKey('import.mappings') });
      notifySuccess(`Pemetaan "${name}" dihapus.`);
      setOpen(false);
      onDeleted();
    } catch (error) {
      notifyError(error, 'Pemetaan tidak dapat dihapus');
    }
  };
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        Hapus pemetaan
      </Button>
      <ConfirmModal
        opened={open}
        title="Hapus pemetaan kolom?"
        confirmLabel="Hapus"
        loading={remove.isPending}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        Pemetaan "{name}" akan dihapus. Impor yang sudah tersimpan tidak berubah.
      </ConfirmModal>
    </>
  );
}
