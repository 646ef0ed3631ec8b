import { Alert, Button, Code, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupItem, DatabaseStatus, RecoverResult } from '../../../main/api/backup.contract';
import type { InputOf } from '../../../main/api/contract';
import { formatWaktu } from '../../../main/domain/format';
import { ApiError, call, setSession } from '../../api';
import { BackupTable } from '../backup/BackupTable';
import { countsText } from '../backup/backup-text';
import { ConfirmModal } from '../shared/ConfirmModal';
import { errorMessage, notifySuccess } from '../shared/errors';

const TITLE: Record<DatabaseStatus['state'], string> = {
  ok: 'Database siap',
  new: 'Database baru',
  missing: 'Berkas database tidak ditemukan',
  empty: 'Berkas database kosong',
  not_sqlite: 'Berkas bukan database Graduasi PKH',
  newer: 'Database dari versi aplikasi yang lebih baru',
  damaged: 'Berkas database rusak',
  read_only: 'Berkas database hanya-baca',
  unavailable: 'Database tidak dapat dibuka',
};

/**
 * Recovery mode: the database file cannot be used, so instead of the setup wizard (which would start a new,
 * empty office) or the login, the app says what is wrong and offers the way back.
 */
export function RecoveryScreen({ status }: { status: DatabaseStatus }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [salvage, setSalvage] = useState<RecoverResult['salvage'] | null>(null);
  // This database's newest copy: a shared folder may hold another office's newer ones (never restored here).
  const latest = status.backups.find((b) => b.match === 'sama');

  const recover = async (input: InputOf<'database.recover'>, done: string): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('database.recover', input);
      if (result.salvage) setSalvage(result.salvage);
      if (result.state === 'ok') {
        notifySuccess(done, 'Database siap');
        setSession(null);
        // Everything cached belongs to the broken state: start again from the database's status.
        await queryClient.resetQueries();
      } else if (!result.salvage) {
        setFailure(result.message);
      }
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const restore = (backup: BackupItem) =>
    recover(
      { action: 'restore', backup: backup.name },
      `Database dipulihkan dari cadangan ${formatWaktu(backup.at)}. Silakan masuk.`,
    );

  return (
    <Container size="lg" py="xl">
      <Stack>
        <Title order={1} size="h2">
          {TITLE[status.state]}
        </Title>
        <Alert color="red" title="Database tidak dapat dipakai">
          <Text size="sm">{status.message}</Text>
        </Alert>
        {failure && (
          <Alert color="red" title="Pemulihan gagal">
            {failure}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              Pulihkan dari cadangan
            </Title>
            <Text size="sm" c="dimmed">
              Folder cadangan: <Code>{status.backupFolder}</Code>
            </Text>
            {latest && (
              <Group>
                <Button loading={busy} onClick={() => restore(latest)}>
                  Pulihkan cadangan terakhir
                </Button>
                <Text size="sm">
                  {formatWaktu(latest.at)}: {countsText(latest.counts)}
                </Text>
              </Group>
            )}
            <BackupTable backups={status.backups} onRestore={restore} restoring={busy} />
          </Stack>
        </Paper>
        {status.state === 'damaged' && <SalvagePanel busy={busy} salvage={salvage} recover={recover} />}
        <ChooseFilePanel busy={busy} recover={recover} />
      </Stack>
    </Container>
  );
}

type Recover = (input: InputOf<'database.recover'>, done: string) => Promise<void>;

function SalvagePanel({
  busy,
  salvage,
  recover,
}: {
  busy: boolean;
  salvage: RecoverResult['salvage'] | null;
  recover: Recover;
}) {
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Salinan penyelamatan
        </Title>
        <Text size="sm">
          Menyalin semua data yang masih terbaca ke berkas database baru. Berkas yang rusak tidak diubah dan disimpan
          apa adanya.
        </Text>
        <Group>
          <Button variant="default" loading={busy} onClick={() => recover({ action: 'salvage' }, '')}>
            Buat salinan penyelamatan
          </Button>
        </Group>
        {salvage && (
          <Alert color="blue" title="Salinan penyelamatan dibuat">
            <Stack gap="xs">
              <Text size="sm">
                Data yang terbaca ada di <Code>{salvage.salvaged}</Code>; berkas rusak disimpan di{' '}
                <Code>{salvage.rawCopy}</Code>.
                {salvage.unreadable.length > 0 && ` Tidak terbaca: ${salvage.unreadable.join(', ')}.`}
              </Text>
              <Group>
                <Button
                  size="xs"
                  loading={busy}
                  onClick={() => recover({ action: 'choose', file: salvage.salvaged }, 'Salinan penyelamatan dipakai.')}
                >
                  Pakai salinan penyelamatan
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The one way to open another database file, another office's included: it asks first, since the app then
 * becomes that file's office.
 */
function ChooseFilePanel({ busy, recover }: { busy: boolean; recover: Recover }) {
  const [file, setFile] = useState('');
  const [asking, setAsking] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Pilih berkas database lain
        </Title>
        <Group align="flex-end">
          <TextInput
            label="Lokasi berkas database"
            placeholder="D:\Data\graduasi-pkh.db"
            value={file}
            onChange={(e) => setFile(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button variant="default" loading={busy} disabled={file.trim() === ''} onClick={() => setAsking(true)}>
            Buka berkas ini
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={asking}
        title="Buka berkas database lain?"
        confirmLabel="Ya, buka berkas ini"
        color="orange"
        loading={busy}
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void recover({ action: 'choose', file }, 'Berkas database dibuka. Silakan masuk.');
        }}
      >
        Aplikasi akan memakai <b>{file.trim()}</b> sebagai database mulai sekarang. Bila berkas ini milik kantor lain,
        aplikasi menjadi aplikasi kantor tersebut, dengan pengguna dan datanya. Lanjutkan hanya bila memang berkas ini
        yang harus dipakai.
      </ConfirmModal>
    </Paper>
  );
}
