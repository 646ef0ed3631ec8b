import { KpmForm } from '../features/kpm/KpmForm';
import { emptyKpm } from '../features/kpm/kpm-form-values';
import { PageHeader } from '../features/shared/PageHeader';

export function KpmNewPage() {
  return (
    <>
      <PageHeader title="Tambah KPM" back={{ to: '/kpm', label: 'Data KPM' }} />
      <KpmForm initialValues={emptyKpm} />
    </>
  );
}
