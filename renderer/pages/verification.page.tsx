import { Tabs } from '@mantine/core';
import { GRADUATION_DUTIES } from '../../main/domain/decision';
import { useSession } from '../features/session/session';
import { PageHeader } from '../features/shared/PageHeader';
import { CriteriaEditor } from '../features/verification/CriteriaEditor';
import { VerificationQueue } from '../features/verification/VerificationQueue';

export function VerificationPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="Verifikasi ulang"
        subtitle="Calon graduasi yang menunggu kunjungan verifikasi; penilaian terakhir yang berlaku, semua tetap tersimpan."
      />
      <Tabs defaultValue="candidate" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="candidate">Calon</Tabs.Tab>
          {can(GRADUATION_DUTIES.criteria) && <Tabs.Tab value="kriteria">Kriteria penilaian</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="candidate">
          <VerificationQueue />
        </Tabs.Panel>
        <Tabs.Panel value="kriteria">
          <CriteriaEditor />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
