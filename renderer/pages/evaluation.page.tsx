import { Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvaluationRow } from '../../main/api/evaluation.contract';
import { EVALUATION_DUTIES } from '../../main/domain/evaluation';
import { EvaluateModal } from '../features/evaluation/EvaluateModal';
import { EvaluationTable } from '../features/evaluation/EvaluationTable';
import { IndicatorsEditor } from '../features/evaluation/IndicatorsEditor';
import { MonthSelect, thisMonth } from '../features/evaluation/MonthSelect';
import { useSession } from '../features/session/session';
import { useApi } from '../features/shared/api-hooks';
import { Loaded } from '../features/shared/Loaded';
import { PageHeader } from '../features/shared/PageHeader';

/**
 * Evaluasi pendamping: every pendamping's month against their targets, ranked with the lowest flagged; the
 * koordinator's scores; the office's indicators and weights (administrator). A pendamping sees its own row.
 */
export function EvaluationPage() {
  const { can } = useSession();
  const [month, setMonth] = useState(thisMonth());
  const [evaluating, setEvaluating] = useState<EvaluationRow | null>(null);
  const data = useApi('evaluation.month', { month });
  const settings = useApi('evaluation.settings', {});
  const table = (
    <Stack>
      <Group align="flex-end">
        <MonthSelect value={month} onChange={setMonth} />
      </Group>
      <Loaded query={data} label="Memuat evaluasi pendamping">
        {(d) => (
          <Stack gap="xs">
            <EvaluationTable data={d} onEvaluate={setEvaluating} />
            <Text size="xs" c="dimmed">
              Nilai: rata-rata berbobot indikator kantor (capaian terhadap target, paling tinggi 100), atau nilai
              evaluasi koordinator bila sudah dicatat. Sepersepuluh terendah (paling sedikit satu) ditandai.
            </Text>
            {evaluating && <EvaluateModal data={d} row={evaluating} onClose={() => setEvaluating(null)} />}
          </Stack>
        )}
      </Loaded>
    </Stack>
  );
  return (
    <>
      <PageHeader
        title="Evaluasi pendamping"
        subtitle="Capaian bulanan setiap pendamping terhadap targetnya, peringkat, dan penilaian koordinator per indikator."
      />
      {can(EVALUATION_DUTIES.settings) ? (
        <Tabs defaultValue="bulan" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="bulan">Evaluasi bulanan</Tabs.Tab>
            <Tabs.Tab value="pengaturan">Indikator dan bobot</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="bulan">{table}</Tabs.Panel>
          <Tabs.Panel value="pengaturan">
            <Loaded query={settings} label="Memuat pengaturan evaluasi">
              {(s) => <IndicatorsEditor settings={s} />}
            </Loaded>
          </Tabs.Panel>
        </Tabs>
      ) : (
        table
      )}
    </>
  );
}
