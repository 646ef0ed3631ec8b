import { Paper, Tabs } from '@mantine/core';
import { ExitTypesSettings } from '../features/graduation/ExitTypesSettings';
import { BenefitAmountsSettings } from '../features/settings/BenefitAmountsForm';
import { OfficeSettings } from '../features/settings/OfficeSettings';
import { PageHeader } from '../features/shared/PageHeader';

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Pengaturan" />
      <Tabs defaultValue="kantor" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="kantor">Profil kantor</Tabs.Tab>
          <Tabs.Tab value="bantuan">Besaran bantuan</Tabs.Tab>
          <Tabs.Tab value="keluar">Jenis keluar</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder p="md" radius="sm" maw={900}>
          <Tabs.Panel value="kantor">
            <OfficeSettings />
          </Tabs.Panel>
          <Tabs.Panel value="bantuan">
            <BenefitAmountsSettings />
          </Tabs.Panel>
          <Tabs.Panel value="keluar">
            <ExitTypesSettings />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </>
  );
}
