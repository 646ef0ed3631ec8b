import { Alert, Badge, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InputOf, OutputOf } from '../../../main/api/contract';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

const KIND_LABEL = { graduasi_mandiri: 'Graduasi', graduasi_alamiah: 'Graduasi', lainnya: 'Keluar' } as const;

/** The exit types: builtin ones are fixed; the office's own can be added, renamed and switched off. */
export function ExitTypesSettings() {
  const queryClient = useQueryClient();
  const types = useApi('graduation.exitTypes', {});
  const add = useApiMutation('graduation.exitTypeAdd');
  const update = useApiMutation('graduation.exitTypeUpdate');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>, message: string) => {
    setFailure(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['graduation.exitTypes'] });
      notifySuccess(message);
      return true;
    } catch (error) {
      setFailure(errorMessage(error));
      return false;
    }
  };
  return (
    <Stack>
      <Text size="sm">
        Jenis keluar dipakai saat mencatat KPM keluar. Jenis bawaan tidak dapat diubah; jenis tambahan kantor dapat
        diganti nama atau dinonaktifkan.
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nama</Table.Th>
            <Table.Th w={110}>Jenis</Table.Th>
            <Table.Th w={110}>Aktif</Table.Th>
            <Table.Th w={220} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(types.data ?? []).map((t) => (
            <ExitTypeRow
              key={t.id}
              type={t}
              editing={editing}
              onEdit={setEditing}
              onRun={run}
              onUpdate={update.mutateAsync}
            />
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput label="Jenis keluar baru" value={name} onChange={(e) => setName(e.currentTarget.value)} w={360} />
        <Button
          loading={add.isPending}
          onClick={async () => {
            if (await run(() => add.mutateAsync({ name }), `Jenis keluar "${name.trim()}" ditambahkan.`)) setName('');
          }}
        >
          Tambah
        </Button>
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
    </Stack>
  );
}

type ExitType = OutputOf<'graduation.exitTypes'>[number];
type Editing = { id: number; name: string };

/** One exit type: its name (editable for the office's own), kind, and its switch. */
function ExitTypeRow({
  type: t,
  editing,
  onEdit,
  onRun,
  onUpdate,
}: {
  type: ExitType;
  editing: Editing | null;
  onEdit: (editing: Editing | null) => void;
  onRun: (work: () => Promise<unknown>, message: string) => Promise<boolean>;
  onUpdate: (input: InputOf<'graduation.exitTypeUpdate'>) => Promise<unknown>;
}) {
  return (
    <Table.Tr>
      <Table.Td>
        {editing?.id === t.id ? (
          <TextInput
            aria-label={`Nama baru ${t.name}`}
            value={editing.name}
            onChange={(e) => onEdit({ id: t.id, name: e.currentTarget.value })}
          />
        ) : (
          t.name
        )}{' '}
        {t.builtin && (
          <Badge size="xs" variant="light" color="gray">
            bawaan
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{KIND_LABEL[t.kind]}</Table.Td>
      <Table.Td>
        <Switch
          aria-label={`Aktif: ${t.name}`}
          checked={t.active}
          disabled={t.builtin}
          onChange={(e) => {
            const active = e.currentTarget.checked;
            void onRun(() => onUpdate({ id: t.id, active }), `${t.name} ${active ? 'diaktifkan' : 'dinonaktifkan'}.`);
          }}
        />
      </Table.Td>
      <Table.Td>
        {!t.builtin &&
          (editing?.id === t.id ? (
            <Group gap="xs">
              <Button
                size="xs"
                onClick={async () => {
                  if (await onRun(() => onUpdate(editing), 'Nama jenis keluar diubah.')) onEdit(null);
                }}
              >
                Simpan
              </Button>
              <Button size="xs" variant="default" onClick={() => onEdit(null)}>
                Batal
              </Button>
            </Group>
          ) : (
            <Button size="xs" variant="default" onClick={() => onEdit({ id: t.id, name: t.name })}>
              Ganti nama
            </Button>
          ))}
      </Table.Td>
    </Table.Tr>
  );
}
