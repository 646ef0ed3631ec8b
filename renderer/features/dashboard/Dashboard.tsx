import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { FAMILY_DUTIES, SETTINGS_DUTIES } from '../../../main/domain/duties';
import { KPM_STATUS, type KpmStatus, STATUS_LABEL } from '../../../main/domain/enums';
import { formatNumber } from '../../../main/domain/format';
import { BudgetUseCard } from '../awards/BudgetUseCard';
import { usePendampingList } from '../pendamping/use-pendamping';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { BackupCard } from './BackupCard';
import { FirstSteps } from './FirstSteps';
import { GraduationProgress } from './GraduationProgress';

/** Counting through the list query keeps the numbers identical to what the list shows. */
function useKpmCount(status: KpmStatus | null) {
  const { data } = useApi('kpm.search', { status, pageSize: 1 });
  return data?.total;
}

export function StatCard({
  label,
  value,
  to,
  hint,
}: {
  label: string;
  value: number | undefined;
  to: string;
  hint?: string;
}) {
  return (
    <Paper withBorder p="md" radius="sm">
      {value === undefined ? (
        <Skeleton h={34} w={90} my={4} />
      ) : (
        <Anchor component={Link} to={to} fz={28} fw={700} c="dark" underline="hover">
          {formatNumber(value)}
        </Anchor>
      )}
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function StatusCard({ status }: { status: KpmStatus }) {
  return <StatCard label={STATUS_LABEL[status]} value={useKpmCount(status)} to={`/kpm?status=${status}`} />;
}

export function Dashboard() {
  const { can } = useSession();
  const total = useKpmCount(null);
  const pendamping = usePendampingList();
  const activePendamping = pendamping.data?.filter((p) => p.active);
  const activeKpm = activePendamping?.reduce((sum, p) => sum + p.activeKpm, 0);
  const perPendamping =
    activePendamping && activePendamping.length > 0 && activeKpm !== undefined
      ? `rata-rata ${formatNumber(Math.round(activeKpm / activePendamping.length))} KPM aktif per pendamping`
      : undefined;
  return (
    <Stack gap="lg">
      <BackupCard />
      {can(SETTINGS_DUTIES.edit) && <FirstSteps year={new Date().getFullYear()} />}
      <GraduationProgress />
      <BudgetUseCard year={new Date().getFullYear()} />
      <div>
        <Title order={2} size="h4" mb="sm">
          KPM menurut status
        </Title>
        <SimpleGrid cols={5} spacing="md">
          <StatCard label="Semua KPM" value={total} to="/kpm" />
          {KPM_STATUS.map((status) => (
            <StatusCard key={status} status={status} />
          ))}
        </SimpleGrid>
      </div>
      <div>
        <Title order={2} size="h4" mb="sm">
          Pendamping
        </Title>
        <SimpleGrid cols={5} spacing="md">
          <StatCard label="Pendamping aktif" value={activePendamping?.length} to="/pendamping" hint={perPendamping} />
        </SimpleGrid>
      </div>
      {can(FAMILY_DUTIES.edit) && (
        <Group>
          <Button component={Link} to="/kpm/baru">
            Tambah KPM
          </Button>
          <Button component={Link} to="/kpm" variant="default">
            Cari KPM
          </Button>
        </Group>
      )}
    </Stack>
  );
}
