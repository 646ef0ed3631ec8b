import {
  Alert,
  Button,
  type ComboboxItem,
  Group,
  Image,
  type OptionsFilter,
  PasswordInput,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { PASSWORD_HINT } from '../../../main/domain/password';
import { regencyMatches } from '../../../main/domain/regency-search';
import { setupSchema } from '../../../main/domain/schemas';
import { ApiError } from '../../api';
import { emptyOffice, OfficeFields, type OfficeValues } from '../settings/OfficeFields';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, zodValidate } from '../shared/errors';

interface SetupValues {
  office: OfficeValues & { regencyCode: string };
  admin: { username: string; fullName: string; password: string; passwordConfirm: string };
}

const STEP_PREFIX = ['office.', 'admin.'] as const;

const validateSchema = zodValidate(setupSchema, (v: SetupValues) => ({
  office: v.office,
  admin: { username: v.admin.username, fullName: v.admin.fullName, password: v.admin.password },
}));

function validateAll(values: SetupValues): FormErrors {
  const errors = validateSchema(values);
  if (values.admin.passwordConfirm !== values.admin.password) {
    errors['admin.passwordConfirm'] = 'Ulangi kata sandi yang sama persis.';
  }
  return errors;
}

const pick = (errors: FormErrors, prefix: string) =>
  Object.fromEntries(Object.entries(errors).filter(([key]) => key.startsWith(prefix)));

/** First run: the office profile (with its kabupaten/kota, which loads the regions), then the first administrator. */
export function SetupWizard() {
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const complete = useApiMutation('setup.complete');
  const form = useForm<SetupValues>({
    initialValues: {
      office: { ...emptyOffice, regencyCode: '' },
      admin: { username: 'admin', fullName: '', password: '', passwordConfirm: '' },
    },
  });

  const regencies = useApi('setup.regencies', {}, { staleTime: Number.POSITIVE_INFINITY });
  const regencyOptions = useMemo(
    () => (regencies.data ?? []).map((r) => ({ value: r.code, label: `${r.name} — ${r.provinceName}` })),
    [regencies.data],
  );
  const regencyLabel = regencyOptions.find((o) => o.value === form.values.office.regencyCode)?.label ?? '';

  /** Checks only the fields of the current step before moving on. */
  const next = () => {
    const errors = pick(validateAll(form.values), STEP_PREFIX[step] ?? '');
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) setStep((s) => s + 1);
  };

  const save = async () => {
    setFailure(null);
    try {
      const { passwordConfirm: _confirm, ...admin } = form.values.admin;
      await complete.mutateAsync({ office: form.values.office, admin });
      notifySuccess(`Aplikasi siap digunakan. Silakan masuk sebagai "${admin.username}".`, 'Penyiapan selesai');
      queryClient.setQueryData(apiKey('setup.status', {}), { done: true });
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        form.setErrors(error.fields);
        // Send the user back to the step that holds the first wrong field.
        const first = Object.keys(error.fields)[0] ?? '';
        const index = STEP_PREFIX.findIndex((p) => first.startsWith(p));
        if (index >= 0) setStep(index);
      }
    }
  };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (step < 2) next();
    else void save();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" mb="lg">
        <Stepper.Step label="Profil kantor" description="Instansi dan kepala dinas">
          <OfficeFields
            form={form}
            prefix="office."
            autoFocus
            regency={<RegencySelect form={form} options={regencyOptions} loading={regencies.isPending} />}
          />
        </Stepper.Step>
        <Stepper.Step label="Administrator" description="Akun pertama">
          <AdminFields form={form} />
        </Stepper.Step>
        <Stepper.Step label="Periksa" description="Ringkasan">
          <Summary values={form.values} regencyLabel={regencyLabel} />
        </Stepper.Step>
      </Stepper>

      {failure && (
        <Alert color="red" mb="md" title="Penyiapan belum berhasil">
          {failure}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0 || complete.isPending}>
          Kembali
        </Button>
        <Button type="submit" loading={complete.isPending}>
          {step < 2 ? 'Lanjut' : 'Simpan dan mulai'}
        </Button>
      </Group>
    </form>
  );
}

/** The office's kabupaten/kota, searched by name in the regions of Kemendagri. */
function RegencySelect({
  form,
  options,
  loading,
}: {
  form: ReturnType<typeof useForm<SetupValues>>;
  options: { value: string; label: string }[];
  loading: boolean;
}) {
  return (
    <Select
      label="Kabupaten/kota"
      placeholder={loading ? 'Memuat daftar wilayah…' : 'Ketik nama kabupaten/kota'}
      withAsterisk
      searchable
      data={options}
      nothingFoundMessage="Tidak ditemukan"
      filter={filterRegencies}
      limit={50}
      description="Data wilayah Kemendagri dari paket idn-area-data (lisensi ODbL)"
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...form.getInputProps('office.regencyCode')}
      onChange={(value) => form.setFieldValue('office.regencyCode', value ?? '')}
    />
  );
}

function AdminFields({ form }: { form: ReturnType<typeof useForm<SetupValues>> }) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Administrator mengelola pengguna lain, profil kantor dan pengaturan. Simpan kata sandinya di tempat aman.
      </Text>
      <TextInput
        label="Nama pengguna"
        description="Huruf kecil, angka, titik, garis bawah atau strip; 3-32 karakter."
        withAsterisk
        autoFocus
        autoComplete="username"
        {...form.getInputProps('admin.username')}
      />
      <TextInput label="Nama lengkap" withAsterisk {...form.getInputProps('admin.fullName')} />
      <PasswordInput
        label="Kata sandi"
        description={PASSWORD_HINT}
        withAsterisk
        autoComplete="new-password"
        {...form.getInputProps('admin.password')}
      />
      <PasswordInput
        label="Ulangi kata sandi"
        withAsterisk
        autoComplete="new-password"
        {...form.getInputProps('admin.passwordConfirm')}
      />
    </Stack>
  );
}

function Summary({ values, regencyLabel }: { values: SetupValues; regencyLabel: string }) {
  const { office, admin } = values;
  const rows: [string, React.ReactNode][] = [
    ['Nama instansi', office.agencyName],
    ['Kabupaten/kota', regencyLabel],
    ['Alamat', office.address],
    ['Telepon', office.phone || '–'],
    ['E-mail', office.email || '–'],
    [
      'Logo',
      office.logo ? <Image key="logo" src={office.logo} alt="Logo" h={40} w="auto" fit="contain" /> : 'Belum ada',
    ],
    ['Kepala dinas', office.headName],
    ['Pangkat/golongan', office.headRank || '–'],
    [
      'NIP',
      <Text key="NIP" span ff="monospace" inherit>
        {office.headNip}
      </Text>,
    ],
    ['Administrator', `${admin.fullName} (${admin.username})`],
  ];
  return (
    <Stack gap="sm">
      <Text size="sm">
        Periksa data berikut. Kabupaten/kota tidak dapat diubah setelah disimpan karena daftar kecamatan dan desa dimuat
        untuknya.
      </Text>
      <Table withTableBorder variant="vertical" layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** "kab pamekasan", "kab. pamekasan" and "kt. pekalongan" find the official "Kabupaten ..."/"Kota ..." names. */
const filterRegencies: OptionsFilter = ({ options, search }) =>
  (options as ComboboxItem[]).filter((option) => regencyMatches(option.label, search));
