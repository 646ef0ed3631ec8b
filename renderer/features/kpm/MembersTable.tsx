import { ActionIcon, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { HUBUNGAN_LABEL } from '../../../main/domain/enums';
import { MEMBER_FIELDS } from '../../../main/domain/fields';
import { DateField } from '../shared/DateField';
import { monoInput } from '../shared/styles';
import type { WarningFor } from './field-warnings';
import { emptyMember, fillFromNik, type KpmFormApi } from './kpm-form-values';
import { komponenOptions } from './labels';
import { maskedProps } from './masked-nik';

const hubunganOptions = [
  { value: '', label: 'Pilih…' },
  ...Object.entries(HUBUNGAN_LABEL).map(([value, label]) => ({ value, label })),
];
const sexOptions = [
  { value: 'L', label: 'L' },
  { value: 'P', label: 'P' },
];
const memberKomponenOptions = [{ value: '', label: 'Tidak ada' }, ...komponenOptions];

const path = (i: number, field: string) => `members.${i}.${field}`;

interface Props {
  form: KpmFormApi;
  warningFor: WarningFor;
}

/** The family's other members (ART), one editable row each. */
export function MembersTable({ form, warningFor }: Props) {
  const members = form.values.members;
  const add = () => {
    form.insertListItem('members', emptyMember());
    // The keyboard goes on in the new row: its first field, not back to the top of the form.
    requestAnimationFrame(() => form.getInputNode(path(members.length, 'nik'))?.focus());
  };

  return (
    <Stack gap="xs">
      {members.length === 0 ? (
        <Text size="sm" c="dimmed">
          Belum ada anggota selain pengurus. Tambahkan anak, suami, lansia atau anggota lain yang tercantum di KK.
        </Text>
      ) : (
        <Table layout="fixed" verticalSpacing={6} withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>No</Table.Th>
              <Table.Th w={200}>NIK</Table.Th>
              <Table.Th w={130}>NISN</Table.Th>
              <Table.Th>Nama</Table.Th>
              <Table.Th w={140}>Hubungan</Table.Th>
              <Table.Th w={160}>Tanggal lahir</Table.Th>
              <Table.Th w={84} title="Jenis kelamin">
                JK
              </Table.Th>
              <Table.Th w={210}>Komponen</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m, i) => (
              <MemberRow key={m.key} form={form} warningFor={warningFor} member={m} index={i} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="light" size="xs" onClick={add}>
          + Tambah anggota
        </Button>
      </Group>
    </Stack>
  );
}

type Member = KpmFormApi['values']['members'][number];

/** One member: NIK (filling birth date and sex when changed), name, relation, birth date, sex and komponen. */
function MemberRow({ form, warningFor, member: m, index: i }: Props & { member: Member; index: number }) {
  const input = (i: number, field: string) => form.getInputProps(path(i, field));
  const n = i + 1;
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td pt={12}>{n}</Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${MEMBER_FIELDS.nik.label} ${n}`}
          placeholder="boleh kosong"
          inputMode="numeric"
          styles={monoInput}
          description={warningFor(path(i, 'nik'))}
          inputWrapperOrder={['input', 'description', 'error']}
          {...input(i, 'nik')}
          {...maskedProps(m.nik)}
          onBlur={() => {
            if (!form.isDirty(path(i, 'nik'))) return;
            const filled = fillFromNik(m.nik, m);
            if (filled) {
              form.setFieldValue(path(i, 'tanggalLahir'), filled.tanggalLahir);
              form.setFieldValue(path(i, 'jenisKelamin'), filled.jenisKelamin);
            }
          }}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${MEMBER_FIELDS.nisn.label} ${n}`}
          placeholder="boleh kosong"
          inputMode="numeric"
          maxLength={MEMBER_FIELDS.nisn.max}
          styles={monoInput}
          {...input(i, 'nisn')}
        />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={`${MEMBER_FIELDS.nama.label} ${n}`} {...input(i, 'nama')} />
      </Table.Td>
      <Table.Td>
        <NativeSelect aria-label={`Hubungan anggota ${n}`} data={hubunganOptions} {...input(i, 'hubungan')} />
      </Table.Td>
      <Table.Td>
        <DateField
          aria-label={`${MEMBER_FIELDS.tanggalLahir.label} ${n}`}
          description={warningFor(path(i, 'tanggalLahir'))}
          inputWrapperOrder={['input', 'description', 'error']}
          {...input(i, 'tanggalLahir')}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`${MEMBER_FIELDS.jenisKelamin.label} ${n}`}
          data={sexOptions}
          description={warningFor(path(i, 'jenisKelamin'))}
          inputWrapperOrder={['input', 'description', 'error']}
          {...input(i, 'jenisKelamin')}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`${MEMBER_FIELDS.komponen.label} ${n}`}
          data={memberKomponenOptions}
          description={warningFor(path(i, 'komponen'))}
          inputWrapperOrder={['input', 'description', 'error']}
          {...input(i, 'komponen')}
        />
      </Table.Td>
      <Table.Td pt={10}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Hapus anggota ${n}`}
          title="Hapus anggota"
          onClick={() => form.removeListItem('members', i)}
        >
          ✕
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
