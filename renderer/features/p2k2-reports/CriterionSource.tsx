import { Group, NumberInput, Select } from '@mantine/core';
import type { CriterionInput } from '../../../main/domain/decision';
import { P2K2_OPTIONS } from '../../../main/domain/p2k2-criteria';
import { useApi } from '../shared/api-hooks';

type Kind = 'verifikator' | 'p2k2_module' | 'p2k2_rate';

/**
 * Where a verification criterion's answer comes from: the verifikator, or P2K2 (every session of a module
 * attended; an attendance rate over the last twelve months). A P2K2 criterion takes the options "Ya" and "Tidak".
 */
export function CriterionSource({
  values,
  onChange,
}: {
  values: CriterionInput;
  onChange: (v: CriterionInput) => void;
}) {
  const curriculum = useApi('p2k2.curriculum.list', {});
  const kind: Kind = values.source?.kind ?? 'verifikator';
  const modules = (curriculum.data ?? []).filter((m) => m.active).map((m) => ({ value: String(m.id), label: m.name }));
  const choose = (next: Kind) => {
    if (next === 'verifikator') return onChange({ ...values, source: null });
    const options = values.source ? values.options : P2K2_OPTIONS;
    if (next === 'p2k2_module') {
      return onChange({ ...values, options, source: { kind: next, moduleId: Number(modules[0]?.value ?? 1) } });
    }
    onChange({ ...values, options, source: { kind: next, minPercent: 80, months: 12 } });
  };
  return (
    <Group align="flex-end">
      <Select
        label="Sumber jawaban"
        value={kind}
        allowDeselect={false}
        onChange={(v) => choose((v ?? 'verifikator') as Kind)}
        data={[
          { value: 'verifikator', label: 'Dijawab verifikator' },
          { value: 'p2k2_module', label: 'P2K2: hadir di semua sesi modul' },
          { value: 'p2k2_rate', label: 'P2K2: tingkat kehadiran 12 bulan' },
        ]}
        w={280}
      />
      {values.source?.kind === 'p2k2_module' && (
        <Select
          label="Modul"
          data={modules}
          value={String(values.source.moduleId)}
          allowDeselect={false}
          onChange={(v) => onChange({ ...values, source: { kind: 'p2k2_module', moduleId: Number(v) } })}
          flex={1}
        />
      )}
      {values.source?.kind === 'p2k2_rate' && (
        <NumberInput
          label="Paling sedikit (%)"
          min={1}
          max={100}
          value={values.source.minPercent}
          onChange={(v) => onChange({ ...values, source: { kind: 'p2k2_rate', minPercent: Number(v), months: 12 } })}
          w={160}
        />
      )}
    </Group>
  );
}
