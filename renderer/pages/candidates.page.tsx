import { Tabs } from '@mantine/core';
import { CANDIDATE_DUTIES } from '../../main/domain/duties';
import { AlamiahScan } from '../features/graduation/AlamiahScan';
import { CandidateList } from '../features/graduation/CandidateList';
import { CandidateListImport } from '../features/graduation/CandidateListImport';
import { useSession } from '../features/session/session';
import { PageHeader } from '../features/shared/PageHeader';

export function CandidatesPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="Calon graduasi"
        subtitle="Keluarga yang diusulkan untuk graduasi sejahtera mandiri atau graduasi alamiah."
      />
      <Tabs defaultValue="daftar" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="daftar">Daftar calon</Tabs.Tab>
          <Tabs.Tab value="alamiah">Graduasi alamiah</Tabs.Tab>
          {can(CANDIDATE_DUTIES.edit) && <Tabs.Tab value="impor">Impor daftar mandiri</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="daftar">
          <CandidateList />
        </Tabs.Panel>
        <Tabs.Panel value="alamiah">
          <AlamiahScan />
        </Tabs.Panel>
        <Tabs.Panel value="impor">
          <CandidateListImport />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
