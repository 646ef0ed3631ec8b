import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import { FamilyBusinessCard } from '../features/business/FamilyBusinessCard';
import { FamilyComplaintsCard } from '../features/evaluation/FamilyComplaintsCard';
import { KpmDetailView } from '../features/kpm/KpmDetailView';
import { FamilyP2k2Card } from '../features/p2k2-reports/FamilyP2k2Card';
import { useApi } from '../features/shared/api-hooks';
import { Loaded } from '../features/shared/Loaded';
import { FamilyCommitmentsCard } from '../features/verkom/FamilyCommitmentsCard';

export function KpmDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <Alert color="red">KPM tidak ditemukan. Periksa alamat halaman.</Alert>;
  return <KpmDetailContent id={id} />;
}

function KpmDetailContent({ id }: { id: number }) {
  const detail = useApi('kpm.get', { id });
  return (
    <Loaded query={detail} label="Memuat data KPM" errorTitle="KPM tidak dapat dibuka">
      {(data) => (
        <>
          <KpmDetailView detail={data} />
          <FamilyP2k2Card kpmId={id} />
          <FamilyComplaintsCard kpmId={id} kpmName={data.kpm.nama} />
          <FamilyCommitmentsCard
            kpmId={id}
            people={[
              { id: null, nama: `${data.kpm.nama} (pengurus)` },
              ...data.members.map((m) => ({ id: m.id, nama: m.nama })),
            ]}
          />
          <FamilyBusinessCard kpmId={id} />
        </>
      )}
    </Loaded>
  );
}
