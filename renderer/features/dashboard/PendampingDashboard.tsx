import { Alert, Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatTanggal, todayIso } from '../../../main/domain/format';
import { monthLabel } from '../../../main/domain/workplan';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { StatCard } from './Dashboard';

/**
 * A pendamping account's home: the figures of its own families only (the server scopes every list to the
 * account's pendamping record, so these are the same numbers its lists show).
 */
/** This month's plan: not started, a draft, or submitted (on time or late), with its deadline. */
function PlanStatus({ pendampingId }: { pendampingId: number }) {
  const month = todayIso().slice(0, 7);
  const { data } = useApi('workPlans.get', { pendampingId, month });
  if (!data) return null;
  const { plan } = data;
  const text =
    plan?.status === 'submitted'
      ? `Rencana kerja ${monthLabel(month)} sudah diajukan${plan.late ? ' (terlambat)' : ''}.`
      : `Rencana kerja ${monthLabel(month)} ${plan ? 'masih draf' : 'belum disusun'}; batas pengajuan ${formatTanggal(data.deadline)}${data.pastDeadline ? ' sudah lewat' : ''}.`;
  return (
    <Alert color={plan?.status === 'submitted' ? 'green' : data.pastDeadline ? 'red' : 'yellow'} title="Rencana kerja">
      {text}
    </Alert>
  );
}

export function PendampingDashboard() {
  const { user } = useSession();
  const families = useApi('kpm.search', { pageSize: 1 });
  const active = useApi('kpm.search', { status: 'aktif', pageSize: 1 });
  const visits = useApi('visits.counts', {});
  const groups = useApi('p2k2.groups.list', { pageSize: 1 });
  return (
    <Stack gap="lg">
      {user.pendampingId != null && <PlanStatus pendampingId={user.pendampingId} />}
      <div>
        <Title order={2} size="h4" mb="sm">
          Keluarga dampingan saya
        </Title>
        <SimpleGrid cols={4} spacing="md">
          <StatCard label="Semua keluarga dampingan" value={families.data?.total} to="/kpm" />
          <StatCard label="KPM aktif" value={active.data?.total} to="/kpm?status=aktif" />
          <StatCard label="Kelompok P2K2" value={groups.data?.total} to="/p2k2" />
        </SimpleGrid>
      </div>
      <div>
        <Title order={2} size="h4" mb="sm">
          Kunjungan pemantauan
        </Title>
        <SimpleGrid cols={4} spacing="md">
          <StatCard label="Jatuh tempo bulan ini" value={visits.data?.bulan_ini} to="/pemantauan" />
          <StatCard label="Terlambat" value={visits.data?.terlambat} to="/pemantauan" />
        </SimpleGrid>
      </div>
      <Group>
        <Button component={Link} to="/rencana-kerja">
          Rencana kerja bulan ini
        </Button>
        <Button component={Link} to="/kpm" variant="default">
          Cari keluarga dampingan
        </Button>
      </Group>
    </Stack>
  );
}
