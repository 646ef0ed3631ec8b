import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BackupItem, BackupStatus } from '../../../main/api/backup.contract';
import { formatWaktu } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { noteSessionEnded, useLogout } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { BackupTable } from './BackupTable';
import { backupWhen } from './backup-text';

/** Pengaturan > Cadangan: the folder, "Cadangkan sekarang", the backups and their restore. */
export function BackupSettings() {
  const status = useApi('backup.status', {});
  return (
    <Loaded query={status} label="Memuat status cadangan">
      {(data) => (
        <Stack>
          <BackupFolderForm status={data} />
          <BackupNow status={data} />
          <BackupList />
        </Stack>
      )}
    </Loaded>
  );
}

function BackupFolderForm({ status }: { status: BackupStatus }) {
  const queryClient = useQueryClient();
  const setFolder = useApiMutation('backup.setFolder');
  const [folder, setFolderValue] = useState(status.folder);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setFolderValue(status.folder), [status.folder]);

  const save = async () => {
    setError(null);
    try {
      await setFolder.mutateAsync({ folder });
      await queryClient.invalidateQueries({ queryKey: ['backup.status'] });
      await queryClient.invalidateQueries({ queryKey: ['backup.list'] });
      notifySuccess('Folder cadangan disimpan.');
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.folder ?? e.message) : errorMessage(e));
    }
  };

  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput
          label="Folder cadangan"
          description="Sebaiknya di flashdisk atau disk kedua, agar cadangan selamat bila disk komputer rusak."
          value={folder}
          onChange={(e) => setFolderValue(e.currentTarget.value)}
          error={error}
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={save} loading={setFolder.isPending} disabled={folder === status.folder}>
          Simpan folder
        </Button>
      </Group>
      {status.sameDisk && (
        <Alert color="yellow" title="Cadangan berada di disk yang sama dengan database">
          Jika disk ini rusak, database dan cadangannya hilang bersama. Pilih folder di flashdisk atau disk lain.
        </Alert>
      )}
    </Stack>
  );
}

function BackupNow({ status }: { status: BackupStatus }) {
  const queryClient = useQueryClient();
  const backupNow = useApiMutation('backup.now');
  const run = async () => {
    try {
      const made = await backupNow.mutateAsync({});
      notifySuccess(`Cadangan ${formatWaktu(made.at)} dibuat dan diperiksa.`);
      await queryClient.invalidateQueries({ queryKey: ['backup.status'] });
      await queryClient.invalidateQueries({ queryKey: ['backup.list'] });
    } catch (e) {
      notifyError(e, 'Pencadangan gagal');
    }
  };
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={run} loading={backupNow.isPending}>
          Cadangkan sekarang
        </Button>
        <Text size="sm" c={status.warning ? 'orange.8' : 'dimmed'}>
          {status.last ? `Cadangan terakhir: ${backupWhen(status.last.at)}` : 'Belum ada cadangan.'}
        </Text>
      </Group>
      {backupNow.isPending && (
        <Text size="sm" c="dimmed">
          Sedang mencadangkan dan memeriksa salinan; Anda dapat terus bekerja.
        </Text>
      )}
      {status.warning && status.last && (
        <Alert color={status.lastFailure ? 'red' : 'orange'} variant="light">
          {status.warning}
        </Alert>
      )}
    </Stack>
  );
}

function BackupList() {
  const list = useApi('backup.list', { details: true });
  const restore = useApiMutation('backup.restore');
  const logout = useLogout();
  const onRestore = async (backup: BackupItem) => {
    try {
      const { reason } = await restore.mutateAsync({ backup: backup.name });
      notifySuccess(
        `Database dipulihkan dari cadangan ${formatWaktu(backup.at)}. Silakan masuk kembali.`,
        'Pemulihan selesai',
      );
      // The login page says why, as it does for everyone else whose session the restore ended.
      noteSessionEnded(reason);
      await logout();
    } catch (e) {
      notifyError(e, 'Pemulihan gagal');
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Daftar cadangan
      </Title>
      <Loaded query={list} label="Memuat daftar cadangan">
        {(backups) => <BackupTable backups={backups} onRestore={onRestore} restoring={restore.isPending} />}
      </Loaded>
    </Stack>
  );
}
