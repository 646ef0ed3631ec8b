import { Alert, Badge, Button, Divider, Group, Modal, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { QueueRow } from '../../../main/api/verification.contract';
import { scoreAssessment } from '../../../main/domain/assessment';
import { formatTanggal, todayIso } from '../../../main/domain/format';
import { RECOMMENDATION_LABEL } from '../../../main/domain/graduation';
import { FamilyP2k2Summary } from '../p2k2-reports/FamilyP2k2Card';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

interface Props {
  candidate: QueueRow;
  onClose: () => void;
}

/** The verifikator's visit: one radio group per active criterion, the score computed as they answer. */
export function AssessmentModal({ candidate, onClose }: Props) {
  const queryClient = useQueryClient();
  const settings = useApi('verification.settings', {});
  const past = useApi('verification.assessments', { candidateId: candidate.candidateId });
  const record = useApiMutation('verification.record');
  const p2k2 = useApi('p2k2Reports.family', { id: candidate.kpmId });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [visitDate, setVisitDate] = useState(todayIso());
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const save = async () => {
    setFailure(null);
    try {
      const row = await record.mutateAsync({ candidateId: candidate.candidateId, visitDate, answers, notes });
      await queryClient.invalidateQueries({ queryKey: ['verification.queue'] });
      await queryClient.invalidateQueries({ queryKey: ['verification.assessments'] });
      notifySuccess(
        `Verifikasi ${candidate.nama} tersimpan: skor ${row.score}, ${RECOMMENDATION_LABEL[row.recommendation]}.`,
      );
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Verifikasi ulang: ${candidate.nama}`} size="xl">
      <Loaded query={settings} label="Memuat kriteria">
        {({ criteria, threshold }) => {
          const active = criteria.filter((c) => c.active);
          // criteria from P2K2 are answered by the service on saving; the preview uses today's answers
          const fromP2k2 = Object.fromEntries((p2k2.data?.criteria ?? []).map((c) => [c.code, c.met ? 'ya' : 'tidak']));
          const result = scoreAssessment(active, { ...answers, ...fromP2k2 }, threshold);
          return (
            <Stack>
              <DateField
                label="Tanggal kunjungan"
                withAsterisk
                clearable={false}
                maxDate={new Date()}
                value={visitDate}
                onChange={setVisitDate}
              />
              {p2k2.data && <FamilyP2k2Summary data={p2k2.data} />}
              {active
                .filter((c) => !c.source)
                .map((criterion) => (
                  <Radio.Group
                    key={criterion.code}
                    label={`${criterion.label} (bobot ${criterion.weight})`}
                    withAsterisk={criterion.required}
                    value={answers[criterion.code] ?? ''}
                    onChange={(value) => setAnswers((prev) => ({ ...prev, [criterion.code]: value }))}
                  >
                    <Group mt={4} gap="lg">
                      {criterion.options.map((option) => (
                        <Radio key={option.code} value={option.code} label={`${option.label} (${option.score})`} />
                      ))}
                    </Group>
                  </Radio.Group>
                ))}
              <Textarea
                label="Catatan"
                autosize
                minRows={2}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
              />
              <Alert
                color={result.ok ? (result.layak ? 'teal' : 'orange') : 'gray'}
                aria-live="polite"
                title="Skor sementara"
              >
                {result.ok
                  ? `Skor ${result.score} dari 100 (ambang ${threshold}): ${result.layak ? 'layak graduasi' : 'belum layak'}.`
                  : `Belum lengkap: ${[...result.missing, ...result.unknown].join(', ')}.`}
              </Alert>
              {failure && <Alert color="red">{failure}</Alert>}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Batal
                </Button>
                <Button onClick={save} loading={record.isPending} disabled={!result.ok}>
                  Simpan verifikasi
                </Button>
              </Group>
              <AssessmentHistory past={past} />
            </Stack>
          );
        }}
      </Loaded>
    </Modal>
  );
}

/** The candidate's earlier verifications, newest first; the newest is the one that counts. */
function AssessmentHistory({ past }: { past: ReturnType<typeof useApi<'verification.assessments'>> }) {
  return (
    <>
      <Divider />
      <Title order={2} size="h5">
        Riwayat verifikasi
      </Title>
      <Loaded query={past} label="Memuat riwayat verifikasi">
        {(rows) =>
          rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              Belum pernah diverifikasi.
            </Text>
          ) : (
            <Stack gap={4}>
              {rows.map((a, i) => (
                <Group key={a.id} gap="xs">
                  <Text size="sm">
                    {formatTanggal(a.visitDate)} oleh {a.verifierName}: skor {a.score}
                  </Text>
                  <Badge color={a.recommendation === 'layak' ? 'teal' : 'orange'} variant="light">
                    {RECOMMENDATION_LABEL[a.recommendation]}
                  </Badge>
                  {i === 0 && <Badge variant="outline">berlaku</Badge>}
                  {a.notes && (
                    <Text size="sm" c="dimmed">
                      {a.notes}
                    </Text>
                  )}
                </Group>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </>
  );
}
