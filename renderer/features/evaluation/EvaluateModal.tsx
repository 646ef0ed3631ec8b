import { Button, Group, Modal, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvaluationMonth, EvaluationRow } from '../../../main/api/evaluation.contract';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError, notifySuccess } from '../shared/errors';
import { figureText } from './figure-text';
import { monthText } from './MonthSelect';

/**
 * The koordinator's evaluation of one pendamping and month: a score 0-100 per office indicator (pre-filled from its
 * figure, or the earlier evaluation), notes; the weighted total is shown as it is typed.
 */
/** The weighted score (weights add up to 100) to one decimal, once every indicator has a score. */
function weightedTotal(indicators: EvaluationMonth['indicators'], scores: Record<string, number | ''>): number | null {
  if (indicators.some((i) => scores[i.key] === '')) return null;
  return Math.round(indicators.reduce((s, i) => s + i.weight * Number(scores[i.key]), 0) / 10) / 10;
}

export function EvaluateModal({
  data,
  row,
  onClose,
}: {
  data: EvaluationMonth;
  row: EvaluationRow;
  onClose: () => void;
}) {
  const record = useApiMutation('evaluation.record');
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(data.indicators.map((i) => [i.key, row.scores[i.key] ?? ''])),
  );
  const [notes, setNotes] = useState(row.evaluation?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const total = weightedTotal(data.indicators, scores);
  const save = async () => {
    const missing = data.indicators.filter((i) => scores[i.key] === '');
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((i) => [i.key, `Isi nilai indikator "${i.label}".`])));
      return;
    }
    try {
      const input = {
        pendampingId: row.pendampingId,
        month: data.month,
        scores: Object.fromEntries(data.indicators.map((i) => [i.key, Number(scores[i.key])])),
        notes,
      };
      await record.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: ['evaluation.month'] });
      notifySuccess(`Evaluasi ${row.name} tersimpan.`);
      onClose();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace('scores.', ''), v])));
      }
      notifyError(error, 'Evaluasi tidak tersimpan');
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Evaluasi ${row.name}, ${monthText(data.month)}`} size="xl">
      <Stack>
        <Table aria-label="Nilai per indikator">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Indikator</Table.Th>
              <Table.Th>Bobot</Table.Th>
              <Table.Th>Capaian</Table.Th>
              <Table.Th>Nilai (0-100)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.indicators.map((i) => {
              const figure = data.figures.find((f) => f.key === i.figure);
              return (
                <Table.Tr key={i.key}>
                  <Table.Td>{i.label}</Table.Td>
                  <Table.Td>{i.weight}%</Table.Td>
                  <Table.Td>{figure ? figureText(figure, row.figures[figure.key]) : 'dinilai koordinator'}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Nilai ${i.label}`}
                      min={0}
                      max={100}
                      decimalScale={1}
                      decimalSeparator=","
                      value={scores[i.key]}
                      error={errors[i.key]}
                      onChange={(v) => setScores((s) => ({ ...s, [i.key]: v === '' ? '' : Number(v) }))}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text fw={700}>Nilai akhir: {total === null ? '–' : String(total).replace('.', ',')}</Text>
        <Textarea
          label="Catatan evaluasi"
          autosize
          minRows={3}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={save} loading={record.isPending}>
            Simpan evaluasi
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
