import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SETTINGS_DUTIES } from '../../../main/domain/duties';
import { backupWhen } from '../backup/backup-text';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';

/** Beranda: when the last good backup was made, in a warning colour when it is old or the last one failed. */
export function BackupCard() {
  const { can } = useSession();
  const { data } = useApi('backup.status', {}, { refetchInterval: 5 * 60_000 });
  if (!data) return null;
  const color = data.lastFailure ? 'red' : data.warning ? 'orange' : 'teal';
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      aria-label="Status cadangan"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Text size="sm" fw={500}>
        {data.last ? `Cadangan terakhir: ${backupWhen(data.last.at)}` : 'Belum ada cadangan database.'}
      </Text>
      {data.warning && (
        <Text size="sm" c={`${color}.8`}>
          {data.warning}{' '}
          {can(SETTINGS_DUTIES.edit) && (
            <Anchor component={Link} to="/pengaturan?tab=cadangan" size="sm">
              Buka Pengaturan &gt; Cadangan
            </Anchor>
          )}
        </Text>
      )}
    </Paper>
  );
}
