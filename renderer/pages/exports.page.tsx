import { ExportWorkbench } from '../features/exports/ExportWorkbench';
import { PageHeader } from '../features/shared/PageHeader';

export function ExportsPage() {
  return (
    <>
      <PageHeader
        title="Ekspor data"
        subtitle="Berkas Excel atau CSV untuk Kemensos, provinsi dan kantor sendiri: pilih templat, sesuaikan kolom dan filter, lalu unduh. Setiap ekspor tercatat di log."
      />
      <ExportWorkbench />
    </>
  );
}
