import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { P2K2_DUTIES } from '../../../main/domain/duties';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { useP2k2Refresh } from './use-p2k2-refresh';

type Module = OutputOf<'p2k2.curriculum.list'>[number];
type Editing =
  | { kind: 'module' | 'topic'; id: number; name: string }
  | { kind: 'add'; moduleId: number | null; name: string; moduleName: string };

/** The modules and their topics; the administrator renames, adds and switches them off (nothing is deleted). */
export function CurriculumEditor() {
  const { can } = useSession();
  const editable = can(P2K2_DUTIES.curriculum);
  const query = useApi('p2k2.curriculum.list', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const setActive = useApiMutation('p2k2.curriculum.setActive');
  const refresh = useP2k2Refresh();
  const toggle = (kind: 'module' | 'topic', id: number, active: boolean) =>
    setActive.mutate({ kind, id, active }, { onSuccess: () => refresh(), onError: (e) => notifyError(e) });

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Materi yang dinonaktifkan tidak dapat dipilih untuk pertemuan baru; pertemuan yang sudah dicatat tetap menyebut
        materinya.
      </Text>
      {editable && (
        <Group>
          <Button
            variant="default"
            onClick={() => setEditing({ kind: 'add', moduleId: null, name: '', moduleName: '' })}
          >
            Tambah modul
          </Button>
        </Group>
      )}
      <Loaded query={query} label="Memuat materi">
        {(modules) => (
          <>
            {modules.map((m) => (
              <ModuleCard key={m.id} module={m} editable={editable} onEdit={setEditing} onToggle={toggle} />
            ))}
          </>
        )}
      </Loaded>
      <EditModal editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function ModuleCard({
  module,
  editable,
  onEdit,
  onToggle,
}: {
  module: Module;
  editable: boolean;
  onEdit: (e: Editing) => void;
  onToggle: (kind: 'module' | 'topic', id: number, active: boolean) => void;
}) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={2} size="h5">
            {module.sortOrder}. {module.name}
          </Title>
          {!module.active && <Badge color="gray">nonaktif</Badge>}
        </Group>
        {editable && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="subtle"
              onClick={() => onEdit({ kind: 'module', id: module.id, name: module.name })}
            >
              Ganti nama modul
            </Button>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => onEdit({ kind: 'add', moduleId: module.id, name: '', moduleName: module.name })}
            >
              Tambah sesi
            </Button>
            <Switch
              label="Aktif"
              checked={module.active}
              onChange={(e) => onToggle('module', module.id, e.currentTarget.checked)}
              aria-label={`Modul ${module.name} aktif`}
            />
          </Group>
        )}
      </Group>
      <Table aria-label={`Sesi modul ${module.name}`}>
        <Table.Tbody>
          {module.topics.map((t, i) => (
            <Table.Tr key={t.id} c={t.active ? undefined : 'dimmed'}>
              <Table.Td w={40}>{i + 1}</Table.Td>
              <Table.Td>
                {t.name} {!t.active && <Badge color="gray">nonaktif</Badge>}
              </Table.Td>
              {editable && (
                <Table.Td w={200}>
                  <Group gap="xs" justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Ganti nama ${t.name}`}
                      onClick={() => onEdit({ kind: 'topic', id: t.id, name: t.name })}
                    >
                      ✎
                    </ActionIcon>
                    <Switch
                      checked={t.active}
                      onChange={(e) => onToggle('topic', t.id, e.currentTarget.checked)}
                      aria-label={`Sesi ${t.name} aktif`}
                    />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function EditModal({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  const [name, setName] = useState('');
  const [moduleName, setModuleName] = useState('');
  const rename = useApiMutation('p2k2.curriculum.rename');
  const add = useApiMutation('p2k2.curriculum.add');
  const refresh = useP2k2Refresh();
  const done = {
    onSuccess: async () => {
      await refresh();
      notifySuccess('Materi disimpan.');
      onClose();
    },
    onError: (e: Error) => notifyError(e),
  };
  const key = editing ? `${editing.kind}-${'id' in editing ? editing.id : editing.moduleId}` : '';
  const [openedKey, setOpenedKey] = useState('');
  if (editing && openedKey !== key) {
    setOpenedKey(key);
    setName(editing.name);
    setModuleName('');
  }
  const save = () => {
    if (!editing) return;
    if (editing.kind === 'add') {
      add.mutate(editing.moduleId ? { moduleId: editing.moduleId, name } : { moduleName, name }, done);
    } else rename.mutate({ kind: editing.kind, id: editing.id, name }, done);
  };
  const title = !editing
    ? ''
    : editing.kind === 'add'
      ? editing.moduleId
        ? `Tambah sesi ke ${editing.moduleName}`
        : 'Tambah modul'
      : 'Ganti nama';
  return (
    <Modal
      opened={editing !== null}
      onClose={() => {
        setOpenedKey('');
        onClose();
      }}
      title={title}
    >
      <Stack>
        {editing?.kind === 'add' && !editing.moduleId && (
          <TextInput
            label="Nama modul"
            value={moduleName}
            onChange={(e) => setModuleName(e.currentTarget.value)}
            data-autofocus
          />
        )}
        <TextInput
          label={editing?.kind === 'module' ? 'Nama modul' : 'Nama sesi'}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && save()}
          data-autofocus={editing?.kind !== 'add' || !!editing.moduleId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={save} loading={rename.isPending || add.isPending}>
            Simpan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
