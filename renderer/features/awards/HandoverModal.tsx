import { ActionIcon, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AwardRow } from '../../../main/api/awards.contract';
import type { PdfFile } from '../../../main/api/documents.contract';
import { formatNumber, formatRupiah, todayIso } from '../../../main/domain/format';
import { signatoryId, signatoryOptions } from '../documents/signatories';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { monoInput } from '../shared/styles';
import { FailureAlert } from './FailureAlert';
import { refreshAwards } from './invalidate';

/** Select value for "the BAST template's signatory" (the contract's absent signatoryId). */
const TEMPLATE_SIGNATORY = 'templat';
const MAX_WITNESSES = 4;

interface Props {
  awards: AwardRow[];
  opened: boolean;
  onClose: () => void;
  onDone: (pdf: PdfFile) => void;
}

/** Serah terima: the stage handed_over and one BAST per family, issued together; the BASTs come back as one PDF. */
export function HandoverModal({ awards, opened, onClose, onDone }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Serah terima bantuan" size="xl">
      {opened && <HandoverForm awards={awards} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function HandoverForm({ awards, onClose, onDone }: Omit<Props, 'opened'>) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const settings = useApi('documents.settings', {});
  const handover = useApiMutation('awards.handover');
  const single = awards.length === 1;
  const [date, setDate] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [officer, setOfficer] = useState({ name: user.fullName, nip: '', position: '' });
  const [represented, setRepresented] = useState(false);
  const [representative, setRepresentative] = useState({ name: '', relationship: '' });
  const [witnesses, setWitnesses] = useState<Witness[]>([]);
  const [signatory, setSignatory] = useState(TEMPLATE_SIGNATORY);
  const [failure, setFailure] = useState<unknown>(null);
  const total = awards.reduce((sum, a) => sum + a.total, 0);

  const submit = async () => {
    setFailure(null);
    try {
      const result = await handover.mutateAsync({
        awardIds: awards.map((a) => a.id),
        handoverDate: date,
        place,
        officerName: officer.name,
        officerNip: officer.nip,
        officerPosition: officer.position,
        representative: single && represented ? representative : null,
        witnesses,
        ...(signatory === TEMPLATE_SIGNATORY ? {} : { signatoryId: signatoryId(signatory) }),
      });
      await refreshAwards(queryClient);
      onDone(result.pdf);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Stack>
      <Text size="sm">
        {single ? awards[0]?.nama : `${formatNumber(awards.length)} KPM`}, nilai {formatRupiah(total)}. Setiap KPM
        mendapat satu berita acara serah terima (BAST) bernomor; sesudahnya bantuan tidak dapat diubah lagi.
      </Text>
      <SimpleGrid cols={2}>
        <DateField label="Tanggal serah terima" withAsterisk clearable={false} value={date} onChange={setDate} />
        <TextInput label="Tempat" withAsterisk value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
      </SimpleGrid>
      <OfficerFields officer={officer} onChange={setOfficer} />
      {single && (
        <>
          <Switch
            label="Diterima oleh wakil (bukan pengurus KPM)"
            checked={represented}
            onChange={(e) => setRepresented(e.currentTarget.checked)}
          />
          {represented && (
            <SimpleGrid cols={2}>
              <TextInput
                label="Nama penerima"
                withAsterisk
                value={representative.name}
                onChange={(e) => setRepresentative({ ...representative, name: e.currentTarget.value })}
              />
              <TextInput
                label="Hubungan dengan pengurus"
                withAsterisk
                placeholder="mis. suami, anak"
                value={representative.relationship}
                onChange={(e) => setRepresentative({ ...representative, relationship: e.currentTarget.value })}
              />
            </SimpleGrid>
          )}
        </>
      )}
      <WitnessFields witnesses={witnesses} onChange={setWitnesses} />
      <Select
        label="Mengetahui (penandatangan)"
        allowDeselect={false}
        value={signatory}
        onChange={(v) => v && setSignatory(v)}
        data={[
          { value: TEMPLATE_SIGNATORY, label: 'Sesuai pengaturan templat BAST' },
          ...(settings.data ? signatoryOptions(settings.data.head, settings.data.signatories) : []),
        ]}
      />
      <FailureAlert error={failure} title="Serah terima tidak dicatat" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Batal
        </Button>
        <Button onClick={submit} loading={handover.isPending}>
          Serahkan dan cetak BAST
        </Button>
      </Group>
    </Stack>
  );
}

type Witness = { name: string; position: string };

/** Up to four witnesses, each a name and a position, signing the BAST beside both parties. */
function WitnessFields({ witnesses, onChange }: { witnesses: Witness[]; onChange: (next: Witness[]) => void }) {
  const set = (index: number, field: keyof Witness, value: string) =>
    onChange(witnesses.map((w, i) => (i === index ? { ...w, [field]: value } : w)));
  return (
    <>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Saksi ({witnesses.length} dari paling banyak {MAX_WITNESSES})
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          disabled={witnesses.length >= MAX_WITNESSES}
          onClick={() => onChange([...witnesses, { name: '', position: '' }])}
        >
          Tambah saksi
        </Button>
      </Group>
      {witnesses.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: witnesses have no id; the list only grows and shrinks here.
        <Group key={i} grow align="flex-end">
          <TextInput
            label={`Nama saksi ${i + 1}`}
            value={w.name}
            onChange={(e) => set(i, 'name', e.currentTarget.value)}
          />
          <TextInput
            label={`Jabatan saksi ${i + 1}`}
            value={w.position}
            onChange={(e) => set(i, 'position', e.currentTarget.value)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            style={{ flexGrow: 0 }}
            mb={4}
            aria-label={`Hapus saksi ${i + 1}`}
            onClick={() => onChange(witnesses.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
    </>
  );
}

type Officer = { name: string; nip: string; position: string };

/** Pihak pertama: the officer handing over on behalf of the office, as the BAST names them. */
function OfficerFields({ officer, onChange }: { officer: Officer; onChange: (next: Officer) => void }) {
  return (
    <>
      <Text size="sm" fw={500}>
        Pihak pertama (yang menyerahkan)
      </Text>
      <SimpleGrid cols={3}>
        <TextInput
          label="Nama petugas"
          withAsterisk
          value={officer.name}
          onChange={(e) => onChange({ ...officer, name: e.currentTarget.value })}
        />
        <TextInput
          label="NIP petugas"
          styles={monoInput}
          value={officer.nip}
          onChange={(e) => onChange({ ...officer, nip: e.currentTarget.value })}
        />
        <TextInput
          label="Jabatan petugas"
          value={officer.position}
          onChange={(e) => onChange({ ...officer, position: e.currentTarget.value })}
        />
      </SimpleGrid>
    </>
  );
}
