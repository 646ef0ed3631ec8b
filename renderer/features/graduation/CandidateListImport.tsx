import { Alert, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import { MANDIRI_REASON_LABEL, MANDIRI_REASONS } from '../../../main/domain/graduation';
import { fileToBase64 } from '../import/files';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

/** A spreadsheet of mandiri candidates: check it (dry run), then add every row or none. */
export function CandidateListImport() {
  const queryClient = useQueryClient();
  const preview = useApiMutation('graduation.listPreview');
  const commit = useApiMutation('graduation.listCommit');
  const [file, setFile] = useState<File | null>(null);
  const [base64, setBase64] = useState<string | null>(null);
  const [result, setResult] = useState<OutputOf<'graduation.listPreview'> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const check = async (picked: File | null) => {
    setFile(picked);
    setResult(null);
    setFailure(null);
    if (!picked) return;
    try {
      const content = await fileToBase64(picked);
      setBase64(content);
      setResult(await preview.mutateAsync({ fileBase64: content }));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const save = async () => {
    if (!base64) return;
    setFailure(null);
    try {
      const { added } = await commit.mutateAsync({ fileBase64: base64 });
      await queryClient.invalidateQueries({ queryKey: ['graduation.candidates'] });
      notifySuccess(`${formatNumber(added)} calon graduasi mandiri ditambahkan.`);
      setFile(null);
      setResult(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Stack maw={900}>
      <Text size="sm">
        Berkas .xlsx atau .csv dengan baris judul: kolom <b>NIK</b> atau <b>ID KPM</b>, kolom <b>Alasan</b> (satu atau
        beberapa, dipisah koma/titik koma: {MANDIRI_REASONS.map((r) => MANDIRI_REASON_LABEL[r]).join(', ')}), dan kolom{' '}
        <b>Catatan</b> (boleh kosong). Daftar diperiksa dulu; disimpan hanya bila semua baris benar.
      </Text>
      <FileInput label="Berkas daftar calon" accept=".xlsx,.csv,.txt" value={file} onChange={check} clearable />
      {preview.isPending && <Text size="sm">Memeriksa…</Text>}
      {failure && <Alert color="red">{failure}</Alert>}
      {result && (
        <>
          <Text size="sm">
            {formatNumber(result.rows)} baris: {formatNumber(result.ready.length)} siap,{' '}
            {formatNumber(result.problems.length)} masalah.
          </Text>
          {result.problems.length > 0 && (
            <Table withTableBorder aria-label="Masalah daftar calon">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Baris</Table.Th>
                  <Table.Th>Kolom</Table.Th>
                  <Table.Th>Isi</Table.Th>
                  <Table.Th>Masalah</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.problems.map((p) => (
                  <Table.Tr key={`${p.row}-${p.column}`}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>{p.column}</Table.Td>
                    <Table.Td>{p.value}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group>
            <Button
              disabled={result.problems.length > 0 || result.ready.length === 0}
              loading={commit.isPending}
              onClick={save}
            >
              Simpan {formatNumber(result.ready.length)} calon
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
