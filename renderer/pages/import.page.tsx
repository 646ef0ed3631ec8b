import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { ImportHistory } from '../features/import/ImportHistory';
import { ImportWizard } from '../features/import/ImportWizard';
import { useImportJob } from '../features/import/use-import-job';
import { PageHeader } from '../features/shared/PageHeader';

export function ImportPage() {
  const [tab, setTab] = useState<string | null>('impor');
  // The job lives at page level so switching to the history tab and back keeps the report.
  const job = useImportJob();
  return (
    <>
      <PageHeader
        title="Impor Data"
        subtitle="Masukkan data KPM dari berkas Excel atau CSV: berkas diperiksa dulu, baru disimpan setelah Anda setuju."
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="impor">Impor berkas</Tabs.Tab>
          <Tabs.Tab value="riwayat">Riwayat impor</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="impor">
          <ImportWizard job={job} onShowHistory={() => setTab('riwayat')} />
        </Tabs.Panel>
        <Tabs.Panel value="riwayat">
          <ImportHistory />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
