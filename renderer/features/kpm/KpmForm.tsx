import {
  Button,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import type { FieldWarning } from '../../../main/api/kpm.contract';
import { KPM_FIELDS, NUMBER_FIELDS, numberSpec } from '../../../main/domain/fields';
import { todayIso } from '../../../main/domain/format';
import { DEFAULT_YEARLY_BENEFIT, familyBenefit } from '../../../main/domain/komponen';
import { ApiError } from '../../api';
import { usePendampingList } from '../pendamping/use-pendamping';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { notifySuccess, serverFieldErrors } from '../shared/errors';
import { regionOptions, useDistricts, useVillages } from '../shared/regions';
import { monoInput } from '../shared/styles';
import { useUnsavedChanges } from '../shared/use-unsaved-changes';
import { BenefitSummary } from './BenefitSummary';
import { useFieldWarnings, WARNING_ORDER, type WarningFor } from './field-warnings';
import { FailureAlert, WarningsAlert } from './KpmFormAlerts';
import {
  fillFromNik,
  type KpmFormApi,
  type KpmFormValues,
  liveKomponenWarnings,
  toKpmInput,
  validateKpm,
} from './kpm-form-values';
import { komponenOptions, sexOptions } from './labels';
import { MembersTable } from './MembersTable';
import { maskedProps } from './masked-nik';

type SaveResult = OutputOf<'kpm.create'>;

interface Props {
  /** The family being edited; absent for a new family. */
  id?: number;
  initialValues: KpmFormValues;
}

/** One form for registering and editing a family, checked with the same schema as the server. */
export function KpmForm({ id, initialValues }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useApiMutation('kpm.create');
  const update = useApiMutation('kpm.update');
  const [warnings, setWarnings] = useState<FieldWarning[]>([]);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  // The save button is disabled while it saves, which drops the keyboard focus: give it to the question asked.
  const confirmRef = useRef<HTMLButtonElement>(null);
  const warned = warnings.length > 0;
  useEffect(() => {
    if (warned) confirmRef.current?.focus();
  }, [warned]);

  const form = useForm<KpmFormValues>({
    initialValues,
    validate: validateKpm,
    // Warnings belong to the values they were given for; after a change the user saves again to re-check.
    onValuesChange: () => setWarnings((w) => (w.length > 0 ? [] : w)),
  });
  const v = form.values;
  // A komponen that contradicts the age is said at its field as soon as both are known, not only on saving.
  const live = useMemo(() => liveKomponenWarnings(v, todayIso()), [v]);
  const warningFor = useFieldWarnings([...live, ...warnings]);
  const busy = create.isPending || update.isPending;
  const { leaveSaved, prompt } = useUnsavedChanges(form.isDirty());

  const save = async (acceptWarnings: boolean) => {
    setFailure(null);
    const data = { ...toKpmInput(form.values), acceptWarnings };
    try {
      const result: SaveResult = id ? await update.mutateAsync({ id, data }) : await create.mutateAsync(data);
      if (result.status === 'needs_confirmation') {
        setWarnings(result.warnings);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: ['kpm.search'] });
      await queryClient.invalidateQueries({ queryKey: ['kpm.get'] });
      await queryClient.invalidateQueries({ queryKey: ['pendamping.list'] });
      notifySuccess(id ? 'Perubahan data KPM disimpan.' : 'KPM baru didaftarkan.');
      leaveSaved(() => navigate(`/kpm/${result.id}`));
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
      if (error instanceof ApiError) {
        // kpm.update nests the family under "data": its field paths come back as "data.nik".
        form.setErrors(serverFieldErrors(error, (field) => field.replace(/^data\./, '')));
        focusFirstError();
      }
    }
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        () => save(false),
        () => focusFirstError(),
      )}
    >
      {prompt}
      <Stack gap="md">
        <IdentitySection form={form} warningFor={warningFor} />
        <AddressSection form={form} warningFor={warningFor} />
        <ProgrammeSection form={form} />

        <Section title="Anggota keluarga (ART)">
          <MembersTable form={form} warningFor={warningFor} />
          {typeof form.errors.members === 'string' && (
            <Text c="red" size="sm">
              {form.errors.members}
            </Text>
          )}
        </Section>

        <Section title="Komponen dan bantuan">
          <LiveBenefit values={v} />
        </Section>

        {warnings.length > 0 && (
          <WarningsAlert warnings={warnings} confirmRef={confirmRef} onConfirm={() => save(true)} busy={busy} />
        )}
        {failure && <FailureAlert failure={failure} />}

        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate(id ? `/kpm/${id}` : '/kpm')}>
            Batal
          </Button>
          <Button type="submit" loading={busy}>
            {id ? 'Simpan perubahan' : 'Simpan'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Moves the cursor to the first field with an error, so a long form never fails silently below the fold. */
function focusFirstError() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="sm">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

type SectionProps = { form: KpmFormApi; warningFor: WarningFor };

function IdentitySection({ form, warningFor }: SectionProps) {
  const sex = form.getInputProps('jenisKelamin');
  return (
    <Section title="Identitas pengurus">
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={KPM_FIELDS.idKpm.label}
          description="Boleh kosong bila belum ada (data DTKS); diisi kemudian."
          autoFocus
          {...form.getInputProps('idKpm')}
        />
        <TextInput label={KPM_FIELDS.idDtks.label} {...form.getInputProps('idDtks')} />
        <TextInput
          label={KPM_FIELDS.noKk.label}
          withAsterisk
          inputMode="numeric"
          styles={monoInput}
          {...form.getInputProps('noKk')}
          {...maskedProps(form.values.noKk)}
        />
        <TextInput
          label={KPM_FIELDS.nik.label}
          withAsterisk
          inputMode="numeric"
          styles={monoInput}
          description={warningFor('nik')}
          inputWrapperOrder={WARNING_ORDER}
          {...form.getInputProps('nik')}
          {...maskedProps(form.values.nik)}
          onBlur={() => {
            // Only a NIK the user typed fills the birth date and sex: passing through an unchanged field (the
            // focus leaving the form) must not change a registered family and make the form ask before leaving.
            if (!form.isDirty('nik')) return;
            const filled = fillFromNik(form.values.nik, form.values);
            if (filled) form.setValues(filled);
          }}
        />
        <TextInput
          label={KPM_FIELDS.nama.label}
          withAsterisk
          {...form.getInputProps('nama')}
          style={{ gridColumn: 'span 2' }}
        />
        <TextInput label={KPM_FIELDS.tempatLahir.label} {...form.getInputProps('tempatLahir')} />
        <DateField
          label={KPM_FIELDS.tanggalLahir.label}
          description={warningFor('tanggalLahir')}
          inputWrapperOrder={WARNING_ORDER}
          {...form.getInputProps('tanggalLahir')}
        />
        <Input.Wrapper
          label={KPM_FIELDS.jenisKelamin.label}
          description={warningFor('jenisKelamin')}
          inputWrapperOrder={WARNING_ORDER}
        >
          <SegmentedControl
            aria-label={KPM_FIELDS.jenisKelamin.label}
            fullWidth
            data={sexOptions}
            value={sex.value}
            onChange={sex.onChange}
            mt={4}
          />
        </Input.Wrapper>
        <Select
          label={KPM_FIELDS.komponen.label}
          placeholder="Tidak ada"
          data={komponenOptions}
          clearable
          description={warningFor('komponen')}
          inputWrapperOrder={WARNING_ORDER}
          {...form.getInputProps('komponen')}
        />
        <TextInput label={KPM_FIELDS.phone.label} inputMode="tel" placeholder="08…" {...form.getInputProps('phone')} />
        <NumberInput
          label={KPM_FIELDS.tahunBergabung.label}
          placeholder={`${KPM_FIELDS.tahunBergabung.min}–${todayIso().slice(0, 4)}`}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          hideControls
          {...form.getInputProps('tahunBergabung')}
        />
        {NUMBER_FIELDS.map((key) => (
          <TextInput
            key={key}
            label={numberSpec(key).label}
            description={numberSpec(key).hint}
            inputMode="numeric"
            placeholder={`${numberSpec(key).min}–${numberSpec(key).max}`}
            {...form.getInputProps(key)}
          />
        ))}
      </SimpleGrid>
    </Section>
  );
}

function AddressSection({ form, warningFor }: SectionProps) {
  const districts = useDistricts();
  const villages = useVillages(form.values.districtCode);
  return (
    <Section title="Alamat">
      <SimpleGrid cols={4} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={KPM_FIELDS.alamat.label}
          placeholder="Jalan, gang, nomor rumah"
          {...form.getInputProps('alamat')}
          style={{ gridColumn: 'span 2' }}
        />
        <TextInput
          label={KPM_FIELDS.rt.label}
          inputMode="numeric"
          maxLength={KPM_FIELDS.rt.max}
          {...form.getInputProps('rt')}
        />
        <TextInput
          label={KPM_FIELDS.rw.label}
          inputMode="numeric"
          maxLength={KPM_FIELDS.rw.max}
          {...form.getInputProps('rw')}
        />
        <Select
          label={KPM_FIELDS.districtCode.label}
          withAsterisk
          searchable
          placeholder="Pilih kecamatan"
          data={regionOptions(districts.data)}
          description={warningFor('districtCode')}
          inputWrapperOrder={WARNING_ORDER}
          {...form.getInputProps('districtCode')}
          onChange={(value) => form.setValues({ districtCode: value, villageCode: null })}
          style={{ gridColumn: 'span 2' }}
        />
        <Select
          label={KPM_FIELDS.villageCode.label}
          withAsterisk
          searchable
          placeholder={form.values.districtCode ? 'Pilih desa/kelurahan' : 'Pilih kecamatan dulu'}
          disabled={!form.values.districtCode}
          data={regionOptions(villages.data)}
          {...form.getInputProps('villageCode')}
          style={{ gridColumn: 'span 2' }}
        />
      </SimpleGrid>
    </Section>
  );
}

/** No status here: a family leaves through an exit on its page, or graduates through a decision. */
function ProgrammeSection({ form }: { form: SectionProps['form'] }) {
  const pendamping = usePendampingList();
  const current = form.values.pendampingId;
  // Active pendamping only, plus the family's current one so an inactive assignment still shows by name.
  const options = (pendamping.data ?? [])
    .filter((p) => p.active || String(p.id) === current)
    .map((p) => ({ value: String(p.id), label: p.active ? p.name : `${p.name} (tidak aktif)` }));
  return (
    <Section title="Kepesertaan PKH">
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
        <Select
          label={KPM_FIELDS.pendampingId.label}
          placeholder="Belum ada pendamping"
          searchable
          clearable
          data={options}
          nothingFoundMessage="Tidak ditemukan"
          {...form.getInputProps('pendampingId')}
        />
      </SimpleGrid>
      <Textarea label={KPM_FIELDS.notes.label} autosize minRows={2} mt="sm" {...form.getInputProps('notes')} />
    </Section>
  );
}

function LiveBenefit({ values }: { values: KpmFormValues }) {
  const amounts = useApi('settings.benefitAmounts', {});
  const benefit = useMemo(
    () =>
      familyBenefit(
        [
          { name: values.nama || 'Pengurus', komponen: values.komponen },
          ...values.members.map((m, i) => ({ name: m.nama || `Anggota ${i + 1}`, komponen: m.komponen || null })),
        ],
        amounts.data ?? DEFAULT_YEARLY_BENEFIT,
      ),
    [values.nama, values.komponen, values.members, amounts.data],
  );
  return <BenefitSummary benefit={benefit} />;
}
