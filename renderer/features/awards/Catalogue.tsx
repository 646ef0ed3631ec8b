import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AwardItem } from '../../../main/api/awards.contract';
import { type CatalogueItemInput, catalogueItemSchema } from '../../../main/domain/awards';
import { AWARD_DUTIES } from '../../../main/domain/duties';
import { formatRupiah } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { MoneyInput } from '../shared/MoneyInput';

/** "Katalog barang": the goods packages are made of; a new price applies to awards planned from then on. */
export function Catalogue() {
  const { can } = useSession();
  const query = useApi('awards.items', {});
  const [editing, setEditing] = useState<AwardItem | null | 'new'>(null);
  const mayEdit = can(AWARD_DUTIES.plan);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          Perubahan harga hanya berlaku untuk bantuan yang direncanakan sesudahnya; bantuan yang sudah ada tetap pada
          harga saat diberikan.
        </Text>
        {mayEdit && <Button onClick={() => setEditing('new')}>Tambah barang</Button>}
      </Group>
      <Paper withBorder>
        <Loaded query={query} label="Memuat katalog">
          {(items) => (
            <Table aria-label="Katalog barang" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nama barang</Table.Th>
                  <Table.Th>Satuan</Table.Th>
                  <Table.Th ta="right">Harga satuan</Table.Th>
                  <Table.Th>Pemasok</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {mayEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.name}</Table.Td>
                    <Table.Td>{item.unit}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(item.unitPrice)}</Table.Td>
                    <Table.Td>{item.supplier || '–'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={item.active ? 'teal' : 'gray'}>
                        {item.active ? 'Aktif' : 'Nonaktif'}
                      </Badge>
                    </Table.Td>
                    {mayEdit && (
                      <Table.Td ta="right">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setEditing(item)}
                          aria-label={`Ubah ${item.name}`}
                        >
                          Ubah
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Loaded>
        {query.data?.length === 0 && (
          <Text p="md" size="sm" c="dimmed">
            Katalog masih kosong.
          </Text>
        )}
      </Paper>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing && editing !== 'new' ? `Ubah barang: ${editing.name}` : 'Tambah barang'}
        size="lg"
      >
        {editing !== null && <ItemForm editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

/** An emptied price is null until the schema says it is missing. */
type Values = Omit<CatalogueItemInput, 'id' | 'unitPrice'> & { unitPrice: number | null };

function ItemForm({ editing, onDone }: { editing: AwardItem | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('awards.saveItem');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      name: editing?.name ?? '',
      unit: editing?.unit ?? 'unit',
      unitPrice: editing?.unitPrice ?? null,
      supplier: editing?.supplier ?? '',
      active: editing?.active ?? true,
    },
    validate: zodValidate(catalogueItemSchema),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await save.mutateAsync(catalogueItemSchema.parse({ ...values, id: editing?.id }));
      await queryClient.invalidateQueries({ queryKey: ['awards.items'] });
      notifySuccess(`${saved.name} disimpan di katalog.`);
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Nama barang" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <TextInput label="Satuan" withAsterisk placeholder="unit, paket, buah" {...form.getInputProps('unit')} />
          <MoneyInput label="Harga satuan" withAsterisk {...form.getInputProps('unitPrice')} />
        </SimpleGrid>
        <TextInput label="Pemasok" placeholder="Boleh kosong" {...form.getInputProps('supplier')} />
        <Switch label="Aktif (dapat dipilih untuk paket)" {...form.getInputProps('active', { type: 'checkbox' })} />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button type="submit" loading={save.isPending}>
            Simpan barang
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
