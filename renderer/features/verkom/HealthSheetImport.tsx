import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fileToBase64 } from '../import/files';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

/** The simple health sheet NIK, BULAN, JENIS, HADIR: every row saved, or none with each bad row named. */
export function HealthSheetImport() {
  const queryClient = useQueryClient();
  const sheet = useApiMutation('verkom.health.sheet');
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const save = async () => {
    if (!file) return;
    setFailure(null);
    try {
      const { records } = await sheet.mutateAsync({ fileName: file.name, base64: await fileToBase64(file) });
      await queryClient.invalidateQueries({ queryKey: ['verkom.quarter'] });
      notifySuccess(`${records} catatan komitmen kesehatan disimpan.`);
      setFile(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Stack maw={800}>
      <Text size="sm">
        Lembar .xlsx atau .csv dengan kolom <b>NIK</b> (pengurus atau anggota), <b>BULAN</b> (2026-02, 02-2026 atau
        Februari 2026), <b>JENIS</b> (posyandu, kehamilan, lansia, disabilitas) dan <b>HADIR</b> (ya/tidak). Semua baris
        disimpan, atau tidak satu pun bila ada baris yang salah.
      </Text>
      <Group align="flex-end">
        <FileInput
          label="Lembar komitmen kesehatan"
          accept=".xlsx,.csv,.txt"
          value={file}
          onChange={setFile}
          clearable
          w={320}
        />
        <Button onClick={save} disabled={!file} loading={sheet.isPending}>
          Simpan
        </Button>
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
    </Stack>
  );
}
