import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AssessmentCriterion } from '../../../main/api/verification.contract';
import { type CriterionInput, criterionSchema } from '../../../main/domain/decision';
import { CriterionSource } from '../p2k2-reports/CriterionSource';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

const blank = (sortOrder: number): CriterionInput => ({
  label: '',
  weight: 5,
  required: false,
  active: true,
  sortOrder,
  source: null,
  options: [
    { code: 'a', label: '', score: 0 },
    { code: 'b', label: '', score: 100 },
  ],
});

/** The administrator's criteria (weights, options with scores, required, active) and the threshold. */
export function CriteriaEditor() {
  const settings = useApi('verification.settings', {});
  const [editing, setEditing] = useState<CriterionInput | null>(null);
  return (
    <Loaded query={settings} label="Memuat kriteria">
      {({ criteria, threshold }) => (
        <Stack>
          <ThresholdForm threshold={threshold} />
          <Paper withBorder>
            <Table aria-label="Kriteria verifikasi">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kriteria</Table.Th>
                  <Table.Th>Bobot</Table.Th>
                  <Table.Th>Pilihan (skor)</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criteria.map((c: AssessmentCriterion) => (
                  <Table.Tr key={c.id} opacity={c.active ? 1 : 0.5}>
                    <Table.Td>
                      {c.label} {c.required && <Badge size="xs">wajib</Badge>}{' '}
                      {c.source && (
                        <Badge size="xs" color="teal">
                          dari P2K2
                        </Badge>
                      )}{' '}
                      {!c.active && (
                        <Badge size="xs" color="gray">
                          nonaktif
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{c.weight}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{c.options.map((o) => `${o.label} (${o.score})`).join(' · ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setEditing({ ...c })}>
                        Ubah
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Group>
            <Button variant="default" onClick={() => setEditing(blank(criteria.length + 1))}>
              Tambah kriteria
            </Button>
          </Group>
          {editing && <CriterionModal initial={editing} onClose={() => setEditing(null)} />}
        </Stack>
      )}
    </Loaded>
  );
}

function ThresholdForm({ threshold }: { threshold: number }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('verification.setThreshold');
  const [value, setValue] = useState<number | string>(threshold);
  return (
    <Group align="flex-end">
      <NumberInput
        label="Ambang batas layak (skor 0-100)"
        min={0}
        max={100}
        value={value}
        onChange={setValue}
        w={240}
      />
      <Button
        variant="default"
        loading={save.isPending}
        onClick={async () => {
          try {
            await save.mutateAsync({ threshold: Number(value) });
            await queryClient.invalidateQueries({ queryKey: ['verification.settings'] });
            notifySuccess(`Ambang batas menjadi ${value}.`);
          } catch (error) {
            notifyError(error);
          }
        }}
      >
        Simpan ambang
      </Button>
    </Group>
  );
}

function CriterionModal({ initial, onClose }: { initial: CriterionInput; onClose: () => void }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('verification.saveCriterion');
  const [values, setValues] = useState<CriterionInput>(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const setOption = (i: number, patch: Partial<CriterionInput['options'][number]>) =>
    setValues((v) => ({ ...v, options: v.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) }));

  const submit = async () => {
    const parsed = criterionSchema.safeParse(values);
    if (!parsed.success) {
      setFailure(parsed.error.issues[0].message);
      return;
    }
    try {
      await save.mutateAsync(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['verification.settings'] });
      notifySuccess(`Kriteria "${parsed.data.label}" tersimpan.`);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Modal opened onClose={onClose} title={initial.id ? 'Ubah kriteria' : 'Tambah kriteria'} size="lg">
      <Stack>
        <TextInput
          label="Nama kriteria"
          withAsterisk
          value={values.label}
          onChange={(e) => setValues({ ...values, label: e.currentTarget.value })}
        />
        <CriterionFlags values={values} onChange={setValues} />
        <CriterionSource values={values} onChange={setValues} />
        {values.options.map((option, i) => (
          <Group key={option.code} align="flex-end">
            <TextInput
              label={`Pilihan ${i + 1}`}
              value={option.label}
              onChange={(e) => setOption(i, { label: e.currentTarget.value })}
              flex={1}
            />
            <NumberInput
              label="Skor"
              min={0}
              max={100}
              value={option.score}
              onChange={(v) => setOption(i, { score: Number(v) })}
              w={100}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Hapus pilihan ${i + 1}`}
              onClick={() => setValues({ ...values, options: values.options.filter((_, j) => j !== i) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              setValues({
                ...values,
                options: [...values.options, { code: `p${Date.now().toString(36)}`, label: '', score: 0 }],
              })
            }
          >
            Tambah pilihan
          </Button>
        </Group>
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            Simpan kriteria
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The criterion's weight, and whether it must be answered and is in use. */
function CriterionFlags({ values, onChange }: { values: CriterionInput; onChange: (values: CriterionInput) => void }) {
  return (
    <Group>
      <NumberInput
        label="Bobot"
        min={1}
        max={100}
        value={values.weight}
        onChange={(v) => onChange({ ...values, weight: Number(v) })}
        w={120}
      />
      <Checkbox
        label="Wajib dijawab"
        checked={values.required}
        onChange={(e) => onChange({ ...values, required: e.currentTarget.checked })}
      />
      <Checkbox
        label="Aktif"
        checked={values.active}
        onChange={(e) => onChange({ ...values, active: e.currentTarget.checked })}
      />
    </Group>
  );
}
