import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HeadSignatory, Signatory } from '../../../main/api/documents.contract';
import { type SignatoryInput, signatorySchema } from '../../../main/domain/documents';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';

interface Props {
  head: HeadSignatory;
  signatories: Signatory[];
  readOnly: boolean;
  /** Opens the office profile tab, where the Kepala Dinas is changed. */
  onOpenOffice: () => void;
}

/** The Kepala Dinas (from the office profile) and the other signatories, e.g. a.n. Kepala Dinas, Kepala Bidang. */
export function SignatoriesEditor({ head, signatories, readOnly, onOpenOffice }: Props) {
  const [editing, setEditing] = useState<Signatory | 'new' | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h5">
          Penandatangan
        </Title>
        {!readOnly && (
          <Button size="xs" variant="default" onClick={() => setEditing('new')}>
            Tambah penandatangan
          </Button>
        )}
      </Group>
      <Table aria-label="Penandatangan" layout="fixed" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Jabatan</Table.Th>
            <Table.Th w={220}>Nama</Table.Th>
            <Table.Th w={180}>Pangkat/golongan</Table.Th>
            <Table.Th w={170}>NIP</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Text size="sm">{head.position}</Text>
              <Text size="xs" c="dimmed">
                Dari profil kantor;{' '}
                <Anchor component="button" type="button" size="xs" onClick={onOpenOffice}>
                  ubah di tab Profil kantor
                </Anchor>
              </Text>
            </Table.Td>
            <Table.Td fz="sm">{head.name || '–'}</Table.Td>
            <Table.Td fz="sm">{head.rank || '–'}</Table.Td>
            <Table.Td fz="sm" ff="monospace">
              {head.nip || '–'}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
          {signatories.map((s) => (
            <Table.Tr key={s.id} c={s.active ? undefined : 'dimmed'}>
              <Table.Td>
                {s.onBehalfOf && <Text size="xs">{s.onBehalfOf}</Text>}
                <Text size="sm">{s.position}</Text>
                {!s.active && (
                  <Badge color="gray" variant="light" size="sm" tt="none">
                    Nonaktif
                  </Badge>
                )}
              </Table.Td>
              <Table.Td fz="sm">{s.name}</Table.Td>
              <Table.Td fz="sm">{s.rank || '–'}</Table.Td>
              <Table.Td fz="sm" ff="monospace">
                {s.nip || '–'}
              </Table.Td>
              <Table.Td>
                {!readOnly && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditing(s)}
                    aria-label={`Ubah ${s.name}`}
                  >
                    Ubah
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <SignatoryModal signatory={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function SignatoryModal({ signatory, onClose }: { signatory: Signatory | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('documents.saveSignatory');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignatoryInput>({
    initialValues: {
      id: signatory?.id,
      onBehalfOf: signatory?.onBehalfOf ?? '',
      position: signatory?.position ?? '',
      name: signatory?.name ?? '',
      rank: signatory?.rank ?? '',
      nip: signatory?.nip ?? '',
      active: signatory?.active ?? true,
    },
    validate: zodValidate(signatorySchema),
  });
  const store = async (values: SignatoryInput) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: ['documents.settings'] });
      notifySuccess(`Penandatangan ${values.name} disimpan.`);
      onClose();
    } catch (error) {
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
      setFailure(errorMessage(error));
    }
  };
  // Signatories are never deleted (issued letters name them): they are switched off.
  const toggle = () => store({ ...form.values, active: !form.values.active });
  return (
    <Modal opened onClose={onClose} title={signatory ? `Ubah penandatangan` : 'Tambah penandatangan'} size="lg">
      <form onSubmit={form.onSubmit(store)} noValidate>
        <Stack>
          <TextInput
            label="Atas nama (a.n.)"
            description="Mis. a.n. Kepala Dinas Sosial; kosongkan bila menandatangani atas jabatannya sendiri"
            {...form.getInputProps('onBehalfOf')}
          />
          <TextInput
            label="Jabatan"
            withAsterisk
            placeholder="Kepala Bidang Perlindungan dan Jaminan Sosial"
            {...form.getInputProps('position')}
          />
          <TextInput
            label="Nama"
            withAsterisk
            placeholder="Nama lengkap dengan gelar"
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={2}>
            <TextInput label="Pangkat/golongan" placeholder="Pembina (IV/a)" {...form.getInputProps('rank')} />
            <TextInput label="NIP" {...form.getInputProps('nip')} />
          </SimpleGrid>
          {failure && <Alert color="red">{failure}</Alert>}
          <Group justify="space-between">
            {signatory ? (
              <Button variant="subtle" color={form.values.active ? 'red' : 'teal'} onClick={toggle}>
                {form.values.active ? 'Nonaktifkan' : 'Aktifkan kembali'}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                Batal
              </Button>
              <Button type="submit" loading={save.isPending}>
                Simpan
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
