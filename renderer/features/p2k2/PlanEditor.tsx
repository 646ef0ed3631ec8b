import { Alert, Button, Group, List, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { P2K2_DUTIES } from '../../../main/domain/duties';
import { formatTanggal } from '../../../main/domain/format';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { notifyError, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { PlannedSheetButton } from './PlannedSheetButton';
import { PlanPrintButton } from './PlanPrintButton';
import { useP2k2Refresh } from './use-p2k2-refresh';

/** The year's plan (RTL): a date per topic in module order; dates out of order are warned about, not refused. */
export function PlanEditor({ group }: { group: { id: number; villageCode: string; villageName: string } }) {
  const groupId = group.id;
  const { can } = useSession();
  const editable = can(P2K2_DUTIES.record);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const query = useApi('p2k2.plan.get', { groupId, year });
  const save = useApiMutation('p2k2.plan.save');
  const refresh = useP2k2Refresh();
  const [dates, setDates] = useState<Record<number, string>>({});
  useEffect(() => {
    if (query.data) setDates(Object.fromEntries(query.data.rows.map((r) => [r.topicId, r.plannedOn ?? ''])));
  }, [query.data]);
  const warned = new Set(query.data?.warnings.map((w) => w.topicId));

  const submit = () =>
    save.mutate(
      {
        groupId,
        year,
        dates: Object.entries(dates).map(([topicId, on]) => ({ topicId: Number(topicId), plannedOn: on || null })),
      },
      {
        onSuccess: async (saved) => {
          await refresh();
          notifySuccess(`Rencana ${year} disimpan: ${saved.saved} sesi bertanggal.`);
        },
        onError: (error) => notifyError(error, 'Rencana tidak disimpan'),
      },
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <NumberInput
          label="Tahun"
          value={year}
          onChange={(v) => Number(v) >= 2007 && setYear(Number(v))}
          min={2007}
          max={2100}
          w={120}
        />
        <Group>
          <PlanPrintButton villageCode={group.villageCode} villageName={group.villageName} year={year} />
          {editable && (
            <Button onClick={submit} loading={save.isPending}>
              Simpan rencana
            </Button>
          )}
        </Group>
      </Group>
      <Loaded query={query} label="Memuat rencana">
        {(plan) => (
          <>
            {plan.warnings.length > 0 && (
              <Alert color="orange" title="Urutan materi tidak sesuai modul">
                <List size="sm">
                  {plan.warnings.map((w) => (
                    <List.Item key={w.topicId}>{w.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <PlanTable
              groupId={groupId}
              plan={plan}
              dates={dates}
              warned={warned}
              editable={editable}
              onDate={(topicId, v) => setDates((d) => ({ ...d, [topicId]: v }))}
            />
          </>
        )}
      </Loaded>
    </Stack>
  );
}

interface PlanTableProps {
  groupId: number;
  plan: OutputOf<'p2k2.plan.get'>;
  dates: Record<number, string>;
  warned: Set<number>;
  editable: boolean;
  onDate: (topicId: number, value: string) => void;
}

/** The curriculum in teaching order with each topic's planned date and the days it was held. */
function PlanTable({ groupId, plan, dates, warned, editable, onDate }: PlanTableProps) {
  return (
    <Paper withBorder radius="sm">
      <Table aria-label={`Rencana ${plan.year}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>No</Table.Th>
            <Table.Th>Modul</Table.Th>
            <Table.Th>Sesi</Table.Th>
            <Table.Th>Tanggal rencana</Table.Th>
            <Table.Th>Terlaksana</Table.Th>
            {editable && <Table.Th>Daftar hadir</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.rows.map((r) => (
            <Table.Tr key={r.topicId} bg={warned.has(r.topicId) ? 'orange.0' : undefined}>
              <Table.Td>{r.position}</Table.Td>
              <Table.Td>{r.moduleName}</Table.Td>
              <Table.Td>
                {r.topicName}
                {!r.active && (
                  <Text span c="dimmed">
                    {' '}
                    (nonaktif)
                  </Text>
                )}
              </Table.Td>
              <Table.Td w={190}>
                <DateField
                  aria-label={`Tanggal rencana ${r.topicName}`}
                  value={dates[r.topicId] ?? ''}
                  onChange={(v) => onDate(r.topicId, v)}
                  minDate={`${plan.year}-01-01`}
                  maxDate={`${plan.year}-12-31`}
                  disabled={!editable}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>{r.heldOn.map(formatTanggal).join(', ') || '-'}</Table.Td>
              {editable && (
                <Table.Td>
                  {r.plannedOn && (
                    <PlannedSheetButton
                      groupId={groupId}
                      topicId={r.topicId}
                      topicName={r.topicName}
                      day={r.plannedOn}
                    />
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
