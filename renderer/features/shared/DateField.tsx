import { CloseButton, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { type FocusEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { dateBoundsProblem, formatDayFirst, parseTypedDate } from '../../../main/domain/date-text';
import { todayIso } from '../../../main/domain/format';

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const shown = (value: string | null | undefined) =>
  !value ? '' : ISO_DATE.test(value) ? formatDayFirst(value) : value;
const isoBound = (bound: Bound) => (bound instanceof Date ? todayIso(bound) : bound);

/**
 * The one date input: typed day first the way staff type them (16081985, 16/8/85, 16-08-1985, 16.08.1985; one
 * parser, main/domain/date-text.ts), shown as dd/mm/yyyy whatever the browser's language, with an Indonesian
 * calendar (the DatesProvider in main.tsx) from a click or the down arrow. Text that is not a date is kept as
 * typed with the reason at the field, never cleared.
 */
export function DateField({ value, onChange, clearable = true, minDate, maxDate, error, ...props }: Props) {
  const [text, setText] = useState(() => shown(value));
  const [problem, setProblem] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  const emitted = useRef(value);
  const bounds = { min: isoBound(minDate), max: isoBound(maxDate) };

  // A date set from outside (form reset, the birth date read from a NIK) replaces the text.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(shown(value));
    setProblem(null);
  }, [value]);

  const emit = (next: string) => {
    if (next === emitted.current) return;
    emitted.current = next;
    onChange?.(next);
  };

  const empty = () => {
    setText('');
    setProblem(null);
    emit('');
  };
  const choose = (iso: string) => {
    setText(formatDayFirst(iso));
    setProblem(null);
    emit(iso);
  };

  /** Reads what was typed, when the field is left or Enter is pressed. */
  const commit = () => {
    const parsed = parseTypedDate(text, todayIso());
    if (parsed === null) return empty();
    const outside = parsed.ok ? dateBoundsProblem(parsed.iso, bounds) : parsed.message;
    if (parsed.ok && !outside) return choose(parsed.iso);
    setProblem(outside);
    emit(text.trim());
  };

  /**
   * A date with its four-digit year is taken while typing, so what depends on it (the komponen/age warning)
   * shows before the field is left and the layout does not move under the click on Simpan. Shorter forms wait
   * for the field to be left: 160819 is already a date on its way to 16081985.
   */
  const type = (typed: string) => {
    setText(typed);
    const complete = /(?:^|\D)\d{4}$|^\d{8}$|^\d{4}-\d{2}-\d{2}$/.test(typed.trim());
    const parsed = complete ? parseTypedDate(typed, todayIso()) : null;
    if (parsed?.ok && !dateBoundsProblem(parsed.iso, bounds)) {
      setProblem(null);
      emit(parsed.iso);
    }
  };

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
