import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { P2K2_DUTIES } from '../../../main/domain/duties';
import type { KpmSearchInput } from '../../../main/domain/schemas';
import { useSession } from '../session/session';
import { GroupCreateModal } from './GroupCreateModal';

/** A KPM list filtered to one desa becomes a P2K2 group: the dialog opens with the filter's families picked. */
export function GroupFromFilterButton({ filter }: { filter: Omit<KpmSearchInput, 'pageSize'> }) {
  const { can } = useSession();
  const [opened, dialog] = useDisclosure(false);
  const villageCode = filter.villageCode;
  if (!villageCode || !can(P2K2_DUTIES.record)) return null;
  // A desa's code starts with its kecamatan's six digits.
  const districtCode = filter.districtCode ?? villageCode.slice(0, 6);
  return (
    <>
      <Button variant="light" size="compact-sm" onClick={dialog.open}>
        Buat kelompok P2K2 dari hasil filter
      </Button>
      <GroupCreateModal
        opened={opened}
        districtCode={districtCode}
        villageCode={villageCode}
        filter={filter}
        onClose={dialog.close}
      />
    </>
  );
}
