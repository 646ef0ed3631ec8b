import { Button, Group, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentSettings, PdfFile } from '../../../main/api/documents.contract';
import { type DocumentSettingsInput, documentSettingsSchema, PAPERS } from '../../../main/domain/documents';
import { ApiError } from '../../api';
import { useSession } from '../session/session';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { PdfModal } from './PdfPreview';

/** 'KABUPATEN PAMEKASAN' -> 'Pamekasan': the place a letter is signed, unless the office sets another. */
export function regencyPlace(regencyName: string): string {
  return regencyName
    .replace(/^(KABUPATEN|KOTA|KAB\.)\s+/i, '')
    .toLowerCase()
    .replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());
}

/** Paper, letter-number settings, place, website and the SALINAN mark; the kop preview prints on the chosen paper. */
export function DocumentSettingsForm({ settings, readOnly }: { settings: DocumentSettings; readOnly: boolean }) {
  const { office } = useSession();
  const queryClient = useQueryClient();
  const save = useApiMutation('documents.saveSettings');
  const kop = useApiMutation('documents.kopPreview');
  const [preview, setPreview] = useState<PdfFile | null>(null);
  const form = useForm<DocumentSettingsInput>({
    initialValues: {
      paper: settings.paper,
      unitCode: settings.unitCode,
      place: settings.place || regencyPlace(office.regencyName),
      website: settings.website,
      verificationFolder: settings.verificationFolder,
      separateSequences: settings.separateSequences,
      markCopies: settings.markCopies,
    },
    validate: zodValidate(documentSettingsSchema),
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      form.resetDirty(values);
      await queryClient.invalidateQueries({ queryKey: ['documents.settings'] });
      notifySuccess('Pengaturan dokumen disimpan.');
    } catch (error) {
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
      notifyError(error, 'Pengaturan dokumen tidak disimpan');
    }
  });

  const showKop = async () => {
    try {
      setPreview(await kop.mutateAsync({ paper: form.values.paper }));
    } catch (error) {
      notifyError(error, 'Pratinjau kop gagal');
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h5">
          Kertas dan nomor surat
        </Title>
        <SettingsFields form={form} readOnly={readOnly} defaultPlace={regencyPlace(office.regencyName)} />
        <Switch
          label="Nomor urut terpisah per jenis dokumen"
          description="Bila tidak dipilih, semua jenis dokumen memakai satu nomor urut per tahun."
          disabled={readOnly}
          {...form.getInputProps('separateSequences', { type: 'checkbox' })}
        />
        <Switch
          label="Cetak ulang diberi tanda SALINAN"
          disabled={readOnly}
          {...form.getInputProps('markCopies', { type: 'checkbox' })}
        />
        <Group justify="space-between" mt="xs">
          <Button variant="default" onClick={showKop} loading={kop.isPending}>
            Pratinjau kop
          </Button>
          {!readOnly && (
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Simpan pengaturan dokumen
            </Button>
          )}
        </Group>
      </Stack>
      <PdfModal file={preview} title="Pratinjau kop surat" onClose={() => setPreview(null)} />
    </form>
  );
}

/** Paper size, unit code, place of signing and website. */
function SettingsFields({
  form,
  readOnly,
  defaultPlace,
}: {
  form: UseFormReturnType<DocumentSettingsInput>;
  readOnly: boolean;
  defaultPlace: string;
}) {
  return (
    <SimpleGrid cols={2}>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="paper-label">
          Ukuran kertas
        </Text>
        <SegmentedControl
          aria-labelledby="paper-label"
          data={PAPERS.map((p) => ({ value: p, label: p === 'F4' ? 'F4 (215 × 330 mm)' : 'A4 (210 × 297 mm)' }))}
          disabled={readOnly}
          {...form.getInputProps('paper')}
        />
      </Stack>
      <TextInput
        label="Kode unit"
        description="Dipakai dalam nomor surat sebagai {kode unit}, mis. Dinsos"
        readOnly={readOnly}
        {...form.getInputProps('unitCode')}
      />
      <TextInput
        label="Tempat penandatanganan"
        description="Ditulis sebelum tanggal surat"
        placeholder={defaultPlace}
        readOnly={readOnly}
        {...form.getInputProps('place')}
      />
      <TextInput
        label="Laman (website)"
        description="Dicetak di kop surat; bila diisi, kode QR surat baru membuka halaman verifikasi di laman ini"
        placeholder="dinsos.contohkab.go.id"
        readOnly={readOnly}
        {...form.getInputProps('website')}
      />
      <TextInput
        label="Folder halaman verifikasi"
        description="verifikasi.html ditulis ulang ke folder ini setiap kali surat dibatalkan (folder yang diunggah atau disinkronkan ke laman kantor); boleh kosong"
        placeholder="D:\laman-kantor\verifikasi"
        readOnly={readOnly}
        {...form.getInputProps('verificationFolder')}
      />
    </SimpleGrid>
  );
}
