import { PendampingList } from '../features/pendamping/PendampingList';
import { PageHeader } from '../features/shared/PageHeader';

export function PendampingPage() {
  return (
    <>
      <PageHeader title="Pendamping" subtitle="SDM PKH yang mendampingi KPM, dengan kecamatan tugasnya." />
      <PendampingList />
    </>
  );
}
