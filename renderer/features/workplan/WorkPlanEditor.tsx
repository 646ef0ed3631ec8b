import { Alert, Badge, Button, Center, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { WorkPlanItemRow, WorkPlanView } from '../../../main/api/workplan.contract';
import { WORK_PLAN_DUTIES } from '../../../main/domain/duties';
import { formatHari, formatTanggal } from '../../../main/domain/format';
import { monthLabel, WORK_PLAN_KIND_LABEL } from '../../../main/domain/workplan';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { ItemFormModal } from './ItemFormModal';
import { OutcomeModal } from './OutcomeModal';
import { ReopenModal } from './ReopenModal';
import { useRefreshWorkPlans } from './use-workplan';
import { WorkPlanPrintButton } from './WorkPlanPrintButton';

/** One pendamping's plan of one month: draft it, complete it, submit it, then mark what was done. */
export function WorkPlanEditor({ pendampingId, month }: { pendampingId: number; month: string }) {
  const query = useApi('workPlans.get', { pendampingId, month });
  return (
    <Loaded query={query} label="Memuat rencana kerja" errorTitle="Rencana kerja tidak dapat dibuka">
      {(view) => <PlanContent view={view} />}
    </Loaded>
  );
}

function StatusLine({ view }: { view: WorkPlanView }) {
  const { plan, deadline } = view;
  const late = plan?.late ?? view.pastDeadline;
  return (
    <Group gap="xs">
      {plan?.status === 'submitted' ? (
        <Badge color={late ? 'orange' : 'green'}>{late ? 'Diajukan terlambat' : 'Diajukan'}</Badge>
      ) : (
        <Badge color={plan ? 'gray' : 'red'} variant="light">
          {plan ? 'Draf' : 'Belum ada rencana'}
        </Badge>
      )}
      <Text size="sm" c={late && plan?.status !== 'submitted' ? 'red' : 'dimmed'}>
        Batas pengajuan {formatTanggal(deadline)}
        {late && plan?.status !== 'submitted' ? ' (sudah lewat)' : ''}
      </Text>
    </Group>
  );
}

/** The plan's buttons by its state and the user's duties: draft, add, submit (asked first), reopen, print. */
function PlanActions({ view, onAdd }: { view: WorkPlanView; onAdd: () => void }) {
  const { can } = useSession();
  const refresh = useRefreshWorkPlans();
  const draft = useApiMutation('workPlans.draft');
  const submit = useApiMutation('workPlans.submit');
  const [confirming, setConfirming] = useState(false);
  const [reopening, setReopening] = useState(false);
  const { plan, items } = view;
  const isDraft = plan === null || plan.status === 'draft';
  const mayEdit = can(WORK_PLAN_DUTIES.edit);
  const runDraft = () =>
    draft.mutate(
      { pendampingId: view.pendampingId, month: view.month },
      {
        onSuccess: async (result) => {
          await refresh();
          notifySuccess(
            `Draf disusun: ${result.added} kegiatan ditambahkan dari data aplikasi.` +
              (result.leftOut > 0 ? ` ${result.leftOut} kegiatan yang sudah dihapus tidak ditambahkan lagi.` : ''),
          );
        },
        onError: (e) => notifyError(e, 'Draf tidak dapat disusun'),
      },
    );
  const runSubmit = () =>
    submit.mutate(
      { id: plan?.id as number },
      {
        onSuccess: async (result) => {
          setConfirming(false);
          await refresh();
          notifySuccess(result.late ? 'Rencana kerja diajukan (terlambat).' : 'Rencana kerja diajukan.');
        },
        onError: (e) => {
          setConfirming(false);
          notifyError(e, 'Rencana kerja tidak dapat diajukan');
        },
      },
    );
  return (
    <Group gap="xs">
      {mayEdit && isDraft && (
        <Button variant="light" onClick={runDraft} loading={draft.isPending}>
          Susun draf
        </Button>
      )}
      {mayEdit && isDraft && plan && (
        <Button variant="default" onClick={onAdd}>
          Tambah kegiatan
        </Button>
      )}
      {mayEdit && isDraft && plan && (
        <Button onClick={() => setConfirming(true)} disabled={items.length === 0}>
          Ajukan rencana
        </Button>
      )}
      {can(WORK_PLAN_DUTIES.reopen) && plan?.status === 'submitted' && (
        <Button variant="default" color="orange" onClick={() => setReopening(true)}>
          Buka kembali
        </Button>
      )}
      {plan && <WorkPlanPrintButton pendampingId={view.pendampingId} month={view.month} />}
      <ConfirmModal
        opened={confirming}
        title="Ajukan rencana kerja"
        confirmLabel="Ajukan"
        color="blue"
        loading={submit.isPending}
        onConfirm={runSubmit}
        onClose={() => setConfirming(false)}
      >
        Ajukan rencana kerja {monthLabel(view.month)} dengan {items.length} kegiatan? Setelah diajukan, kegiatan tidak
        dapat diubah lagi kecuali operator membukanya kembali.
      </ConfirmModal>
      {plan && <ReopenModal planId={plan.id} opened={reopening} onClose={() => setReopening(false)} />}
    </Group>
  );
}

function PlanContent({ view }: { view: WorkPlanView }) {
  const { can } = useSession();
  const [editing, setEditing] = useState<WorkPlanItemRow | 'new' | null>(null);
  const { plan, items, achievement: a } = view;
  const isDraft = plan === null || plan.status === 'draft';
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <StatusLine view={view} />
        <PlanActions view={view} onAdd={() => setEditing('new')} />
      </Group>
      {plan?.status === 'submitted' && (
        <Text size="sm" aria-label="Direncanakan vs terlaksana">
          Direncanakan {a.planned} kegiatan · terlaksana {a.done} · tidak terlaksana {a.notDone} · belum dicatat{' '}
          {a.unmarked}
          {a.percent !== null && ` · capaian ${a.percent}%`}
        </Text>
      )}
      <Paper withBorder radius="sm">
        {items.length === 0 ? (
          <Center p="lg">
            <Text c="dimmed">
              {plan
                ? 'Belum ada kegiatan. Susun draf dari data aplikasi atau tambahkan kegiatan.'
                : `Belum ada rencana kerja ${monthLabel(view.month)}. Mulai dengan "Susun draf".`}
            </Text>
          </Center>
        ) : (
          <ItemTable items={items} isDraft={isDraft} mayEdit={can(WORK_PLAN_DUTIES.edit)} onEdit={setEditing} />
        )}
      </Paper>
      {plan && (
        <ItemFormModal
          planId={plan.id}
          month={view.month}
          item={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function ItemTable({
  items,
  isDraft,
  mayEdit,
  onEdit,
}: {
  items: WorkPlanItemRow[];
  isDraft: boolean;
  mayEdit: boolean;
  onEdit: (item: WorkPlanItemRow) => void;
}) {
  const [notDone, setNotDone] = useState<WorkPlanItemRow | null>(null);
  return (
    <>
      <Table striped aria-label="Kegiatan rencana kerja">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Hari, tanggal</Table.Th>
            <Table.Th>Jenis kegiatan</Table.Th>
            <Table.Th>Uraian</Table.Th>
            <Table.Th>Tempat</Table.Th>
            <Table.Th>{isDraft ? '' : 'Pelaksanaan'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatHari(item.date)}, {formatTanggal(item.date)}
              </Table.Td>
              <Table.Td>{WORK_PLAN_KIND_LABEL[item.kind]}</Table.Td>
              <Table.Td>{item.title}</Table.Td>
              <Table.Td>{item.place || '–'}</Table.Td>
              <Table.Td>
                {isDraft ? (
                  mayEdit && <DraftActions item={item} onEdit={onEdit} />
                ) : (
                  <OutcomeCell item={item} mayEdit={mayEdit} onNotDone={setNotDone} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <OutcomeModal item={notDone} onClose={() => setNotDone(null)} />
    </>
  );
}

function DraftActions({ item, onEdit }: { item: WorkPlanItemRow; onEdit: (item: WorkPlanItemRow) => void }) {
  const remove = useApiMutation('workPlans.removeItem');
  const refresh = useRefreshWorkPlans();
  const [confirming, setConfirming] = useState(false);
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="compact-sm" variant="subtle" onClick={() => onEdit(item)} aria-label={`Ubah ${item.title}`}>
        Ubah
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={() => setConfirming(true)}
        aria-label={`Hapus ${item.title}`}
      >
        Hapus
      </Button>
      <ConfirmModal
        opened={confirming}
        title="Hapus kegiatan"
        confirmLabel="Hapus"
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(
            { id: item.id },
            {
              onSuccess: async () => {
                setConfirming(false);
                await refresh();
                notifySuccess('Kegiatan dihapus.');
              },
              onError: (e) => notifyError(e, 'Kegiatan tidak dapat dihapus'),
            },
          )
        }
      >
        Hapus kegiatan "{item.title}" ({formatTanggal(item.date)}) dari rencana?
        {item.drafted && ' Kegiatan ini dari draf: "Susun draf" berikutnya tidak akan menambahkannya lagi.'}
      </ConfirmModal>
    </Group>
  );
}

function OutcomeCell({
  item,
  mayEdit,
  onNotDone,
}: {
  item: WorkPlanItemRow;
  mayEdit: boolean;
  onNotDone: (item: WorkPlanItemRow) => void;
}) {
  const mark = useApiMutation('workPlans.markOutcome');
  const refresh = useRefreshWorkPlans();
  const [error, setError] = useState<string | null>(null);
  const label =
    item.outcome === 'done' ? (
      <Badge color="green">Terlaksana</Badge>
    ) : item.outcome === 'not_done' ? (
      <Stack gap={0}>
        <Badge color="red">Tidak terlaksana</Badge>
        <Text size="xs">{item.outcomeReason}</Text>
      </Stack>
    ) : (
      <Text size="sm" c="dimmed">
        Belum dicatat
      </Text>
    );
  if (!mayEdit) return label;
  const done = () =>
    mark.mutate(
      { id: item.id, outcome: 'done' },
      { onSuccess: () => refresh(), onError: (e) => setError(errorMessage(e)) },
    );
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between">
      {label}
      <Group gap={4} wrap="nowrap">
        {item.outcome !== 'done' && (
          <Button size="compact-sm" variant="light" color="green" onClick={done} loading={mark.isPending}>
            Terlaksana
          </Button>
        )}
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => onNotDone(item)}>
          Tidak terlaksana
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
    </Group>
  );
}
