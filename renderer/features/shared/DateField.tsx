import { CloseButton, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { type FocusEvent, type KeyboardEvent, useState } from 'react';
import { todayIso } from '../../../main/domain/format';
import { ISO_DATE, useDateText } from './use-date-text';

type Bound = Date | string | undefined;

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /**
   * ISO text (YYYY-MM-DD) or '' when empty: what forms and the contract carry. While the typed text cannot be
   * read it is that text itself, so a form refuses to save it instead of saving an empty or an old date.
   */
  value?: string | null;
  onChange?: (value: string) => void;
  /** A button that empties the field (default: shown while there is a date). */
  clearable?: boolean;
  minDate?: Bound;
  maxDate?: Bound;
};

const isoBound = (bound: Bound) => (bound instanceof Date ? todayIso(bound) : bound);

/**
 * The one date input: typed day first the way staff type them (16081985, 16/8/85, 16-08-1985, 16.08.1985; one
 * parser, main/domain/date-text.ts), shown as dd/mm/yyyy whatever the browser's language, with an Indonesian
 * calendar (the DatesProvider in main.tsx) from a click or the down arrow. Text that is not a date is kept as
 * typed with the reason at the field, never cleared.
 */
export function DateField({ value, onChange, clearable = true, minDate, maxDate, error, ...props }: Props) {
  const [opened, setOpened] = useState(false);
  const bounds = { min: isoBound(minDate), max: isoBound(maxDate) };
  const { text, problem, empty, choose, commit, type } = useDateText(value, onChange, bounds);

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'ArrowDown') setOpened(true);
    if (event.key === 'Escape') setOpened(false);
    props.onKeyDown?.(event);
  };
  const blur = (event: FocusEvent<HTMLInputElement>) => {
    setOpened(false);
    commit();
    props.onBlur?.(event);
  };

  const picked = ISO_DATE.test(value ?? '') ? (value as string) : null;
  const clear =
    clearable && text && !props.disabled && !props.readOnly ? (
      <CloseButton size="sm" aria-label="Kosongkan tanggal" onClick={empty} />
    ) : undefined;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" trapFocus={false} withRoles={false}>
      <Popover.Target>
        <TextInput
          placeholder="hh/bb/tttt"
          autoComplete="off"
          rightSection={clear}
          {...props}
          value={text}
          onChange={(event) => type(event.currentTarget.value)}
          onClick={(event) => {
            setOpened(true);
            props.onClick?.(event);
          }}
          onKeyDown={keyDown}
          onBlur={blur}
          error={problem ?? error}
        />
      </Popover.Target>
      <Popover.Dropdown onMouseDown={(event) => event.preventDefault()}>
        <DatePicker
          value={picked}
          defaultDate={picked ?? undefined}
          minDate={bounds.min}
          maxDate={bounds.max}
          onChange={(iso) => {
            if (iso) choose(iso);
            setOpened(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
