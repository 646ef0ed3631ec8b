import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvaluationSettingsView } from '../../../main/api/evaluation.contract';
import type { EvaluationIndicator } from '../../../main/domain/evaluation';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { notifyError, notifySuccess } from '../shared/errors';

const FREE = '__bebas__';

type Row = EvaluationIndicator & { uid: number };
let uids = 0;
const withUid = (i: EvaluationIndicator): Row => ({ ...i, uid: ++uids });

/** The office's indicators (label, weight, the figure it is scored from or free) and complaint categories. */
/** What an indicator can be scored from: the koordinator's own score, or one of the month's figures. */
function figureOptions(settings: EvaluationSettingsView) {
  return [
    { value: FREE, label: 'Dinilai koordinator' },
    ...settings.figures.map((f) => ({ value: f.key, label: f.label })),
  ];
}

/** The complaint categories typed one per line, blank lines left out. */
const categoryList = (text: string) =>
  text
    .split('\n')
    .map((c) => c.trim())
    .filter((c) => c !== '');

export function IndicatorsEditor({ settings }: { settings: EvaluationSettingsView }) {
  const [rows, setRows] = useState<Row[]>(() => settings.indicators.map(withUid));
  const [categories, setCategories] = useState(settings.complaintCategories.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState<number | null>(null);
  const save = useApiMutation('evaluation.saveSettings');
  const queryClient = useQueryClient();
  const sum = rows.reduce((s, r) => s + (Number.isFinite(r.weight) ? r.weight : 0), 0);
  const set = (i: number, patch: Partial<EvaluationIndicator>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = async () => {
    setErrors({});
    try {
      await save.mutateAsync({
        indicators: rows.map(({ uid: _uid, ...i }) => i),
        complaintCategories: categoryList(categories),
      });
      await queryClient.invalidateQueries({ queryKey: ['evaluation.settings'] });
      await queryClient.invalidateQueries({ queryKey: ['evaluation.month'] });
      notifySuccess('Pengaturan evaluasi tersimpan.');
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields);
      notifyError(error, 'Pengaturan tidak tersimpan');
    }
  };
  const figures = figureOptions(settings);
  return (
    <Stack>
      <Table aria-label="Indikator evaluasi">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kode</Table.Th>
            <Table.Th>Indikator</Table.Th>
            <Table.Th>Bobot (%)</Table.Th>
            <Table.Th>Dinilai dari</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <IndicatorRow
              key={r.uid}
              row={r}
              index={i}
              figures={figures}
              errors={errors}
              onChange={(patch) => set(i, patch)}
              onRemove={() => setRemoving(i)}
            />
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button
          variant="default"
          onClick={() =>
            setRows((all) => [
              ...all,
              withUid({ key: `indikator_${all.length + 1}`, label: '', weight: 10, figure: null }),
            ])
          }
        >
          Tambah indikator
        </Button>
        <Text fw={700} c={sum === 100 ? undefined : 'red'}>
          Jumlah bobot: {sum}%{sum === 100 ? '' : ' (harus 100%)'}
        </Text>
      </Group>
      {errors.indicators && <Alert color="red">{errors.indicators}</Alert>}
      <Textarea
        label="Kategori pengaduan (satu per baris)"
        autosize
        minRows={4}
        value={categories}
        error={errors.complaintCategories}
        onChange={(e) => setCategories(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending}>
          Simpan pengaturan
        </Button>
      </Group>
      <ConfirmModal
        opened={removing !== null}
        title="Hapus indikator?"
        confirmLabel="Hapus"
        onConfirm={() => {
          setRows((all) => all.filter((_, j) => j !== removing));
          setRemoving(null);
        }}
        onClose={() => setRemoving(null)}
      >
        {`Indikator "${removing === null ? '' : rows[removing]?.label || removing + 1}" dihapus dari daftar setelah pengaturan disimpan.`}
      </ConfirmModal>
    </Stack>
  );
}

interface IndicatorRowProps {
  row: Row;
  index: number;
  figures: { value: string; label: string }[];
  errors: Record<string, string>;
  onChange: (patch: Partial<EvaluationIndicator>) => void;
  onRemove: () => void;
}

/** One indicator's inputs; the field errors are keyed by the row's place in the list, as the server names them. */
function IndicatorRow({ row: r, index: i, figures, errors, onChange: set, onRemove }: IndicatorRowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`Kode indikator baris ${i + 1}`}
          value={r.key}
          error={errors[`indicators.${i}.key`]}
          onChange={(e) => set({ key: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`Nama indikator baris ${i + 1}`}
          value={r.label}
          error={errors[`indicators.${i}.label`]}
          onChange={(e) => set({ label: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`Bobot indikator baris ${i + 1}`}
          w={90}
          min={1}
          max={100}
          allowDecimal={false}
          value={r.weight}
          error={errors[`indicators.${i}.weight`]}
          onChange={(v) => set({ weight: Number(v) })}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Dinilai dari baris ${i + 1}`}
          data={figures}
          value={r.figure ?? FREE}
          allowDeselect={false}
          error={errors[`indicators.${i}.figure`]}
          onChange={(v) => set({ figure: v === FREE || v === null ? null : v })}
        />
      </Table.Td>
      <Table.Td>
        <ActionIcon variant="subtle" color="red" aria-label={`Hapus indikator ${r.label || i + 1}`} onClick={onRemove}>
          ✕
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
