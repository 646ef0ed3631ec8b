import { ExportLogTable } from '../features/exports/ExportLogTable';
import { PageHeader } from '../features/shared/PageHeader';

export function ExportLogPage() {
  return (
    <>
      <PageHeader
        title="Log ekspor"
        subtitle="Setiap berkas berisi data pribadi yang keluar dari aplikasi (UU 27/2022): siapa, kapan, templat dan filter, jumlah baris, NIK lengkap atau disamarkan, dan sidik SHA-256 berkasnya."
      />
      <ExportLogTable />
    </>
  );
}
