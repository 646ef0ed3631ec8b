import { PageHeader } from '../features/shared/PageHeader';
import { VisitList } from '../features/visits/VisitList';

export function PemantauanPage() {
  return (
    <>
      <PageHeader
        title="Pemantauan pasca graduasi"
        subtitle="Kunjungan ke keluarga yang sudah graduasi, menurut jadwal bulan setelah SK."
      />
      <VisitList />
    </>
  );
}
