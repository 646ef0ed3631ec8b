import { Alert, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SchoolFormPreview } from '../../../main/api/verkom.contract';
import { formatNumber } from '../../../main/domain/format';
import { fileToBase64 } from '../import/files';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { QuarterPicker, useQuarter } from './QuarterPicker';

/** The school's attendance form: preview (matched, unmatched rows and why), then save every matched month or none. */
export function SchoolFormImport() {
  const queryClient = useQueryClient();
  const [quarter, setQuarter] = useQuarter();
  const preview = useApiMutation('verkom.school.preview');
  const commit = useApiMutation('verkom.school.commit');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ fileName: string; base64: string } | null>(null);
  const [result, setResult] = useState<SchoolFormPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const check = async () => {
    setResult(null);
    setFailure(null);
    if (!file) return;
    try {
      const content = { fileName: file.name, base64: await fileToBase64(file) };
      setSent(content);
      setResult(await preview.mutateAsync({ ...content, ...quarter }));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const save = async () => {
    if (!sent || !result) return;
    setFailure(null);
    try {
      const done = await commit.mutateAsync({ ...sent, ...quarter, sha256: result.sha256 });
      await queryClient.invalidateQueries({ queryKey: ['verkom.quarter'] });
      notifySuccess(
        `${formatNumber(done.matched)} siswa disimpan (${formatNumber(done.monthsWritten)} bulan); ${formatNumber(done.unmatched)} baris tidak cocok.`,
      );
      setFile(null);
      setResult(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Stack maw={1000}>
      <Text size="sm">
        Daftar hadir dari sekolah (.csv dengan pemisah koma atau titik koma, atau .xlsx): NPSN dan Nama Sekolah di atas,
        lalu per siswa NIK SISWA dan NISN serta ALPA, IZIN, SAKIT, JML dan % untuk tiap bulan triwulan. Siswa dicocokkan
        dengan anggota keluarga menurut NIK, lalu NISN. Baris yang tidak cocok ditampilkan dan tidak disimpan.
      </Text>
      <Group align="flex-end">
        <QuarterPicker value={quarter} onChange={setQuarter} />
        <FileInput
          label="Berkas daftar hadir sekolah"
          accept=".xlsx,.csv,.txt"
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
          }}
          clearable
          w={320}
        />
        <Button onClick={check} disabled={!file} loading={preview.isPending}>
          Pratinjau
        </Button>
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
      {result && <PreviewView result={result} />}
      {result && (
        <Group>
          <Button onClick={save} disabled={result.matched === 0} loading={commit.isPending}>
            Simpan {formatNumber(result.matched)} siswa
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function PreviewView({ result }: { result: SchoolFormPreview }) {
  const rows = [
    ...result.unmatched.map((r) => ({ ...r, kind: 'Tidak cocok' })),
    ...result.problems.map((r) => ({ ...r, kind: 'Bulan tidak terbaca' })),
  ];
  return (
    <Stack gap="xs">
      <Text size="sm">
        {result.schoolName} (NPSN {result.npsn}), {result.quarterText}: {formatNumber(result.rows)} baris siswa,{' '}
        <b>{formatNumber(result.matched)} cocok</b>, {formatNumber(result.unmatched.length)} tidak cocok;{' '}
        {formatNumber(result.belowThreshold)} siswa di bawah ambang {String(result.thresholdPercent).replace('.', ',')}%
        pada sedikitnya satu bulan.
      </Text>
      {rows.length > 0 && (
        <Table withTableBorder aria-label="Baris yang tidak disimpan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Baris</Table.Th>
              <Table.Th w={170}>Keadaan</Table.Th>
              <Table.Th>Alasan</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.kind}-${r.row}-${r.message}`}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.kind}</Table.Td>
                <Table.Td>{r.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
