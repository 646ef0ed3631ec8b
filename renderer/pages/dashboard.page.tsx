import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { Dashboard } from '../features/dashboard/Dashboard';
import { PendampingDashboard } from '../features/dashboard/PendampingDashboard';
import { useSession } from '../features/session/session';
import { PageHeader } from '../features/shared/PageHeader';

export function DashboardPage() {
  const { user } = useSession();
  return (
    <>
      <PageHeader
        title="Beranda"
        subtitle={`Selamat datang, ${user.fullName}.`}
        actions={
          <Button variant="light" component={Link} to="/evaluasi">
            Evaluasi pendamping bulan ini
          </Button>
        }
      />
      {user.role === 'pendamping' ? <PendampingDashboard /> : <Dashboard />}
    </>
  );
}
