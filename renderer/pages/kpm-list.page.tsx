import { KpmList } from '../features/kpm/KpmList';
import { PageHeader } from '../features/shared/PageHeader';

export function KpmListPage() {
  return (
    <>
      <PageHeader title="Data KPM" subtitle="Keluarga Penerima Manfaat PKH yang terdaftar di kantor ini." />
      <KpmList />
    </>
  );
}
