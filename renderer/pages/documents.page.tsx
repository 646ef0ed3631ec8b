import { RegisterTable } from '../features/documents/RegisterTable';
import { PageHeader } from '../features/shared/PageHeader';

export function DocumentsPage() {
  return (
    <>
      <PageHeader
        title="Agenda surat keluar"
        subtitle="Setiap dokumen yang diterbitkan: nomor, jenis, tanggal, KPM, penandatangan. Dokumen yang dibatalkan tetap tercatat."
      />
      <RegisterTable />
    </>
  );
}
