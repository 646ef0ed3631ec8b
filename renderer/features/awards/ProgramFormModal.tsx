import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { AwardProgram } from '../../../main/api/awards.contract';
import {
  AWARD_FORM_LABEL,
  AWARD_FORMS,
  ELIGIBLE_GRADUATIONS,
  FUNDING_SOURCE_LABEL,
  FUNDING_SOURCES,
  PROGRAM_STATUS,
  PROGRAM_STATUS_LABEL,
  type ProgramInput,
  programSchema,
} from '../../../main/domain/awards';
import { STATUS_LABEL } from '../../../main/domain/enums';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { MoneyInput } from '../shared/MoneyInput';

type MoneyField = 'budget' | 'minPerFamily' | 'maxPerFamily';
/** The programme as the form holds it: an emptied money field is null until the schema says what is missing. */
type Values = Omit<z.input<typeof programSchema>, 'id' | MoneyField> & Record<MoneyField, number | null>;

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

function initialValues(editing: AwardProgram | null, year: number): Values {
  if (editing) {
    // Only the programme's own fields: a summary also carries its budget figures.
    const e = editing;
    return {
      name: e.name,
      year: e.year,
      fundingSource: e.fundingSource,
      sponsorName: e.sponsorName,
      budget: e.budget,
      form: e.form,
      // No minimum is stored as 0 and shown as an empty field.
      minPerFamily: e.minPerFamily || null,
      maxPerFamily: e.maxPerFamily,
      graduationTypes: e.graduationTypes as Values['graduationTypes'],
      graduatedFrom: e.graduatedFrom,
      graduatedTo: e.graduatedTo,
      onePerFamily: e.onePerFamily,
      status: e.status,
    };
  }
  return {
    name: '',
    year,
    fundingSource: 'APBD',
    sponsorName: '',
    budget: null,
    form: 'barang',
    minPerFamily: null,
    maxPerFamily: null,
    graduationTypes: ['graduasi_mandiri'],
    graduatedFrom: yearStart(year),
    graduatedTo: yearEnd(year),
    onePerFamily: true,
    status: 'draft',
  };
}

interface Props {
  /** The programme being edited; null makes a new one in `year`. */
  editing: AwardProgram | null;
  year: number;
  opened: boolean;
  onClose: () => void;
}

export function ProgramFormModal({ editing, year, opened, onClose }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? `Ubah program: ${editing.name}` : 'Program bantuan baru'}
      size="xl"
    >
      {opened && <ProgramForm editing={editing} year={year} onDone={onClose} />}
    </Modal>
  );
}

function ProgramForm({ editing, year, onDone }: { editing: AwardProgram | null; year: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('awards.saveProgram');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: initialValues(editing, year),
    validate: zodValidate(programSchema),
    onValuesChange: (next, previous) => {
      // The graduation period follows the year while it is still the whole previous year.
      if (
        next.year !== previous.year &&
        next.graduatedFrom === yearStart(previous.year) &&
        next.graduatedTo === yearEnd(previous.year)
      ) {
        form.setFieldValue('graduatedFrom', yearStart(next.year));
        form.setFieldValue('graduatedTo', yearEnd(next.year));
      }
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await save.mutateAsync(programSchema.parse({ ...values, id: editing?.id }));
      await queryClient.invalidateQueries({ queryKey: ['awards.programs'] });
      await queryClient.invalidateQueries({ queryKey: ['awards.program'] });
      await queryClient.invalidateQueries({ queryKey: ['awards.budgetUse'] });
      notifySuccess(`Program ${saved.name} disimpan.`);
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Nama program"
            withAsterisk
            data-autofocus
            style={{ gridColumn: 'span 2' }}
            {...form.getInputProps('name')}
          />
          <NumberInput
            label="Tahun"
            withAsterisk
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            {...form.getInputProps('year')}
          />
        </SimpleGrid>
        <FundingFields form={form} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Bentuk bantuan
          </Text>
          <SegmentedControl
            aria-label="Bentuk bantuan"
            data={AWARD_FORMS.map((f) => ({ value: f, label: AWARD_FORM_LABEL[f] }))}
            {...form.getInputProps('form')}
          />
        </Stack>
        <EligibilityFields form={form} status={editing?.status ?? 'draft'} />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button type="submit" loading={save.isPending}>
            Simpan program
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where the money comes from, the budget and the amounts per family. */
function FundingFields({ form }: { form: UseFormReturnType<Values> }) {
  const needsSponsor = form.values.fundingSource === 'CSR' || form.values.fundingSource === 'lainnya';
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Sumber dana"
          allowDeselect={false}
          data={FUNDING_SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_LABEL[s] }))}
          {...form.getInputProps('fundingSource')}
        />
        <TextInput
          label="Nama pemberi dana"
          withAsterisk={needsSponsor}
          description={needsSponsor ? 'Perusahaan atau lembaga pemberi' : 'Boleh kosong untuk APBD/APBN'}
          style={{ gridColumn: 'span 2' }}
          {...form.getInputProps('sponsorName')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <MoneyInput label="Pagu anggaran" withAsterisk {...form.getInputProps('budget')} />
        <MoneyInput label="Nilai minimal per KPM" {...form.getInputProps('minPerFamily')} />
        <MoneyInput label="Nilai maksimal per KPM" withAsterisk {...form.getInputProps('maxPerFamily')} />
      </SimpleGrid>
    </>
  );
}

/** Who qualifies (graduation types and period), one award per family, and the programme's status. */
function EligibilityFields({ form, status }: { form: UseFormReturnType<Values>; status: ProgramInput['status'] }) {
  return (
    <>
      <Checkbox.Group label="Jenis graduasi yang berhak" withAsterisk {...form.getInputProps('graduationTypes')}>
        <Group mt={6}>
          {ELIGIBLE_GRADUATIONS.map((g) => (
            <Checkbox key={g} value={g} label={STATUS_LABEL[g]} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label="Graduasi sejak tanggal"
          withAsterisk
          clearable={false}
          {...form.getInputProps('graduatedFrom')}
        />
        <DateField
          label="Sampai dengan tanggal"
          withAsterisk
          clearable={false}
          {...form.getInputProps('graduatedTo')}
        />
      </SimpleGrid>
      <Group justify="space-between" align="flex-end">
        <Switch
          label="Satu bantuan per KPM dalam program ini"
          {...form.getInputProps('onePerFamily', { type: 'checkbox' })}
        />
        <Select
          label="Status program"
          w={200}
          allowDeselect={false}
          // Status only moves forward (draft -> active -> closed): earlier ones are not offered.
          data={PROGRAM_STATUS.slice(PROGRAM_STATUS.indexOf(status)).map((s) => ({
            value: s,
            label: PROGRAM_STATUS_LABEL[s],
          }))}
          {...form.getInputProps('status')}
        />
      </Group>
    </>
  );
}
