import { Button, FileButton, Group, Image, Input, Paper, Text } from '@mantine/core';
import { useState } from 'react';

const MAX_BYTES = 1_000_000;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
}

/** The regional emblem for the letterhead, kept as a data: URL so it travels with the database. */
export function LogoInput({ value, onChange, error }: Props) {
  const [localError, setLocalError] = useState<string | null>(null);

  const pick = async (file: File | null) => {
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setLocalError('Logo harus gambar PNG atau JPEG.');
      return;
    }
    if (file.size > MAX_BYTES) {
      setLocalError(`Ukuran gambar ${(file.size / 1_000_000).toFixed(1).replace('.', ',')} MB; maksimal 1 MB.`);
      return;
    }
    setLocalError(null);
    onChange(await readAsDataUrl(file));
  };

  return (
    <Input.Wrapper
      label="Logo daerah"
      description="Untuk kop surat. Gambar PNG atau JPEG, maksimal 1 MB."
      error={localError ?? error}
    >
      <Group mt={4} gap="sm" align="center">
        <Paper withBorder w={72} h={72} p={4} style={{ display: 'grid', placeItems: 'center' }}>
          {value ? (
            <Image src={value} alt="Pratinjau logo" fit="contain" h={62} w={62} />
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              Belum ada logo
            </Text>
          )}
        </Paper>
        <FileButton onChange={pick} accept="image/png,image/jpeg">
          {(props) => (
            <Button variant="default" size="sm" {...props}>
              {value ? 'Ganti gambar…' : 'Pilih gambar…'}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button variant="subtle" color="red" size="sm" onClick={() => onChange(null)}>
            Hapus logo
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  );
}
