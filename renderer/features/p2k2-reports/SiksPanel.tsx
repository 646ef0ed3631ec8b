import { Button, CopyButton, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { formatTanggal } from '../../../main/domain/format';
import { downloadBase64 } from '../import/files';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

function CopyField({ label, value, max }: { label: string; value: string; max: number }) {
  return (
    <Stack gap={4}>
      <Textarea label={label} value={value} readOnly autosize minRows={label === 'Uraian' ? 6 : 1} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {value.length} dari paling banyak {max} karakter
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant={copied ? 'light' : 'default'} onClick={copy} aria-label={`Salin ${label}`}>
              {copied ? 'Tersalin' : 'Salin'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function Draft({ meetingId }: { meetingId: number }) {
  const draft = useApi('p2k2Reports.siks', { meetingId });
  const xlsx = useApiMutation('p2k2Reports.siksXlsx');
  return (
    <Loaded query={draft} label="Menyusun teks SIKS-NG">
      {(d) => (
        <Paper withBorder p="md">
          <Stack>
            <CopyField label="Nama kegiatan" value={d.activityName} max={d.limits.activityName} />
            <CopyField label="Uraian" value={d.description} max={d.limits.description} />
            <Group>
              <Button
                variant="default"
                loading={xlsx.isPending}
                onClick={async () => {
                  try {
                    const file = await xlsx.mutateAsync({ meetingId });
                    downloadBase64(file.base64, file.fileName);
                  } catch (error) {
                    notifyError(error);
                  }
                }}
              >
                Unduh peserta ({d.participants} KPM, NIK dan No. KK)
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Loaded>
  );
}

/** A held meeting's texts for SIKS-NG's P2K2 form, to copy, and its participants as an .xlsx. */
export function SiksPanel() {
  const meetings = useApi('p2k2.meetings.list', { pageSize: 200 });
  const [meetingId, setMeetingId] = useState<number | null>(null);
  return (
    <Stack gap="md">
      <Select
        label="Pertemuan"
        placeholder="Pilih pertemuan yang sudah dicatat"
        searchable
        w={520}
        data={(meetings.data?.items ?? []).map((m) => ({
          value: String(m.id),
          label: `${formatTanggal(m.heldOn)} · ${m.groupName}, ${m.villageName} · ${m.topicName}`,
        }))}
        value={meetingId ? String(meetingId) : null}
        onChange={(v) => setMeetingId(v ? Number(v) : null)}
      />
      {meetingId ? (
        <Draft meetingId={meetingId} />
      ) : (
        <Text size="sm" c="dimmed">
          Pilih pertemuan untuk menyusun nama kegiatan dan uraian SIKS-NG.
        </Text>
      )}
    </Stack>
  );
}
