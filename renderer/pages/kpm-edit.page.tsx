import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import { KpmForm } from '../features/kpm/KpmForm';
import { fromDetail } from '../features/kpm/kpm-form-values';
import { useApi } from '../features/shared/api-hooks';
import { Loaded } from '../features/shared/Loaded';
import { PageHeader } from '../features/shared/PageHeader';

export function KpmEditPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <Alert color="red">KPM tidak ditemukan. Periksa alamat halaman.</Alert>;
  return <KpmEditContent id={id} />;
}

function KpmEditContent({ id }: { id: number }) {
  // Always fresh: editing must start from what is saved now, not from a cached copy.
  const detail = useApi('kpm.get', { id }, { staleTime: 0, refetchOnMount: 'always' });
  return (
    <Loaded query={detail} label="Memuat data KPM" ready={detail.isFetchedAfterMount}>
      {({ kpm, members }) => (
        <>
          <PageHeader title={`Ubah data KPM: ${kpm.nama}`} back={{ to: `/kpm/${id}`, label: 'Kembali ke keluarga' }} />
          <KpmForm key={kpm.updatedAt} id={id} initialValues={fromDetail(kpm, members)} />
        </>
      )}
    </Loaded>
  );
}
