import { Select } from '@mantine/core';
import { usePendampingOptions } from '../pendamping/use-pendamping';

/** The pendamping record a pendamping account acts for; shown only when the role is pendamping. */
export function PendampingLinkSelect({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  error?: React.ReactNode;
}) {
  const options = usePendampingOptions({ activeOnly: false });
  return (
    <Select
      label="Data pendamping"
      description="Akun ini hanya melihat keluarga dampingan pendamping yang dipilih."
      withAsterisk
      searchable
      data={options}
      value={value == null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      error={error}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}
