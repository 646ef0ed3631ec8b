import { Button, CloseButton, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { MEETING_LIMITS } from '../../../main/domain/p2k2';
import { notifyError } from '../shared/errors';
import { shrinkPhoto } from './shrink-photo';

/** A kept photo (id) or a new one; both show from their base64. */
export type FormPhoto = { id?: number; mime: string; base64: string };

interface Props {
  photos: FormPhoto[];
  onChange: (photos: FormPhoto[]) => void;
  disabled: boolean;
}

/** Up to three photos, each shrunk in the browser to at most 300 KB JPEG before it is sent. */
export function PhotoPicker({ photos, onChange, disabled }: Props) {
  const [busy, setBusy] = useState(false);
  const add = async (files: File[]) => {
    setBusy(true);
    try {
      const room = MEETING_LIMITS.photos - photos.length;
      const shrunk = await Promise.all(files.slice(0, room).map(shrinkPhoto));
      onChange([...photos, ...shrunk]);
    } catch (error) {
      notifyError(error, 'Foto tidak dapat dipakai');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Group>
        {photos.map((p, i) => (
          <Paper key={p.id ?? `new-${i}`} withBorder p={4} pos="relative">
            <Image src={`data:${p.mime};base64,${p.base64}`} alt={`Foto ${i + 1}`} w={140} h={100} fit="cover" />
            {!disabled && (
              <CloseButton
                pos="absolute"
                top={4}
                right={4}
                aria-label={`Hapus foto ${i + 1}`}
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
              />
            )}
          </Paper>
        ))}
      </Group>
      {!disabled && photos.length < MEETING_LIMITS.photos && (
        <FileButton onChange={add} accept="image/jpeg,image/png" multiple>
          {(props) => (
            <Button {...props} variant="default" loading={busy} w="fit-content">
              Tambah foto
            </Button>
          )}
        </FileButton>
      )}
      <Text size="xs" c="dimmed">
        Paling banyak {MEETING_LIMITS.photos} foto; setiap foto diperkecil otomatis menjadi paling besar 300 KB.
      </Text>
    </Stack>
  );
}
