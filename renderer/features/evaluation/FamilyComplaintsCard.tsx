import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { ComplaintRow } from '../../../main/api/evaluation.contract';
import { COMPLAINT_DUTIES } from '../../../main/domain/evaluation';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { ComplaintModal } from './ComplaintModal';
import { ComplaintsTable } from './ComplaintsTable';

/** The family page's complaints: its cases and a button to record one. */
export function FamilyComplaintsCard({ kpmId, kpmName }: { kpmId: number; kpmName: string }) {
  const { can } = useSession();
  const list = useApi('complaints.list', { kpmId, pageSize: 100 });
  const [editing, setEditing] = useState<ComplaintRow | 'new' | null>(null);
  const headingId = useId();
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id={headingId}>
            Pengaduan
          </Title>
          {can(COMPLAINT_DUTIES.record) && <Button onClick={() => setEditing('new')}>Catat pengaduan</Button>}
        </Group>
        <Loaded query={list} label="Memuat pengaduan">
          {(data) => <ComplaintsTable rows={data.items} withFamily={false} onEdit={setEditing} />}
        </Loaded>
      </Stack>
      {editing && (
        <ComplaintModal
          kpmId={kpmId}
          kpmName={kpmName}
          complaint={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
