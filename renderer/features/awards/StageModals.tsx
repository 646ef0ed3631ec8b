import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AwardRow, ProgramSummary } from '../../../main/api/awards.contract';
import { formatRupiah } from '../../../main/domain/format';
import { useApiMutation } from '../shared/api-hooks';
import { notifySuccess } from '../shared/errors';
import { FailureAlert } from './FailureAlert';
import { refreshAwards } from './invalidate';
import { cashUnreadable, EMPTY_PACKAGE, PackageEditor, type PackageValue } from './PackageEditor';

/** Cancelling one award before handover, with the reason kept in its record. */
export function CancelModal({ award, onClose }: { award: AwardRow | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const cancel = useApiMutation('awards.cancel');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const close = () => {
    setReason('');
    setFailure(null);
    onClose();
  };
  const submit = async () => {
    if (!award) return;
    setFailure(null);
    try {
      await cancel.mutateAsync({ awardId: award.id, reason });
      await refreshAwards(queryClient);
      notifySuccess(`Bantuan untuk ${award.nama} dibatalkan.`);
      close();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Modal opened={award !== null} onClose={close} title={`Batalkan bantuan ${award?.nama ?? ''}`}>
      <Stack>
        <Text size="sm">
          Bantuan {formatRupiah(award?.total ?? 0)} dibatalkan dan tidak lagi memakai pagu. Pembatalan tercatat dengan
          alasannya.
        </Text>
        <Textarea
          label="Alasan pembatalan"
          withAsterisk
          data-autofocus
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <FailureAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Kembali
          </Button>
          <Button color="red" onClick={submit} loading={cancel.isPending}>
            Batalkan bantuan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A correction after handover: a new award linked to the original, which stays as it was signed for. */
export function CorrectionModal({
  award,
  program,
  onClose,
}: {
  award: AwardRow | null;
  program: ProgramSummary;
  onClose: () => void;
}) {
  return (
    <Modal opened={award !== null} onClose={onClose} title={`Koreksi bantuan ${award?.nama ?? ''}`} size="xl">
      {award && <CorrectionForm award={award} program={program} onDone={onClose} />}
    </Modal>
  );
}

function CorrectionForm({ award, program, onDone }: { award: AwardRow; program: ProgramSummary; onDone: () => void }) {
  const queryClient = useQueryClient();
  const correct = useApiMutation('awards.correct');
  const [pkg, setPkg] = useState<PackageValue>(EMPTY_PACKAGE);
  const [businessType, setBusinessType] = useState(award.businessType);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async () => {
    setFailure(null);
    try {
      await correct.mutateAsync({ awardId: award.id, package: pkg, businessType, reason });
      await refreshAwards(queryClient);
      notifySuccess(`Koreksi bantuan ${award.nama} dicatat.`);
      onDone();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Stack>
      <Text size="sm">
        Diserahkan: {award.packageText || 'uang tunai'}, {formatRupiah(award.total)} (BAST {award.bastNumber ?? '–'}).
        Catatan ini tidak diubah; koreksi menjadi catatan baru yang menggantikannya dalam perhitungan pagu.
      </Text>
      <PackageEditor
        program={program}
        value={pkg}
        onChange={setPkg}
        families={1}
        remaining={program.remaining + award.total}
      />
      <TextInput label="Jenis usaha" value={businessType} onChange={(e) => setBusinessType(e.currentTarget.value)} />
      <Textarea
        label="Alasan koreksi"
        withAsterisk
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <FailureAlert error={failure} title="Koreksi tidak dicatat" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Batal
        </Button>
        <Button onClick={submit} loading={correct.isPending} disabled={cashUnreadable(pkg)}>
          Catat koreksi
        </Button>
      </Group>
    </Stack>
  );
}
