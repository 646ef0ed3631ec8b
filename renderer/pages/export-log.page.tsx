import { ExportLogTable } from '../features/exports/ExportLogTable';
import { PageHeader } from '../features/shared/PageHeader';

export function ExportLogPage() {
  return (
    <>
      <PageHeader
        title="Log ekspor"
        subtitle="Setiap berkas berisi data pribadi yang keluar dari aplikasi (UU 27/2022): ekspor data, laporan, surat dan daftar; siapa, kapan, templat atau jenis berkas dan filter, jumlah baris, NIK lengkap atau disamarkan, dan sidik SHA-256 berkasnya."
      />
      <ExportLogTable />
    </>
  );
}
