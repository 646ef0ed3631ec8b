import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseDayFirst } from './date-text';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** ISO text (YYYY-MM-DD) or '' when empty: what forms and the contract carry. */
  value?: string | null;
  onChange?: (value: string) => void;
};

/**
 * A date typed and shown as dd/mm/yyyy with an Indonesian calendar, whatever the browser's language (the
 * native date input follows the PC's locale: mm/dd/yyyy on an English Windows). The locale comes from the
 * DatesProvider in main.tsx.
 */
export function DateField({ value, onChange, ...props }: Props) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseDayFirst}
      placeholder="hh/bb/tttt"
      clearable
      {...props}
      value={value || null}
      onChange={(next) => onChange?.(next ?? '')}
    />
  );
}
