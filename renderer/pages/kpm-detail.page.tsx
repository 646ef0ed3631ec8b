import { Alert, Center, Loader } from '@mantine/core';
import { useParams } from 'react-router';
import { KpmDetailView } from '../features/kpm/KpmDetailView';
import { useApi } from '../features/shared/api-hooks';
import { errorMessage } from '../features/shared/errors';

export function KpmDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <Alert color="red">KPM tidak ditemukan. Periksa alamat halaman.</Alert>;
  return <KpmDetailContent id={id} />;
}

function KpmDetailContent({ id }: { id: number }) {
  const detail = useApi('kpm.get', { id });
  if (detail.error)
    return (
      <Alert color="red" title="KPM tidak dapat dibuka">
        {errorMessage(detail.error)}
      </Alert>
    );
  if (!detail.data) {
    return (
      <Center p="xl">
        <Loader aria-label="Memuat data KPM" />
      </Center>
    );
  }
  return <KpmDetailView detail={detail.data} />;
}
