import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FamilyCommitments } from '../../../main/api/verkom.contract';
import { VERKOM_DUTIES } from '../../../main/domain/duties';
import { todayIso } from '../../../main/domain/format';
import { HEALTH_KIND_LABEL, HEALTH_KINDS, type HealthKind } from '../../../main/domain/verkom';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

interface Person {
  id: number | null;
  nama: string;
}

const percent = (bp: number) => `${String(bp / 100).replace('.', ',')}%`;

/** The family page's verifikasi komitmen: each month's school attendance and health visits, and a visit by hand. */
export function FamilyCommitmentsCard({ kpmId, people }: { kpmId: number; people: Person[] }) {
  const record = useApi('verkom.family', { kpmId });
  const session = useSession();
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" mt="md">
      <Title id={id} order={2} size="h4" mb="sm">
        Verifikasi komitmen
      </Title>
      <Loaded query={record} label="Memuat verifikasi komitmen">
        {(data) => <CommitmentTables data={data} />}
      </Loaded>
      {session.can(VERKOM_DUTIES.record) && <HealthForm kpmId={kpmId} people={people} />}
    </Paper>
  );
}

function CommitmentTables({ data }: { data: FamilyCommitments }) {
  if (data.education.length === 0 && data.health.length === 0) {
    return <Text size="sm">Belum ada catatan komitmen pendidikan atau kesehatan.</Text>;
  }
  return (
    <Stack gap="sm">
      {data.education.length > 0 && (
        <Table aria-label="Komitmen pendidikan per bulan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Bulan</Table.Th>
              <Table.Th>Siswa</Table.Th>
              <Table.Th>Sekolah</Table.Th>
              <Table.Th ta="right">Alpa/Izin/Sakit</Table.Th>
              <Table.Th ta="right">Kehadiran</Table.Th>
              <Table.Th>Komitmen</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.education.map((e) => (
              <Table.Tr key={`${e.artId}-${e.month}`}>
                <Table.Td>{e.month}</Table.Td>
                <Table.Td>{e.nama}</Table.Td>
                <Table.Td>{e.schoolName}</Table.Td>
                <Table.Td ta="right">{`${e.alpa}/${e.izin}/${e.sakit}`}</Table.Td>
                <Table.Td ta="right">{percent(e.attendanceBp)}</Table.Td>
                <Table.Td>
                  <Badge color={e.met ? 'teal' : 'red'} variant="light">
                    {e.met ? 'Terpenuhi' : 'Tidak terpenuhi'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data.health.length > 0 && (
        <Table aria-label="Komitmen kesehatan per bulan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Bulan</Table.Th>
              <Table.Th>Nama</Table.Th>
              <Table.Th>Jenis</Table.Th>
              <Table.Th>Kehadiran</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.health.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{h.month}</Table.Td>
                <Table.Td>{h.nama}</Table.Td>
                <Table.Td>{HEALTH_KIND_LABEL[h.kind as HealthKind]}</Table.Td>
                <Table.Td>
                  <Badge color={h.attended ? 'teal' : 'red'} variant="light">
                    {h.attended ? 'Hadir' : 'Tidak hadir'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function HealthForm({ kpmId, people }: { kpmId: number; people: Person[] }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('verkom.health.record');
  const [person, setPerson] = useState('');
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [kind, setKind] = useState<HealthKind>('posyandu');
  const [attended, setAttended] = useState('ya');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await save.mutateAsync({
        kpmId,
        memberId: person ? Number(person) : null,
        month,
        kind,
        attended: attended === 'ya',
      });
      await queryClient.invalidateQueries({ queryKey: ['verkom.family'] });
      notifySuccess('Komitmen kesehatan dicatat.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" mt="md" gap="xs">
        <NativeSelect
          label="Nama"
          value={person}
          onChange={(e) => setPerson(e.currentTarget.value)}
          data={people.map((p) => ({ value: p.id === null ? '' : String(p.id), label: p.nama }))}
        />
        <TextInput
          label="Bulan (TTTT-BB)"
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          w={130}
          error={error}
        />
        <NativeSelect
          label="Jenis pemeriksaan"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as HealthKind)}
          data={HEALTH_KINDS.map((k) => ({ value: k, label: HEALTH_KIND_LABEL[k] }))}
        />
        <NativeSelect
          label="Kehadiran"
          value={attended}
          onChange={(e) => setAttended(e.currentTarget.value)}
          data={[
            { value: 'ya', label: 'Hadir' },
            { value: 'tidak', label: 'Tidak hadir' },
          ]}
        />
        <Button type="submit" loading={save.isPending}>
          Catat
        </Button>
      </Group>
    </form>
  );
}
