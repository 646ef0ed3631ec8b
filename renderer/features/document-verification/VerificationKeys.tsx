import { Alert, Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DOCUMENT_DUTIES } from '../../../main/domain/duties';
import { formatWaktu } from '../../../main/domain/format';
import { downloadBase64, fileToBase64 } from '../import/files';
import { useSession } from '../session/session';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

/**
 * The office's own key (its fingerprint, and the public key to hand to other offices) and the keys imported
 * from other offices, whose letters can then be verified here. Importing is for the administrator.
 */
export function VerificationKeys() {
  const { can } = useSession();
  const keys = useApi('documents.keys', {});
  const exportKey = useApiMutation('documents.exportKey');

  const download = async () => {
    try {
      const file = await exportKey.mutateAsync({});
      downloadBase64(file.base64, file.fileName, 'application/json');
    } catch (error) {
      notifyError(error, 'Kunci tidak dapat diunduh');
    }
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Kunci verifikasi
      </Title>
      <Loaded query={keys} label="Memuat kunci verifikasi">
        {(list) => {
          const own = list.find((key) => key.own);
          const imported = list.filter((key) => !key.own);
          return (
            <>
              <Group justify="space-between" align="flex-end">
                <Stack gap={2}>
                  <Text size="sm">Sidik kunci kantor ini (bacakan saat kantor lain memeriksa berkas kunci Anda):</Text>
                  <Text ff="monospace" fw={700} size="lg" aria-label="Sidik kunci kantor ini">
                    {own?.fingerprint}
                  </Text>
                </Stack>
                <Button variant="default" onClick={download} loading={exportKey.isPending}>
                  Unduh kunci publik kantor
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                Berkas kunci publik hanya berisi kunci untuk memeriksa; kunci untuk menandatangani tidak pernah keluar
                dari aplikasi.
              </Text>
              <ImportedKeys keys={imported} />
              {can(DOCUMENT_DUTIES.settings) && <ImportKey />}
            </>
          );
        }}
      </Loaded>
    </Stack>
  );
}

type KeyRow = { id: number; officeName: string; regencyCode: string; fingerprint: string; createdAt: string };

function ImportedKeys({ keys }: { keys: KeyRow[] }) {
  if (keys.length === 0) {
    return <Text size="sm">Belum ada kunci kantor lain yang diimpor.</Text>;
  }
  return (
    <Table withTableBorder aria-label="Kunci kantor lain">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kantor</Table.Th>
          <Table.Th w={130}>Kode wilayah</Table.Th>
          <Table.Th w={210}>Sidik kunci</Table.Th>
          <Table.Th w={210}>Diimpor</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((key) => (
          <Table.Tr key={key.id}>
            <Table.Td>{key.officeName}</Table.Td>
            <Table.Td>{key.regencyCode}</Table.Td>
            <Table.Td ff="monospace">{key.fingerprint}</Table.Td>
            <Table.Td>{formatWaktu(key.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ImportKey() {
  const queryClient = useQueryClient();
  const importKey = useApiMutation('documents.importKey');
  const [failure, setFailure] = useState<string | null>(null);

  const pick = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    try {
      const key = await importKey.mutateAsync({ fileBase64: await fileToBase64(file) });
      await queryClient.invalidateQueries({ queryKey: apiKey('documents.keys') });
      notifySuccess(
        `Kunci ${key.officeName} diimpor. Pastikan sidiknya ${key.fingerprint} sama dengan yang dibacakan kantor itu.`,
      );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Stack gap="xs">
      <Group>
        <FileButton onChange={pick} accept=".json,application/json">
          {(props) => (
            <Button {...props} loading={importKey.isPending}>
              Impor kunci kantor lain…
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          Berkas kunci-publik-&lt;kode wilayah&gt;.json dari kantor lain.
        </Text>
      </Group>
      {failure && (
        <Alert color="red" title="Kunci tidak diimpor">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
