import { Paper, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SETTINGS_DUTIES } from '../../main/domain/duties';
import { BackupSettings } from '../features/backup/BackupSettings';
import { DocumentsSettings } from '../features/documents/DocumentsSettings';
import { ExitTypesSettings } from '../features/graduation/ExitTypesSettings';
import { useSession } from '../features/session/session';
import { BenefitAmountsSettings } from '../features/settings/BenefitAmountsForm';
import { OfficeServerSettings } from '../features/settings/OfficeServerSettings';
import { OfficeSettings } from '../features/settings/OfficeSettings';
import { SecuritySettings } from '../features/settings/SecuritySettings';
import { PageHeader } from '../features/shared/PageHeader';

export function SettingsPage() {
  // ?tab=cadangan opens a tab directly (the home page's backup warning links there).
  const [params] = useSearchParams();
  const [tab, setTab] = useState<string | null>(params.get('tab') ?? 'kantor');
  const { can } = useSession();
  return (
    <>
      <PageHeader title="Pengaturan" />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="kantor">Profil kantor</Tabs.Tab>
          <Tabs.Tab value="bantuan">Besaran bantuan</Tabs.Tab>
          <Tabs.Tab value="keluar">Jenis keluar</Tabs.Tab>
          <Tabs.Tab value="dokumen">Dokumen</Tabs.Tab>
          <Tabs.Tab value="keamanan">Keamanan</Tabs.Tab>
          <Tabs.Tab value="cadangan">Cadangan</Tabs.Tab>
          {can(SETTINGS_DUTIES.edit) && <Tabs.Tab value="server">Server kantor</Tabs.Tab>}
        </Tabs.List>
        <Paper
          withBorder
          p="md"
          radius="sm"
          maw={tab === 'dokumen' || tab === 'cadangan' || tab === 'server' ? 1100 : 900}
        >
          <Tabs.Panel value="kantor">
            <OfficeSettings />
          </Tabs.Panel>
          <Tabs.Panel value="bantuan">
            <BenefitAmountsSettings />
          </Tabs.Panel>
          <Tabs.Panel value="keluar">
            <ExitTypesSettings />
          </Tabs.Panel>
          <Tabs.Panel value="dokumen">
            <DocumentsSettings onOpenOffice={() => setTab('kantor')} />
          </Tabs.Panel>
          <Tabs.Panel value="keamanan">
            <SecuritySettings />
          </Tabs.Panel>
          <Tabs.Panel value="cadangan">
            <BackupSettings />
          </Tabs.Panel>
          <Tabs.Panel value="server">
            <OfficeServerSettings />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </>
  );
}
